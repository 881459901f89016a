from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.pagination import Page, PageArgs, pages_by_group
from graphql_api.pets.models import Pet
from graphql_api.pets.repository import PetRepository


async def pets_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[Pet | None]:
    if viewer is None:
        return [None] * len(ids)
    return await PetRepository(session).get_readable_by_ids(viewer, ids)


async def pet_pages_by_owner_id(
    session: AsyncSession, viewer: Viewer | None, keys: Sequence[tuple[int, PageArgs]]
) -> list[Page[Pet]]:
    """Keys: (owner id, page asked)."""

    async def fetch(owner_ids: list[int], page: PageArgs) -> list[Page[Pet]]:
        if viewer is None:
            return [Page.empty() for _ in owner_ids]
        return await PetRepository(session).readable_pages_by_owner_ids(viewer, owner_ids, page)

    return await pages_by_group(keys, fetch)


async def pet_counts_by_owner_id(
    session: AsyncSession, viewer: Viewer | None, owner_ids: Sequence[int]
) -> list[int]:
    if viewer is None:
        return [0] * len(owner_ids)
    return await PetRepository(session).readable_counts_by_owner_ids(viewer, owner_ids)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "pet_by_id": pets_by_id,
    "pet_page_by_owner_id": pet_pages_by_owner_id,
    "pet_count_by_owner_id": pet_counts_by_owner_id,
}
