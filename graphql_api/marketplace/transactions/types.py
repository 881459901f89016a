import datetime as dt

import strawberry
from strawberry import relay

from graphql_api.accounts.types import User
from graphql_api.marketplace.listings.types import Listing
from graphql_api.marketplace.transactions.models import Transaction as TransactionModel
from graphql_api.marketplace.transactions.service import TransactionRole as TransactionRoleEnum
from graphql_api.marketplace.types import Money
from graphql_api.payloads import Payload
from graphql_api.relay import load_nodes

TransactionRole = strawberry.enum(TransactionRoleEnum, description="The viewer's side of a sale.")


@strawberry.type(description="A completed sale.")
class Transaction(relay.Node):
    id: relay.NodeID[int]
    price: Money = strawberry.field(description="What the item sold for.")
    started_at: dt.datetime = strawberry.field(
        description="When the deal began: the purchase request, or the sale for a quick sell."
    )
    completed_at: dt.datetime = strawberry.field(description="When the sale completed.")
    listing_id: strawberry.Private[int]
    seller_id: strawberry.Private[int]
    buyer_id: strawberry.Private[int | None]
    request_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, transaction: TransactionModel) -> "Transaction":
        return cls(
            id=transaction.id,
            price=Money(amount=transaction.price, currency=transaction.currency),
            started_at=transaction.started_at,
            completed_at=transaction.completed_at,
            listing_id=transaction.listing_id,
            seller_id=transaction.seller_id,
            buyer_id=transaction.buyer_id,
            request_id=transaction.request_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(info.context.loaders.transaction_by_id, node_ids, cls.from_model)

    @strawberry.field(description="What was sold.")
    async def listing(self, info: strawberry.Info) -> Listing | None:
        listing = await info.context.loaders.listing_by_id.load(self.listing_id)
        return Listing.from_model(listing) if listing else None

    @strawberry.field(description="Who sold it.")
    async def seller(self, info: strawberry.Info) -> User | None:
        user = await info.context.loaders.user_by_id.load(self.seller_id)
        return User.from_model(user) if user else None

    @strawberry.field(
        description="Who bought it; null for a quick sell to someone without an account."
    )
    async def buyer(self, info: strawberry.Info) -> User | None:
        if self.buyer_id is None:
            return None
        user = await info.context.loaders.user_by_id.load(self.buyer_id)
        return User.from_model(user) if user else None

    @strawberry.field(description="The viewer's side of the sale; null for staff looking on.")
    def viewer_role(self, info: strawberry.Info) -> TransactionRole | None:
        viewer = info.context.viewer
        if viewer is not None and viewer.user_id == self.seller_id:
            return TransactionRoleEnum.SELLER
        if viewer is not None and viewer.user_id == self.buyer_id:
            return TransactionRoleEnum.BUYER
        return None


@strawberry.type(description="Result of markListingSold.")
class MarkListingSoldPayload(Payload):
    listing: Listing | None = strawberry.field(default=None, description="The listing, now SOLD.")
    transaction: Transaction | None = strawberry.field(
        default=None, description="The recorded sale."
    )
