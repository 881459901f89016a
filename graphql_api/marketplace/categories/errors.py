"""Why a category operation failed (codes in ``marketplace.errors``)."""

from graphql_api.errors import Conflict, NotFound
from graphql_api.marketplace.errors import MarketplaceErrorCode


class CategoryNotFound(NotFound):
    default_code = MarketplaceErrorCode.CATEGORY_NOT_FOUND
    default_message = "Category not found."


class CategoryExists(Conflict):
    default_code = MarketplaceErrorCode.CATEGORY_EXISTS
    default_message = "A category with this name already exists here."


class CategoryInUse(Conflict):
    default_code = MarketplaceErrorCode.CATEGORY_IN_USE
