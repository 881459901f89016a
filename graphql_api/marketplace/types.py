"""GraphQL types every marketplace sub-domain shares: money and the marketplace enums."""

from decimal import Decimal

import strawberry

from graphql_api.marketplace.listings.models import ListingCondition as ListingConditionEnum
from graphql_api.marketplace.listings.models import ListingStatus as ListingStatusEnum
from graphql_api.marketplace.requests.models import RequestState as RequestStateEnum

ListingCondition = strawberry.enum(ListingConditionEnum, description="The state an item is in.")
ListingStatus = strawberry.enum(
    ListingStatusEnum,
    description="ACTIVE → RESERVED (a request was accepted) → SOLD, or REMOVED.",
)
PurchaseRequestState = strawberry.enum(
    RequestStateEnum,
    name="PurchaseRequestState",
    description="Where a purchase request is in its lifecycle.",
)


@strawberry.type(description="An exact amount of money in one currency.")
class Money:
    amount: Decimal = strawberry.field(description="Exact decimal amount, at most 2 decimals.")
    currency: str = strawberry.field(description="ISO 4217 currency code, e.g. USD, EUR, PHP.")
