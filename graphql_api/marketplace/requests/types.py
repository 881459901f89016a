import datetime as dt
import enum
from decimal import Decimal

import strawberry
from strawberry import relay

from graphql_api.accounts.types import User
from graphql_api.marketplace.listings.types import Listing
from graphql_api.marketplace.requests import state_machine
from graphql_api.marketplace.requests.models import PurchaseRequest as PurchaseRequestModel
from graphql_api.marketplace.types import Money, PurchaseRequestState
from graphql_api.payloads import Payload
from graphql_api.relay import (
    After,
    Before,
    Connection,
    First,
    Last,
    build_connection,
    load_nodes,
    page_args,
)


@strawberry.enum(description="A side of a purchase request.")
class PurchaseParty(enum.StrEnum):
    BUYER = "BUYER"
    SELLER = "SELLER"


PurchaseRequestMove = strawberry.enum(
    state_machine.Move,
    name="PurchaseRequestMove",
    description="A move on a purchase request; WITHDRAW is made by the system only.",
)


@strawberry.type(description="One offer or counter-offer in a negotiation.")
class PurchaseOffer:
    price: Money = strawberry.field(description="The price offered.")
    message: str | None = strawberry.field(description="What the party wrote with it.")
    by: PurchaseParty = strawberry.field(description="Who made it.")
    created_at: dt.datetime = strawberry.field(description="When it was made.")


