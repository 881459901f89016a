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
