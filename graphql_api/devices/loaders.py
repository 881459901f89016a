from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.devices.repository import DeviceRepository
from graphql_api.pagination import Page, PageArgs, counts_by_group, pages_by_group


async def devices_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[Device | None]:
    if viewer is None:
        return [None] * len(ids)
    return await DeviceRepository(session).get_readable_by_ids(viewer, ids)


async def devices_by_parent_id(
    session: AsyncSession, viewer: Viewer | None, parent_ids: Sequence[int]
) -> list[list[Device]]:
    """Every outlet of each hub (a hub's state shows them all: at most 256 CCU ids)."""
    if viewer is None:
        return [[] for _ in parent_ids]
    return await DeviceRepository(session).list_readable_by_parent_ids(viewer, parent_ids)


# Nested connections: keys are (parent id, (page, kind filter)); see pages_by_group.
DevicesAsk = tuple[PageArgs, DeviceKind | None]


def _pages_by(group_column: Any):
    async def batch(
        session: AsyncSession, viewer: Viewer | None, keys: Sequence[tuple[int, DevicesAsk]]
    ) -> list[Page[Device]]:
        async def fetch(group_ids: list[int], ask: DevicesAsk) -> list[Page[Device]]:
            page, kind = ask
            if viewer is None:
                return [Page.empty() for _ in group_ids]
            return await DeviceRepository(session).readable_pages(
                viewer, group_column, group_ids, page, kind
            )

        return await pages_by_group(keys, fetch)

    return batch


def _counts_by(group_column: Any):
    async def batch(
        session: AsyncSession,
        viewer: Viewer | None,
        keys: Sequence[tuple[int, DeviceKind | None]],
    ) -> list[int]:
        async def fetch(group_ids: list[int], kind: DeviceKind | None) -> list[int]:
            if viewer is None:
                return [0] * len(group_ids)
            return await DeviceRepository(session).readable_counts(
                viewer, group_column, group_ids, kind
            )

        return await counts_by_group(keys, fetch)

    return batch


device_pages_by_pet_id = _pages_by(Device.pet_id)
device_counts_by_pet_id = _counts_by(Device.pet_id)
device_pages_by_parent_id = _pages_by(Device.parent_id)
device_counts_by_parent_id = _counts_by(Device.parent_id)
device_pages_by_owner_id = _pages_by(Device.owner_id)
device_counts_by_owner_id = _counts_by(Device.owner_id)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "device_by_id": devices_by_id,
    "devices_by_parent_id": devices_by_parent_id,
    "device_page_by_pet_id": device_pages_by_pet_id,
    "device_count_by_pet_id": device_counts_by_pet_id,
    "device_page_by_parent_id": device_pages_by_parent_id,
    "device_count_by_parent_id": device_counts_by_parent_id,
    "device_page_by_owner_id": device_pages_by_owner_id,
    "device_count_by_owner_id": device_counts_by_owner_id,
}
