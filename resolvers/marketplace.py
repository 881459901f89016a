"""Marketplace root fields: categories, listings, purchase requests, messages, transactions."""

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry import relay

from graphql_api import events
from graphql_api.accounts.types import User
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
from graphql_api.marketplace.listings import service as listings_service
from graphql_api.marketplace.listings.types import (
    CreateListingInput,
    CreateListingPayload,
    Listing,
    ListingFilterInput,
    ListingIdInput,
    ListingSort,
    MarkListingSoldInput,
    RemoveListingPayload,
    UpdateListingInput,
    UpdateListingPayload,
)
from graphql_api.marketplace.messages import service as messages_service
from graphql_api.marketplace.messages.types import (
    MarkThreadReadInput,
    MarkThreadReadPayload,
    Message,
    MessageThread,
    SendMessageInput,
    SendMessagePayload,
)
from graphql_api.marketplace.requests import service as requests_service
from graphql_api.marketplace.requests.machine import Party
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
from graphql_api.marketplace.transactions import service as transactions_service
from graphql_api.marketplace.transactions.types import (
    MarkListingSoldPayload,
    Transaction,
    TransactionRole,
)
from graphql_api.marketplace.types import PurchaseRequestState
from graphql_api.mutation import MutationBoundary
from graphql_api.relay import Connection, build_connection, decode_id, page_args

First = Annotated[int | None, strawberry.argument(description="Page size, from the start.")]
After = Annotated[str | None, strawberry.argument(description="Cursor to read after.")]
Last = Annotated[int | None, strawberry.argument(description="Page size, from the end.")]
Before = Annotated[str | None, strawberry.argument(description="Cursor to read before.")]


# Every mutation takes one `input`; its type documents each field.
INPUT = strawberry.argument(description="The mutation's input; see its type.")


