"""The schema: every domain's root fields merged, with the limits and error masking we run with."""

from collections.abc import AsyncIterator

from graphql import GraphQLError
from strawberry import Schema
from strawberry.extensions import (
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)
from strawberry.relay.types import GlobalIDValueError
from strawberry.tools import merge_types

from graphql_api.accounts.types import User
from graphql_api.alerts.types import Alert
from graphql_api.commands.types import Command
from graphql_api.context import Context
from graphql_api.devices.types import Device
from graphql_api.errors import DomainError
from graphql_api.feeding.types import FeedingLog
from graphql_api.marketplace.categories.types import Category
from graphql_api.marketplace.listings.types import Listing
from graphql_api.marketplace.messages.types import Message, MessageThread
from graphql_api.marketplace.requests.types import PurchaseRequest
from graphql_api.marketplace.transactions.types import Transaction
from graphql_api.moderation.types import Report
from graphql_api.notifications.types import Notification
from graphql_api.pets.types import Pet
from graphql_api.schedules.types import FeedingSchedule
from graphql_api.settings import Settings
from graphql_api.social.comments.types import Comment
from graphql_api.social.posts.types import Post
from graphql_api.social.profiles.types import Profile
from resolvers.accounts import AccountMutations, AccountQueries
from resolvers.alerts import AlertMutations, AlertQueries, AlertSubscriptions
from resolvers.commands import CommandMutations, CommandQueries, CommandSubscriptions
from resolvers.devices import DeviceMutations, DeviceQueries, DeviceSubscriptions
from resolvers.feeding import FeedingQueries
from resolvers.marketplace import (
    MarketplaceMutations,
    MarketplaceQueries,
    MarketplaceSubscriptions,
)
from resolvers.moderation import ModerationMutations, ModerationQueries
from resolvers.node import NodeQueries
from resolvers.notifications import (
    NotificationMutations,
    NotificationQueries,
    NotificationSubscriptions,
)
from resolvers.outlets import OutletMutations, OutletQueries
from resolvers.pairing import PairingMutations
from resolvers.pets import PetMutations, PetQueries
from resolvers.schedules import ScheduleMutations, ScheduleQueries
from resolvers.social import SocialMutations, SocialQueries
from resolvers.telemetry import TelemetryQueries, TelemetrySubscriptions

Query = merge_types(
    "Query",
    (
        NodeQueries,
        AccountQueries,
        PetQueries,
        DeviceQueries,
        AlertQueries,
        NotificationQueries,
        CommandQueries,
        FeedingQueries,
        TelemetryQueries,
        OutletQueries,
        ScheduleQueries,
        MarketplaceQueries,
        ModerationQueries,
        SocialQueries,
    ),
)
Mutation = merge_types(
    "Mutation",
    (
        AccountMutations,
        PetMutations,
        DeviceMutations,
        AlertMutations,
        NotificationMutations,
        CommandMutations,
        OutletMutations,
        ScheduleMutations,
        PairingMutations,
        MarketplaceMutations,
        ModerationMutations,
        SocialMutations,
    ),
)
Subscription = merge_types(
    "Subscription",
    (
        DeviceSubscriptions,
        AlertSubscriptions,
        NotificationSubscriptions,
        CommandSubscriptions,
        TelemetrySubscriptions,
        MarketplaceSubscriptions,
    ),
)

# Errors the client caused; everything else wrapping a Python exception is a bug and is masked.
_CLIENT_ERRORS = (DomainError, GraphQLError, GlobalIDValueError)


def _is_unexpected(error: GraphQLError) -> bool:
    original = error.original_error
    return original is not None and not isinstance(original, _CLIENT_ERRORS)


class DomainErrorCodes(MaskErrors):
    """Adds ``extensions.code`` to top-level errors raised as DomainError (queries,
    subscriptions)."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=lambda error: False)

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        for error in errors:
            if isinstance(error.original_error, DomainError):
                code = error.original_error.code.value
                error.extensions = {**(error.extensions or {}), "code": code}
        return errors


class OperationScope(SchemaExtension):
    """Lets the context know when an operation executes (see ``Context.executing``)."""

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        if not isinstance(context, Context):
            yield
            return
        async with context.executing():
            yield


def build_schema(settings: Settings) -> Schema:
    return Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=[
            User,
            Pet,
            Device,
            Alert,
            Notification,
            Command,
            FeedingLog,
            FeedingSchedule,
            Category,
            Listing,
            PurchaseRequest,
            MessageThread,
            Message,
            Transaction,
            Report,
            Profile,
            Post,
            Comment,
        ],
        # Factories, not instances: Strawberry passes an instance to every request as is, and
        # MaskErrors keeps the request's execution context on itself, so concurrent requests
        # sharing one would read (and fail to mask) each other's errors.
        extensions=[
            lambda: QueryDepthLimiter(max_depth=settings.graphql_max_depth),
            lambda: MaxAliasesLimiter(max_alias_count=settings.graphql_max_aliases),
            lambda: MaxTokensLimiter(max_token_count=settings.graphql_max_tokens),
            OperationScope,
            DomainErrorCodes,
            lambda: MaskErrors(should_mask_error=_is_unexpected),
        ],
    )
