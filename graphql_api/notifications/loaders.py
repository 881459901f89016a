from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.notifications.models import Notification
from graphql_api.notifications.repository import NotificationRepository
from graphql_api.notifications.service import DeliveryPreference, preferences_of
from graphql_api.pagination import Page, PageArgs, counts_by_group, pages_by_group


async def notifications_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[Notification | None]:
    if viewer is None:
        return [None] * len(ids)
    return await NotificationRepository(session).get_readable_by_ids(viewer, ids)


# (page, unread only)
InboxAsk = tuple[PageArgs, bool]


async def notification_pages_by_recipient_id(
    session: AsyncSession, viewer: Viewer | None, keys: Sequence[tuple[int, InboxAsk]]
) -> list[Page[Notification]]:
    """Keys: (recipient id, (page, unread only)); an inbox is private, so only the viewer's
    own id finds rows."""

    async def fetch(recipient_ids: list[int], ask: InboxAsk) -> list[Page[Notification]]:
        page, unread_only = ask
        if viewer is None:
            return [Page.empty() for _ in recipient_ids]
        return await NotificationRepository(session).inbox_pages(
            viewer, recipient_ids, page, unread_only=unread_only
        )

    return await pages_by_group(keys, fetch)


async def notification_counts_by_recipient_id(
    session: AsyncSession, viewer: Viewer | None, keys: Sequence[tuple[int, bool]]
) -> list[int]:
    """Keys: (recipient id, unread only)."""

    async def fetch(recipient_ids: list[int], unread_only: bool) -> list[int]:
        if viewer is None:
            return [0] * len(recipient_ids)
        return await NotificationRepository(session).inbox_counts(
            viewer, recipient_ids, unread_only=unread_only
        )

    return await counts_by_group(keys, fetch)


async def notification_preferences_by_user_id(
    session: AsyncSession, viewer: Viewer | None, user_ids: Sequence[int]
) -> list[list[DeliveryPreference] | None]:
    """Every kind's delivery, for the viewer's own id only (None for anyone else)."""
    return await preferences_of(session, viewer, user_ids)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "notification_page_by_recipient_id": notification_pages_by_recipient_id,
    "notification_count_by_recipient_id": notification_counts_by_recipient_id,
    "notification_by_id": notifications_by_id,
    "notification_preferences_by_user_id": notification_preferences_by_user_id,
}
