import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Select, case, delete, select, update

from graphql_api.auth import Viewer
from graphql_api.notifications.models import (
    Notification,
    NotificationDelivery,
    NotificationKind,
    NotificationMute,
    NotificationPreference,
)
from graphql_api.pagination import Page, PageArgs
from graphql_api.repository import RepositoryBase, ScopedStatement, SortKey

# 0 unread, 1 read: UNREAD_FIRST walks (this, id descending).
_IS_READ = case((Notification.read_at.is_(None), 0), else_=1)
_UNREAD_FIRST = (
    SortKey(_IS_READ, value_of=lambda notification: notification.read_at is not None),
    SortKey(Notification.id, descending=True),
)


class NotificationRepository(RepositoryBase[Notification]):
    model = Notification

    def readable_statement(self, viewer: Viewer) -> Select[tuple[Notification]]:
        # An inbox is private: staff do not read other people's notifications either.
        return select(Notification).where(Notification.recipient_id == viewer.user_id)

    async def get_readable_by_ids(
        self, viewer: Viewer, ids: Sequence[int]
    ) -> list[Notification | None]:
        statement = self.readable_statement(viewer).where(Notification.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda notification: notification.id)

    def inbox_statement(self, viewer: Viewer, *, unread_only: bool) -> Select[tuple[Notification]]:
        statement = self.readable_statement(viewer)
        if unread_only:
            statement = statement.where(Notification.read_at.is_(None))
        return statement

    async def page_newest_first(
        self, statement: Select[tuple[Notification]], page: PageArgs
    ) -> Page[Notification]:
        return await self.paginate(statement, page, newest_first=True)

    async def page_unread_first(
        self, statement: Select[tuple[Notification]], page: PageArgs
    ) -> Page[Notification]:
        return await self.paginate_by(statement, page, _UNREAD_FIRST)

    async def inbox_pages(
        self, viewer: Viewer, recipient_ids: Sequence[int], page: PageArgs, *, unread_only: bool
    ) -> list[Page[Notification]]:
        """One newest-first page of each recipient's inbox; only the viewer's own has rows."""
        statement = self._inbox(viewer, unread_only=unread_only)
        return await self.paginate_groups(
            statement, Notification.recipient_id, recipient_ids, page, newest_first=True
        )

    async def inbox_counts(
        self, viewer: Viewer, recipient_ids: Sequence[int], *, unread_only: bool
    ) -> list[int]:
        statement = self._inbox(viewer, unread_only=unread_only)
        return await self.count_groups(statement, Notification.recipient_id, recipient_ids)

    def _inbox(self, viewer: Viewer, *, unread_only: bool) -> ScopedStatement:
        return ScopedStatement(
            ("inbox", unread_only),
            viewer,
            lambda stand_in: self.inbox_statement(stand_in, unread_only=unread_only),
        )

    async def count_unread(self, viewer: Viewer) -> int:
        return await self.count(self.inbox_statement(viewer, unread_only=True))

    async def mark_read(
        self, viewer: Viewer, ids: Sequence[int] | None, now: dt.datetime
    ) -> list[Notification]:
        """Mark the viewer's unread notifications (those of ``ids``, or all) read at ``now``."""
        statement = update(Notification).where(
            Notification.recipient_id == viewer.user_id, Notification.read_at.is_(None)
        )
        if ids is not None:
            statement = statement.where(Notification.id.in_(ids))
        statement = statement.values(read_at=now).returning(Notification)
        return list((await self.execute(statement)).scalars().all())

    async def is_muted(self, user_id: int, kind: NotificationKind) -> bool:
        statement = select(NotificationMute.id).where(
            NotificationMute.user_id == user_id, NotificationMute.kind == kind
        )
        return await self.scalar(statement) is not None

    async def muted_kinds(self, user_id: int) -> list[NotificationKind]:
        statement = (
            select(NotificationMute.kind)
            .where(NotificationMute.user_id == user_id)
            .order_by(NotificationMute.kind)
        )
        return list((await self.execute(statement)).scalars().all())

    async def mute(self, user_id: int, kind: NotificationKind) -> None:
        # Muting twice, even from two requests at once, leaves one row and no error.
        statement = (
            self.insert_statement(NotificationMute)
            .values(user_id=user_id, kind=kind)
            .on_conflict_do_nothing(index_elements=["user_id", "kind"])
        )
        await self.execute(statement)

    async def unmute(self, user_id: int, kind: NotificationKind) -> None:
        await self.execute(
            delete(NotificationMute).where(
                NotificationMute.user_id == user_id, NotificationMute.kind == kind
            )
        )

    async def delivery_choice(
        self, user_id: int, kind: NotificationKind
    ) -> NotificationDelivery | None:
        """The user's chosen delivery for ``kind``; None when they never chose."""
        statement = select(NotificationPreference.delivery).where(
            NotificationPreference.user_id == user_id, NotificationPreference.kind == kind
        )
        return await self.scalar(statement)

    async def delivery_choices(
        self, user_ids: Sequence[int]
    ) -> dict[int, dict[NotificationKind, NotificationDelivery]]:
        statement = select(
            NotificationPreference.user_id,
            NotificationPreference.kind,
            NotificationPreference.delivery,
        ).where(NotificationPreference.user_id.in_(user_ids))
        chosen: dict[int, dict[NotificationKind, NotificationDelivery]] = {}
        for user_id, kind, delivery in (await self.execute(statement)).all():
            chosen.setdefault(user_id, {})[kind] = delivery
        return chosen

    async def choose_delivery(
        self,
        user_id: int,
        choices: Sequence[tuple[NotificationKind, NotificationDelivery]],
        now: dt.datetime,
    ) -> None:
        """Upsert: two requests at once leave one row per kind, the later choice."""
        statement = self.insert_statement(NotificationPreference).values(
            [
                {"user_id": user_id, "kind": kind, "delivery": delivery, "updated_at": now}
                for kind, delivery in choices
            ]
        )
        statement = statement.on_conflict_do_update(
            index_elements=["user_id", "kind"],
            set_={"delivery": statement.excluded.delivery, "updated_at": now},
        )
        await self.execute(statement)
