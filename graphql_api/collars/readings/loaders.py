from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.collars.readings import service as collars_service
from graphql_api.collars.readings.models import CollarReading


async def last_readings_by_device_id(
    session: AsyncSession, viewer: Viewer | None, device_ids: Sequence[int]
) -> list[CollarReading | None]:
    """Keys are devices the viewer already resolved (a Device node is only built for a device
    they may read), so the readings need no second scope check."""
    if viewer is None:
        return [None] * len(device_ids)
    return await collars_service.last_readings(session, device_ids)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "last_collar_reading_by_device_id": last_readings_by_device_id,
}
