from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.outlets import service as outlets_service
from graphql_api.outlets.models import HubFocus


async def hub_focus_by_hub_id(
    session: AsyncSession, viewer: Viewer | None, hub_ids: Sequence[int]
) -> list[HubFocus | None]:
    """The owner's focus choice per hub. Keys are hubs the caller loaded through a
    viewer-scoped loader; the chosen outlet itself is loaded through ``device_by_id``."""
    if viewer is None:
        return [None] * len(hub_ids)
    return await outlets_service.focuses_by_hub_ids(session, hub_ids)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "hub_focus_by_hub_id": hub_focus_by_hub_id,
}
