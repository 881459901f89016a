from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.schedules.models import FeedingSchedule, ScheduleFiring
from graphql_api.schedules.repository import FiringRepository, ScheduleRepository


async def feeding_schedules_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[FeedingSchedule | None]:
    if viewer is None:
        return [None] * len(ids)
    return await ScheduleRepository(session).get_readable_by_ids(viewer, ids)


async def last_schedule_firing_by_schedule_id(
    session: AsyncSession, viewer: Viewer | None, schedule_ids: Sequence[int]
) -> list[ScheduleFiring | None]:
    # Keys are ids of schedules the viewer already read through a scoped query.
    if viewer is None:
        return [None] * len(schedule_ids)
    return await FiringRepository(session).latest_by_schedule_ids(schedule_ids)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "feeding_schedule_by_id": feeding_schedules_by_id,
    "last_schedule_firing_by_schedule_id": last_schedule_firing_by_schedule_id,
}