@strawberry.type
class MarketplaceQueries:
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

    @strawberry.field(description="Search the catalog (public): ACTIVE listings unless filtered.")
    async def listings(
        self,
        info: strawberry.Info,
        filter: Annotated[
            ListingFilterInput | None, strawberry.argument(description="What to look for.")
        ] = None,
        sort: Annotated[
            ListingSort, strawberry.argument(description="Order.")
        ] = ListingSort.NEWEST,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Listing]:
        page, count = await listings_service.search(
            info.context.session,
            info.context.viewer,
            page_args(info, first, after, last, before),
            filter.to_filter() if filter else listings_service.ListingFilter(),
            listings_service.ListingSort(sort),
        )
        return build_connection(page, count, Listing.from_model)

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

    @strawberry.field(description="The viewer's message threads, latest message first.")
    async def message_threads(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[MessageThread]:
        page, count = await messages_service.list_threads(
            info.context.session, info.context.viewer, page_args(info, first, after, last, before)
        )
        return build_connection(page, count, MessageThread.from_model)

    @strawberry.field(description="Unread messages across all the viewer's threads.")
    async def unread_message_count(self, info: strawberry.Info) -> int:
        return await messages_service.unread_total(info.context.session, info.context.viewer)

    @strawberry.field(description="The viewer's completed sales and purchases, latest first.")
    async def my_transactions(
        self,
        info: strawberry.Info,
        role: Annotated[
            TransactionRole | None, strawberry.argument(description="Only sales or only purchases.")
        ] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Transaction]:
        page, count = await transactions_service.list_for_viewer(
            info.context.session,
            info.context.viewer,
            page_args(info, first, after, last, before),
            transactions_service.TransactionRole(role) if role else None,
        )
        return build_connection(page, count, Transaction.from_model)


def _request_id(
    input: PurchaseRequestIdInput | CounterPurchaseOfferInput | SchedulePurchaseMeetupInput,
) -> int:
    return decode_id(input.id, PurchaseRequest, "id")


@strawberry.type
class MarketplaceMutations:
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

    @strawberry.mutation(description="List something for sale.", extensions=[MutationBoundary()])
    async def create_listing(
        self, info: strawberry.Info, input: Annotated[CreateListingInput, INPUT]
    ) -> CreateListingPayload:
        listing = await listings_service.create(
            info.context.session, info.context.viewer, input.to_data()
        )
        return CreateListingPayload(listing=Listing.from_model(listing))

    @strawberry.mutation(
        description="Change one of the viewer's listings.", extensions=[MutationBoundary()]
    )
    async def update_listing(
        self, info: strawberry.Info, input: Annotated[UpdateListingInput, INPUT]
    ) -> UpdateListingPayload:
        listing = await listings_service.update(
            info.context.session,
            info.context.viewer,
            decode_id(input.id, Listing, "id"),
            input.to_data(),
        )
        return UpdateListingPayload(listing=Listing.from_model(listing))

    @strawberry.mutation(
        description="Take a listing off the market (seller or staff); its open requests close.",
        extensions=[MutationBoundary()],
    )
    async def remove_listing(
        self, info: strawberry.Info, input: Annotated[ListingIdInput, INPUT]
    ) -> RemoveListingPayload:
        listing = await listings_service.remove(
            info.context.session,
            info.context.viewer,
            decode_id(input.id, Listing, "id"),
            info.context.now(),
        )
        return RemoveListingPayload(listing=Listing.from_model(listing))

    @strawberry.mutation(
        description="Quick sell: mark an ACTIVE listing sold without a request; records the sale.",
        extensions=[MutationBoundary()],
    )
    async def mark_listing_sold(
        self, info: strawberry.Info, input: Annotated[MarkListingSoldInput, INPUT]
    ) -> MarkListingSoldPayload:
        listing, transaction = await listings_service.quick_sell(
            info.context.session,
            info.context.viewer,
            decode_id(input.id, Listing, "id"),
            buyer_id=decode_id(input.buyer_id, User, "buyerId") if input.buyer_id else None,
            price=input.price,
            now=info.context.now(),
        )
        return MarkListingSoldPayload(
            listing=Listing.from_model(listing), transaction=Transaction.from_model(transaction)
        )

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
        request = await requests_service.accept(
            info.context.session, info.context.viewer, _request_id(input), info.context.now()
        )
        return AcceptPurchaseRequestPayload(purchase_request=PurchaseRequest.from_model(request))

    @strawberry.mutation(
        description="Turn down the offer on the table.", extensions=[MutationBoundary()]
    )
    async def reject_purchase_request(
        self, info: strawberry.Info, input: Annotated[PurchaseRequestIdInput, INPUT]
    ) -> RejectPurchaseRequestPayload:
        request = await requests_service.reject(
            info.context.session, info.context.viewer, _request_id(input), info.context.now()
        )
        return RejectPurchaseRequestPayload(purchase_request=PurchaseRequest.from_model(request))

    @strawberry.mutation(
        description="Back out of a purchase request.", extensions=[MutationBoundary()]
    )
    async def cancel_purchase_request(
        self, info: strawberry.Info, input: Annotated[PurchaseRequestIdInput, INPUT]
    ) -> CancelPurchaseRequestPayload:
        request = await requests_service.cancel(
            info.context.session, info.context.viewer, _request_id(input), info.context.now()
        )
        return CancelPurchaseRequestPayload(purchase_request=PurchaseRequest.from_model(request))

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
        request = await requests_service.pay(
            info.context.session, info.context.viewer, _request_id(input), info.context.now()
        )
        return MarkPurchasePaidPayload(purchase_request=PurchaseRequest.from_model(request))

    @strawberry.mutation(
        description="The seller confirms the hand-over: the listing is SOLD and the sale recorded.",
        extensions=[MutationBoundary()],
    )
    async def complete_purchase(
        self, info: strawberry.Info, input: Annotated[PurchaseRequestIdInput, INPUT]
    ) -> CompletePurchasePayload:
        request = await requests_service.complete(
            info.context.session, info.context.viewer, _request_id(input), info.context.now()
        )
        return CompletePurchasePayload(purchase_request=PurchaseRequest.from_model(request))

    @strawberry.mutation(
        description="Message the other party of a thread, or a listing's seller.",
        extensions=[MutationBoundary()],
    )
    async def send_message(
        self, info: strawberry.Info, input: Annotated[SendMessageInput, INPUT]
    ) -> SendMessagePayload:
        message = await messages_service.send(
            info.context.session,
            info.context.viewer,
            input.body,
            info.context.now(),
            thread_id=decode_id(input.thread_id, MessageThread, "threadId")
            if input.thread_id
            else None,
            listing_id=decode_id(input.listing_id, Listing, "listingId")
            if input.listing_id
            else None,
        )
        thread = await messages_service.require_thread(
            info.context.session, info.context.viewer, message.thread_id
        )
        return SendMessagePayload(
            message=Message.from_model(message), thread=MessageThread.from_model(thread)
        )

    @strawberry.mutation(
        description="Mark every message of a thread read.", extensions=[MutationBoundary()]
    )
    async def mark_thread_read(
        self, info: strawberry.Info, input: Annotated[MarkThreadReadInput, INPUT]
    ) -> MarkThreadReadPayload:
        thread = await messages_service.mark_read(
            info.context.session,
            info.context.viewer,
            decode_id(input.thread_id, MessageThread, "threadId"),
        )
        info.context.loaders.unread_count_by_thread_id.clear(thread.id)
        return MarkThreadReadPayload(thread=MessageThread.from_model(thread))


@strawberry.type
class MarketplaceSubscriptions:
    @strawberry.subscription(
        description="Each new message of a thread, live. Only its buyer and seller may subscribe."
    )
    async def message_received(
        self,
        info: strawberry.Info,
        thread_id: Annotated[relay.GlobalID, strawberry.argument(description="The thread.")],
    ) -> AsyncGenerator[Message, None]:
        context = info.context
        thread_pk = decode_id(thread_id, MessageThread, "threadId")
        async with context.short_session() as session:
            await messages_service.require_thread(session, context.viewer, thread_pk)
        async with context.app_state.bus.subscribe(
            events.message_thread_channel(thread_pk)
        ) as messages:
            async for message in messages:
                yield Message.from_event(messages_service.MessageEvent.model_validate_json(message))
