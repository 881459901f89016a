"""Reading a user's notification inbox in service tests."""

from graphql_api.accounts.models import User
from graphql_api.notifications import service as notifications_service
from graphql_api.notifications.models import NotificationKind
from graphql_api.pagination import PageArgs
from tests.factories.accounts import viewer_of


async def kinds_in_inbox(session, user: User) -> list[NotificationKind]:
    """The kinds of ``user``'s notifications, oldest first."""
    page, _ = await notifications_service.list_for_viewer(
        session, viewer_of(user), PageArgs(limit=100, forward=True, cursor=None)
    )
    return [notification.kind for notification in reversed(page.items)]
