from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.pets.models import Pet
from graphql_api.pets.repository import PetRepository


async def pets_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[Pet | None]:
    if viewer is None:
        return [None] * len(ids)
    return await PetRepository(session).get_readable_by_ids(viewer, ids)
