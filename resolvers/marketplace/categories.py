"""Category root fields: browse the tree; admins add, rename and delete categories."""

from typing import Annotated

import strawberry
from strawberry import relay

from graphql_api.marketplace.categories import service as categories_service
from graphql_api.marketplace.categories.types import (
    Category,
    CreateCategoryInput,
    CreateCategoryPayload,
    DeleteCategoryInput,
    DeleteCategoryPayload,
    RenameCategoryInput,
    RenameCategoryPayload,
)
from graphql_api.mutation import MutationBoundary
from graphql_api.relay import decode_id
from resolvers.marketplace.arguments import INPUT


@strawberry.type
class CategoryQueries:
    @strawberry.field(
        description="Categories directly under `parentId` (the top level without it)."
    )
    async def categories(
        self,
        info: strawberry.Info,
        parent_id: Annotated[
            relay.GlobalID | None, strawberry.argument(description="A category; null for the top.")
        ] = None,
    ) -> list[Category]:
        parent = decode_id(parent_id, Category, "parentId") if parent_id else None
        categories = await categories_service.list_children(info.context.session, parent)
        return [Category.from_model(category) for category in categories]


@strawberry.type
class CategoryMutations:
    @strawberry.mutation(description="Add a category (admins).", extensions=[MutationBoundary()])
    async def create_category(
        self, info: strawberry.Info, input: Annotated[CreateCategoryInput, INPUT]
    ) -> CreateCategoryPayload:
        parent = decode_id(input.parent_id, Category, "parentId") if input.parent_id else None
        category = await categories_service.create(
            info.context.session, info.context.viewer, input.name, parent
        )
        return CreateCategoryPayload(category=Category.from_model(category))

    @strawberry.mutation(description="Rename a category (admins).", extensions=[MutationBoundary()])
    async def rename_category(
        self, info: strawberry.Info, input: Annotated[RenameCategoryInput, INPUT]
    ) -> RenameCategoryPayload:
        category = await categories_service.rename(
            info.context.session,
            info.context.viewer,
            decode_id(input.id, Category, "id"),
            input.name,
        )
        return RenameCategoryPayload(category=Category.from_model(category))

    @strawberry.mutation(
        description="Delete an empty category (admins).", extensions=[MutationBoundary()]
    )
    async def delete_category(
        self, info: strawberry.Info, input: Annotated[DeleteCategoryInput, INPUT]
    ) -> DeleteCategoryPayload:
        category = await categories_service.delete(
            info.context.session, info.context.viewer, decode_id(input.id, Category, "id")
        )
        return DeleteCategoryPayload(
            deleted_category_id=relay.GlobalID("Category", str(category.id))
        )