@strawberry.type(description="A buyer's request to buy a listing, and where it stands.")
class PurchaseRequest(relay.Node):
    id: relay.NodeID[int]
    state: PurchaseRequestState = strawberry.field(
        description="Where the request is in its lifecycle."
    )
    offer: Money = strawberry.field(
        description="The price on the table (the agreed one once accepted)."
    )
    offered_by: PurchaseParty = strawberry.field(description="Who made the offer on the table.")
    meetup_at: dt.datetime | None = strawberry.field(description="When the hand-over is planned.")
    meetup_place: str | None = strawberry.field(description="Where the hand-over is planned.")
    created_at: dt.datetime = strawberry.field(description="When the buyer asked.")
    updated_at: dt.datetime = strawberry.field(description="When it last moved.")
    accepted_at: dt.datetime | None = strawberry.field(description="When an offer was accepted.")
    closed_at: dt.datetime | None = strawberry.field(
        description="When it ended (COMPLETED, REJECTED or CANCELLED)."
    )
    model: strawberry.Private[PurchaseRequestModel]

    @classmethod
    def from_model(cls, request: PurchaseRequestModel) -> "PurchaseRequest":
        return cls(
            id=request.id,
            state=request.state,
            offer=Money(amount=request.price, currency=request.currency),
            offered_by=_side(request, request.offered_by_id),
            meetup_at=request.meetup_at,
            meetup_place=request.meetup_place,
            created_at=request.created_at,
            updated_at=request.updated_at,
            accepted_at=request.accepted_at,
            closed_at=request.closed_at,
            model=request,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(
            info.context.loaders.purchase_request_by_id, node_ids, cls.from_model
        )

    @strawberry.field(description="The listing asked for.")
    async def listing(self, info: strawberry.Info) -> Listing | None:
        listing = await info.context.loaders.listing_by_id.load(self.model.listing_id)
        return Listing.from_model(listing) if listing else None

    @strawberry.field(description="Who wants to buy.")
    async def buyer(self, info: strawberry.Info) -> User | None:
        user = await info.context.loaders.user_by_id.load(self.model.buyer_id)
        return User.from_model(user) if user else None

    @strawberry.field(description="Who sells.")
    async def seller(self, info: strawberry.Info) -> User | None:
        user = await info.context.loaders.user_by_id.load(self.model.seller_id)
        return User.from_model(user) if user else None

    @strawberry.field(description="Every offer and counter-offer, oldest first.")
    async def offers(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[PurchaseOffer]:
        loaders = info.context.loaders
        page = await loaders.offer_page_by_request_id.load(
            (self.model.id, page_args(info, first, after, last, before))
        )

        def to_node(offer) -> PurchaseOffer:
            return PurchaseOffer(
                price=Money(amount=offer.price, currency=self.model.currency),
                message=offer.message,
                by=_side(self.model, offer.author_id),
                created_at=offer.created_at,
            )

        return build_connection(
            page, lambda: loaders.offer_count_by_request_id.load(self.model.id), to_node
        )

    @strawberry.field(description="The viewer's side; null for staff looking on.")
    def viewer_role(self, info: strawberry.Info) -> PurchaseParty | None:
        viewer = info.context.viewer
        party = state_machine.party_of(self.model, viewer.user_id) if viewer else None
        return PurchaseParty(party.value) if party else None

    @strawberry.field(description="The moves the viewer may make now.")
    def available_moves(self, info: strawberry.Info) -> list[PurchaseRequestMove]:
        viewer = info.context.viewer
        if viewer is None:
            return []
        return state_machine.moves_for(self.model, viewer.user_id)


def _side(request: PurchaseRequestModel, user_id: int) -> PurchaseParty:
    return PurchaseParty.BUYER if user_id == request.buyer_id else PurchaseParty.SELLER


@strawberry.input(description="Ask to buy a listing; asking again returns your open request.")
class RequestPurchaseInput:
    listing_id: relay.GlobalID = strawberry.field(
        description="An ACTIVE listing of someone else's."
    )
    price: Decimal | None = strawberry.field(
        default=None, description="Your offer; the asking price when omitted."
    )
    message: str | None = strawberry.field(default=None, description="Up to 1000 characters.")


@strawberry.input(
    description="A counter-offer on a request (by whoever received the latest offer)."
)
class CounterPurchaseOfferInput:
    id: relay.GlobalID = strawberry.field(description="The purchase request.")
    price: Decimal = strawberry.field(
        description="The price you propose; positive, at most 2 decimals."
    )
    message: str | None = strawberry.field(default=None, description="Up to 1000 characters.")


@strawberry.input(description="A purchase request to move.")
class PurchaseRequestIdInput:
    id: relay.GlobalID = strawberry.field(description="The purchase request.")


@strawberry.input(description="The time and place of the hand-over of an accepted request.")
class SchedulePurchaseMeetupInput:
    id: relay.GlobalID = strawberry.field(description="The purchase request.")
    at: dt.datetime = strawberry.field(
        description="When, with a time zone offset; in the next year."
    )
    place: str = strawberry.field(description="Where, 1 to 200 characters.")


@strawberry.type(description="Result of requestPurchase.")
class RequestPurchasePayload(Payload):
    purchase_request: PurchaseRequest | None = strawberry.field(
        default=None, description="Your open request for the listing."
    )


@strawberry.type(description="Result of counterPurchaseOffer.")
class CounterPurchaseOfferPayload(Payload):
    purchase_request: PurchaseRequest | None = strawberry.field(
        default=None, description="The request, NEGOTIATING."
    )


@strawberry.type(description="Result of acceptPurchaseRequest.")
class AcceptPurchaseRequestPayload(Payload):
    purchase_request: PurchaseRequest | None = strawberry.field(
        default=None, description="The request, ACCEPTED."
    )


@strawberry.type(description="Result of rejectPurchaseRequest.")
class RejectPurchaseRequestPayload(Payload):
    purchase_request: PurchaseRequest | None = strawberry.field(
        default=None, description="The request, REJECTED."
    )


@strawberry.type(description="Result of cancelPurchaseRequest.")
class CancelPurchaseRequestPayload(Payload):
    purchase_request: PurchaseRequest | None = strawberry.field(
        default=None, description="The request, CANCELLED."
    )


@strawberry.type(description="Result of schedulePurchaseMeetup.")
class SchedulePurchaseMeetupPayload(Payload):
    purchase_request: PurchaseRequest | None = strawberry.field(
        default=None, description="The request, MEETUP_SCHEDULED."
    )


@strawberry.type(description="Result of markPurchasePaid.")
class MarkPurchasePaidPayload(Payload):
    purchase_request: PurchaseRequest | None = strawberry.field(
        default=None, description="The request, PAID."
    )


@strawberry.type(description="Result of completePurchase.")
class CompletePurchasePayload(Payload):
    purchase_request: PurchaseRequest | None = strawberry.field(
        default=None, description="The request, COMPLETED."
    )
