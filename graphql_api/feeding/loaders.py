from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.feeding.models import FeedingLog
from graphql_api.feeding.repository import FeedingLogRepository


async def feeding_logs_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[FeedingLog | None]:
    if viewer is None:
        return [None] * len(ids)
    return await FeedingLogRepository(session).get_readable_by_ids(viewer, ids)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "feeding_log_by_id": feeding_logs_by_id,
}
