"""Purchase request root fields: the viewer's requests, and every move of a negotiation."""

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import strawberry
from strawberry import relay

from graphql_api.marketplace.listings.types import Listing
from graphql_api.marketplace.requests import service as requests_service
from graphql_api.marketplace.requests.state_machine import Party
from graphql_api.marketplace.requests.types import (
    AcceptPurchaseRequestPayload,
    CancelPurchaseRequestPayload,
    CompletePurchasePayload,
    CounterPurchaseOfferInput,
    CounterPurchaseOfferPayload,
    MarkPurchasePaidPayload,
    PurchaseParty,
    PurchaseRequest,
    PurchaseRequestIdInput,
    RejectPurchaseRequestPayload,
    RequestPurchaseInput,
    RequestPurchasePayload,
    SchedulePurchaseMeetupInput,
    SchedulePurchaseMeetupPayload,
)
from graphql_api.marketplace.types import PurchaseRequestState
from graphql_api.mutation import MutationBoundary
from graphql_api.relay import Connection, build_connection, decode_id, page_args
from resolvers.marketplace.arguments import INPUT, After, Before, First, Last

# A service move that needs nothing but the request: ``(session, viewer, request_id, now)``.
PlainMove = Callable[..., Awaitable[Any]]


@strawberry.type
class PurchaseRequestQueries:
    @strawberry.field(description="Purchase requests the viewer made or received, newest first.")
    async def purchase_requests(
        self,
        info: strawberry.Info,
        role: Annotated[
            PurchaseParty | None, strawberry.argument(description="BUYER: made; SELLER: received.")
        ] = None,
        states: Annotated[
            list[PurchaseRequestState] | None,
            strawberry.argument(description="Any of these states."),
        ] = None,
        listing_id: Annotated[
            relay.GlobalID | None,
            strawberry.argument(description="Only requests for this listing."),
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[PurchaseRequest]:
        page, count = await requests_service.list_for_viewer(
            info.context.session,
            info.context.viewer,
            page_args(info, first, after, last, before),
            role=Party(role.value) if role else None,
            states=states,
            listing_id=decode_id(listing_id, Listing, "listingId") if listing_id else None,
        )
        return build_connection(page, count, PurchaseRequest.from_model)


def _request_id(
    input: PurchaseRequestIdInput | CounterPurchaseOfferInput | SchedulePurchaseMeetupInput,
) -> int:
    return decode_id(input.id, PurchaseRequest, "id")


async def _plain_move(
    info: strawberry.Info, move: PlainMove, input: PurchaseRequestIdInput
) -> PurchaseRequest:
    context = info.context
    request = await move(context.session, context.viewer, _request_id(input), context.now())
    return PurchaseRequest.from_model(request)


@strawberry.type
class PurchaseRequestMutations:
    @strawberry.mutation(
        description="Ask to buy a listing; asking again returns the open request.",
        extensions=[MutationBoundary()],
    )
    async def request_purchase(
        self, info: strawberry.Info, input: Annotated[RequestPurchaseInput, INPUT]
    ) -> RequestPurchasePayload:
        request = await requests_service.create(
            info.context.session,
            info.context.viewer,
            decode_id(input.listing_id, Listing, "listingId"),
            input.price,
            input.message,
            info.context.now(),
        )
        return RequestPurchasePayload(purchase_request=PurchaseRequest.from_model(request))

    @strawberry.mutation(
        description="Answer the offer on the table with another price.",
        extensions=[MutationBoundary()],
    )
    async def counter_purchase_offer(
        self, info: strawberry.Info, input: Annotated[CounterPurchaseOfferInput, INPUT]
    ) -> CounterPurchaseOfferPayload:
        request = await requests_service.counter(
            info.context.session,
            info.context.viewer,
            _request_id(input),
            input.price,
            input.message,
            info.context.now(),
        )
        return CounterPurchaseOfferPayload(purchase_request=PurchaseRequest.from_model(request))

    @strawberry.mutation(
        description="Accept the offer on the table; the listing becomes RESERVED.",
        extensions=[MutationBoundary()],
    )
    async def accept_purchase_request(
        self, info: strawberry.Info, input: Annotated[PurchaseRequestIdInput, INPUT]
    ) -> AcceptPurchaseRequestPayload:
        request = await _plain_move(info, requests_service.accept, input)
        return AcceptPurchaseRequestPayload(purchase_request=request)

    @strawberry.mutation(
        description="Turn down the offer on the table.", extensions=[MutationBoundary()]
    )
    async def reject_purchase_request(
        self, info: strawberry.Info, input: Annotated[PurchaseRequestIdInput, INPUT]
    ) -> RejectPurchaseRequestPayload:
        request = await _plain_move(info, requests_service.reject, input)
        return RejectPurchaseRequestPayload(purchase_request=request)

    @strawberry.mutation(
        description="Back out of a purchase request.", extensions=[MutationBoundary()]
    )
    async def cancel_purchase_request(
        self, info: strawberry.Info, input: Annotated[PurchaseRequestIdInput, INPUT]
    ) -> CancelPurchaseRequestPayload:
        request = await _plain_move(info, requests_service.cancel, input)
        return CancelPurchaseRequestPayload(purchase_request=request)

    @strawberry.mutation(
        description="Set or move the hand-over of an accepted request.",
        extensions=[MutationBoundary()],
    )
    async def schedule_purchase_meetup(
        self, info: strawberry.Info, input: Annotated[SchedulePurchaseMeetupInput, INPUT]
    ) -> SchedulePurchaseMeetupPayload:
        request = await requests_service.schedule_meetup(
            info.context.session,
            info.context.viewer,
            _request_id(input),
            input.at,
            input.place,
            info.context.now(),
        )
        return SchedulePurchaseMeetupPayload(purchase_request=PurchaseRequest.from_model(request))

    @strawberry.mutation(
        description="The buyer marks the purchase paid.", extensions=[MutationBoundary()]
    )
    async def mark_purchase_paid(
        self, info: strawberry.Info, input: Annotated[PurchaseRequestIdInput, INPUT]
    ) -> MarkPurchasePaidPayload:
        request = await _plain_move(info, requests_service.pay, input)
        return MarkPurchasePaidPayload(purchase_request=request)

    @strawberry.mutation(
        description="The seller confirms the hand-over: the listing is SOLD and the sale recorded.",
        extensions=[MutationBoundary()],
    )
    async def complete_purchase(
        self, info: strawberry.Info, input: Annotated[PurchaseRequestIdInput, INPUT]
    ) -> CompletePurchasePayload:
        request = await _plain_move(info, requests_service.complete, input)
        return CompletePurchasePayload(purchase_request=request)
