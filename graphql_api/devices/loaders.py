from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.devices.models import Device
from graphql_api.devices.repository import DeviceRepository


async def devices_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[Device | None]:
    if viewer is None:
        return [None] * len(ids)
    return await DeviceRepository(session).get_readable_by_ids(viewer, ids)


async def devices_by_pet_id(
    session: AsyncSession, viewer: Viewer | None, pet_ids: Sequence[int]
) -> list[list[Device]]:
    if viewer is None:
        return [[] for _ in pet_ids]
    return await DeviceRepository(session).list_readable_by_pet_ids(viewer, pet_ids)


async def devices_by_parent_id(
    session: AsyncSession, viewer: Viewer | None, parent_ids: Sequence[int]
) -> list[list[Device]]:
    if viewer is None:
        return [[] for _ in parent_ids]
    return await DeviceRepository(session).list_readable_by_parent_ids(viewer, parent_ids)
