from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.notifications.models import Notification
from graphql_api.notifications.repository import NotificationRepository


async def notifications_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[Notification | None]:
    if viewer is None:
        return [None] * len(ids)
    return await NotificationRepository(session).get_readable_by_ids(viewer, ids)
