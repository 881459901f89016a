from sqlalchemy import select

from graphql_api.notifications.models import Notification, NotificationKind, NotificationMute
from graphql_api.repository import RepositoryBase


class NotificationRepository(RepositoryBase[Notification]):
    model = Notification

    async def is_muted(self, user_id: int, kind: NotificationKind) -> bool:
        statement = select(NotificationMute.id).where(
            NotificationMute.user_id == user_id, NotificationMute.kind == kind
        )
        return await self.scalar(statement) is not None
