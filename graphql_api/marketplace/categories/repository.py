from collections.abc import Sequence

from sqlalchemy import func, select

from graphql_api.marketplace.categories.models import Category
from graphql_api.marketplace.listings.models import Listing
from graphql_api.repository import RepositoryBase


class CategoryRepository(RepositoryBase[Category]):
    """Categories are public: every statement here reads the whole (small) tree."""

    model = Category

    async def get(self, category_id: int) -> Category | None:
        return await self.get_one_or_none(select(Category).where(Category.id == category_id))

    async def get_by_ids(self, ids: Sequence[int]) -> list[Category | None]:
        statement = select(Category).where(Category.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda category: category.id)

    async def list_children(self, parent_id: int | None) -> list[Category]:
        statement = select(Category).where(
            Category.parent_id.is_(None) if parent_id is None else Category.parent_id == parent_id
        )
        return await self.scalars(statement.order_by(Category.name, Category.id))

    async def list_children_of(self, parent_ids: Sequence[int]) -> list[list[Category]]:
        statement = (
            select(Category).where(Category.parent_id.in_(parent_ids)).order_by(Category.name)
        )
        return await self.grouped_in_key_order(statement, parent_ids, lambda c: c.parent_id)

    async def sibling_named(self, parent_id: int | None, name: str) -> Category | None:
        parent = (
            Category.parent_id.is_(None) if parent_id is None else Category.parent_id == parent_id
        )
        statement = select(Category).where(parent, func.lower(Category.name) == name.lower())
        return await self.get_one_or_none(statement)

    async def slug_taken(self, slug: str) -> bool:
        return await self.scalar(select(Category.id).where(Category.slug == slug)) is not None

    async def has_children(self, category_id: int) -> bool:
        statement = select(Category.id).where(Category.parent_id == category_id)
        return await self.scalar(statement) is not None

    async def has_listings(self, category_id: int) -> bool:
        statement = select(Listing.id).where(Listing.category_id == category_id)
        return await self.scalar(statement) is not None

    async def descendant_ids(self, category_id: int) -> list[int]:
        """``category_id`` and every category below it (one recursive query)."""
        tree = select(Category.id).where(Category.id == category_id).cte(recursive=True)
        tree = tree.union_all(select(Category.id).where(Category.parent_id == tree.c.id))
        return list((await self.execute(select(tree.c.id))).scalars().all())
