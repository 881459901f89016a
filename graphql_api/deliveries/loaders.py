from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.deliveries.models import WebhookEndpoint
from graphql_api.deliveries.service import webhooks_of


async def notification_webhooks_by_user_id(
    session: AsyncSession, viewer: Viewer | None, user_ids: Sequence[int]
) -> list[WebhookEndpoint | None]:
    """A user's webhook, for the viewer's own id only."""
    return await webhooks_of(session, viewer, user_ids)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {"notification_webhook_by_user_id": notification_webhooks_by_user_id}
