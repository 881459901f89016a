"""The category tree: everyone reads it; admins create, rename and delete categories."""

import re

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Role, Viewer, require_writer
from graphql_api.errors import PermissionDenied, ValidationFailed
from graphql_api.marketplace.categories.errors import (
    CategoryExists,
    CategoryInUse,
    CategoryNotFound,
)
from graphql_api.marketplace.categories.models import Category
from graphql_api.marketplace.categories.repository import CategoryRepository
from graphql_api.marketplace.money import bounded_text

MAX_NAME = 60


def _require_admin(viewer: Viewer | None) -> Viewer:
    viewer = require_writer(viewer)
    if viewer.role is not Role.ADMIN:
        raise PermissionDenied("Only admins manage categories.")
    return viewer


def _slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:70] or "category"


async def _unique_slug(repository: CategoryRepository, name: str) -> str:
    base = slug = _slugify(name)
    suffix = 2
    while await repository.slug_taken(slug):
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


async def _checked_name(
    repository: CategoryRepository,
    parent_id: int | None,
    name: str,
    current: Category | None = None,
) -> str:
    checked = bounded_text(name, "name", MAX_NAME, ValidationFailed, required=True)
    assert checked is not None
    sibling = await repository.sibling_named(parent_id, checked)
    if sibling is not None and sibling is not current:
        raise CategoryExists(field="name")
    return checked


async def get(session: AsyncSession, category_id: int) -> Category | None:
    return await CategoryRepository(session).get(category_id)


async def require(session: AsyncSession, category_id: int, field: str = "categoryId") -> Category:
    category = await CategoryRepository(session).get(category_id)
    if category is None:
        raise CategoryNotFound(field=field)
    return category


async def list_children(session: AsyncSession, parent_id: int | None) -> list[Category]:
    """The categories directly under ``parent_id`` (the top level for None), by name."""
    return await CategoryRepository(session).list_children(parent_id)


async def descendant_ids(session: AsyncSession, category_id: int) -> list[int]:
    return await CategoryRepository(session).descendant_ids(category_id)


async def create(
    session: AsyncSession, viewer: Viewer | None, name: str, parent_id: int | None
) -> Category:
    _require_admin(viewer)
    repository = CategoryRepository(session)
    if parent_id is not None:
        await require(session, parent_id, "parentId")
    checked = await _checked_name(repository, parent_id, name)
    category = repository.add(
        Category(parent_id=parent_id, name=checked, slug=await _unique_slug(repository, checked))
    )
    await repository.flush()
    return category


async def rename(
    session: AsyncSession, viewer: Viewer | None, category_id: int, name: str
) -> Category:
    _require_admin(viewer)
    repository = CategoryRepository(session)
    category = await require(session, category_id, "id")
    category.name = await _checked_name(repository, category.parent_id, name, category)
    await repository.flush()
    return category


async def delete(session: AsyncSession, viewer: Viewer | None, category_id: int) -> Category:
    """Only an empty leaf goes: listings keep their category, so one in use stays."""
    _require_admin(viewer)
    repository = CategoryRepository(session)
    category = await require(session, category_id, "id")
    if await repository.has_children(category_id):
        raise CategoryInUse("Delete or move its subcategories first.", field="id")
    if await repository.has_listings(category_id):
        raise CategoryInUse("Listings use this category.", field="id")
    await repository.delete(category)
    return category
