"""The schema: every domain's root fields merged, with the limits and error masking we run with."""

from graphql import GraphQLError
from strawberry import Schema
from strawberry.extensions import MaskErrors, MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.relay.types import GlobalIDValueError
from strawberry.tools import merge_types

from graphql_api.accounts.types import User
from graphql_api.devices.types import Device
from graphql_api.errors import DomainError
from graphql_api.pets.types import Pet
from graphql_api.settings import Settings
from resolvers.accounts import AccountMutations, AccountQueries
from resolvers.devices import DeviceMutations, DeviceQueries, DeviceSubscriptions
from resolvers.node import NodeQueries
from resolvers.pets import PetMutations, PetQueries

Query = merge_types("Query", (NodeQueries, AccountQueries, PetQueries, DeviceQueries))
Mutation = merge_types("Mutation", (AccountMutations, PetMutations, DeviceMutations))
Subscription = merge_types("Subscription", (DeviceSubscriptions,))

# Errors the client caused; everything else wrapping a Python exception is a bug and is masked.
_CLIENT_ERRORS = (DomainError, GraphQLError, GlobalIDValueError)


def _is_unexpected(error: GraphQLError) -> bool:
    original = error.original_error
    return original is not None and not isinstance(original, _CLIENT_ERRORS)


class DomainErrorCodes(MaskErrors):
    """Adds ``extensions.code`` to top-level errors raised as DomainError (queries, subscriptions)."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda error: False)

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        for error in errors:
            if isinstance(error.original_error, DomainError):
                error.extensions = {**(error.extensions or {}), "code": error.original_error.code.value}
        return errors


def build_schema(settings: Settings) -> Schema:
    return Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=[User, Pet, Device],
        extensions=[
            QueryDepthLimiter(max_depth=settings.graphql_max_depth),
            MaxAliasesLimiter(max_alias_count=settings.graphql_max_aliases),
            MaxTokensLimiter(max_token_count=settings.graphql_max_tokens),
            DomainErrorCodes(),
            MaskErrors(should_mask_error=_is_unexpected),
        ],
    )
