import datetime as dt

import strawberry
from strawberry import relay

from graphql_api.marketplace.categories.models import Category as CategoryModel
from graphql_api.payloads import Payload
from graphql_api.relay import load_nodes


@strawberry.type(description="A node of the marketplace's category tree.")
class Category(relay.Node):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Name shown to people, unique among its siblings.")
    slug: str = strawberry.field(description="Stable URL-safe name, unique in the tree.")
    created_at: dt.datetime = strawberry.field(description="When the category was created.")
    parent_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, category: CategoryModel) -> "Category":
        return cls(
            id=category.id,
            name=category.name,
            slug=category.slug,
            created_at=category.created_at,
            parent_id=category.parent_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(info.context.loaders.category_by_id, node_ids, cls.from_model)

    @strawberry.field(description="The category above this one; null at the top level.")
    async def parent(self, info: strawberry.Info) -> "Category | None":
        if self.parent_id is None:
            return None
        parent = await info.context.loaders.category_by_id.load(self.parent_id)
        return Category.from_model(parent) if parent else None

    @strawberry.field(description="The categories directly below this one, by name.")
    async def children(self, info: strawberry.Info) -> list["Category"]:
        children = await info.context.loaders.categories_by_parent_id.load(self.id)
        return [Category.from_model(child) for child in children]


@strawberry.input(description="A new category (admins only).")
class CreateCategoryInput:
    name: str = strawberry.field(description="1 to 60 characters, unique among its siblings.")
    parent_id: relay.GlobalID | None = strawberry.field(
        default=None, description="The category to put it under; null for the top level."
    )


@strawberry.input(description="A new name for a category (admins only).")
class RenameCategoryInput:
    id: relay.GlobalID = strawberry.field(description="The category to rename.")
    name: str = strawberry.field(description="1 to 60 characters, unique among its siblings.")


@strawberry.input(description="The category to delete (admins only).")
class DeleteCategoryInput:
    id: relay.GlobalID = strawberry.field(
        description="An empty leaf: no subcategories and no listings."
    )


@strawberry.type(description="Result of createCategory.")
class CreateCategoryPayload(Payload):
    category: Category | None = strawberry.field(default=None, description="The new category.")


@strawberry.type(description="Result of renameCategory.")
class RenameCategoryPayload(Payload):
    category: Category | None = strawberry.field(default=None, description="The renamed category.")


@strawberry.type(description="Result of deleteCategory.")
class DeleteCategoryPayload(Payload):
    deleted_category_id: relay.GlobalID | None = strawberry.field(
        default=None, description="ID of the deleted category."
    )
