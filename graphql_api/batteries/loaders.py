from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.batteries.models import BatteryProfile, BatterySchedule, BatterySlot
from graphql_api.batteries.repository import ProfileRepository, ScheduleRepository, SlotRepository


async def profiles_by_device_id(
    session: AsyncSession, viewer: Viewer | None, device_ids: Sequence[int]
) -> list[BatteryProfile | None]:
    # Only asked through a Device the viewer could already load.
    if viewer is None:
        return [None] * len(device_ids)
    return await ProfileRepository(session).get_by_device_ids(device_ids)


async def schedules_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[BatterySchedule | None]:
    if viewer is None:
        return [None] * len(ids)
    return await ScheduleRepository(session).get_readable_by_ids(viewer, ids)


async def slots_by_schedule_id(
    session: AsyncSession, viewer: Viewer | None, schedule_ids: Sequence[int]
) -> list[list[BatterySlot]]:
    # Only asked through a schedule the viewer could already load.
    if viewer is None:
        return [[] for _ in schedule_ids]
    return await SlotRepository(session).list_by_schedule_ids(schedule_ids)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "battery_slots_by_schedule_id": slots_by_schedule_id,
    "battery_schedule_by_id": schedules_by_id,
    "battery_profile_by_device_id": profiles_by_device_id,
}
