from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.alerts.models import Alert
from graphql_api.alerts.repository import AlertRepository
from graphql_api.auth import Viewer


async def alerts_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[Alert | None]:
    if viewer is None:
        return [None] * len(ids)
    return await AlertRepository(session).get_readable_by_ids(viewer, ids)


async def open_alerts_by_device_id(
    session: AsyncSession, viewer: Viewer | None, device_ids: Sequence[int]
) -> list[list[Alert]]:
    if viewer is None:
        return [[] for _ in device_ids]
    return await AlertRepository(session).list_open_by_device_ids(viewer, device_ids)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "open_alerts_by_device_id": open_alerts_by_device_id,
    "alert_by_id": alerts_by_id,
}
