import datetime as dt
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.behaviour import service as behaviour_service
from graphql_api.behaviour.models import BehaviourSegment


async def segments_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[BehaviourSegment | None]:
    return await behaviour_service.segments_by_ids(session, viewer, ids)


async def timelines_by_pet_day(
    session: AsyncSession, viewer: Viewer | None, keys: Sequence[tuple[int, dt.date]]
) -> list[behaviour_service.PetTimeline | None]:
    return await behaviour_service.timelines(session, viewer, keys)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "timeline_by_pet_day": timelines_by_pet_day,
    "behaviour_segment_by_id": segments_by_id,
}
