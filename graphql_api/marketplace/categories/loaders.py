"""Category relations, one query per batch, answers in key order."""

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.marketplace.categories.models import Category
from graphql_api.marketplace.categories.repository import CategoryRepository


async def categories_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[Category | None]:
    return await CategoryRepository(session).get_by_ids(ids)


async def categories_by_parent_id(
    session: AsyncSession, viewer: Viewer | None, parent_ids: Sequence[int]
) -> list[list[Category]]:
    return await CategoryRepository(session).list_children_of(parent_ids)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "category_by_id": categories_by_id,
    "categories_by_parent_id": categories_by_parent_id,
}
