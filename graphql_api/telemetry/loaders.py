import datetime as dt
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.db import utcnow
from graphql_api.telemetry import service as telemetry_service


async def watched_since_by_device_id(
    session: AsyncSession, viewer: Viewer | None, device_ids: Sequence[int]
) -> list[dt.datetime | None]:
    """When the newest live watcher of each device began; None if nobody watches it.

    Keys are device ids the caller already resolved through a viewer-scoped loader.
    """
    if viewer is None:
        return [None] * len(device_ids)
    watched = await telemetry_service.watched_since(session, device_ids, utcnow())
    return [watched.get(device_id) for device_id in device_ids]


async def latest_samples_by_device_id(
    session: AsyncSession, viewer: Viewer | None, device_ids: Sequence[int]
) -> list[list[telemetry_service.TelemetrySample]]:
    """Each device's newest stored point per key, by key.

    Keys are device ids the caller already resolved through a viewer-scoped loader.
    """
    if viewer is None:
        return [[] for _ in device_ids]
    latest = await telemetry_service.latest_by_device(session, device_ids)
    return [latest.get(device_id, []) for device_id in device_ids]


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "latest_samples_by_device_id": latest_samples_by_device_id,
    "watched_since_by_device_id": watched_since_by_device_id,
}
