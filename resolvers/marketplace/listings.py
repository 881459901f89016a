"""Listing root fields: search the catalog; sellers list, change, remove and quick-sell."""

from typing import Annotated

import strawberry

from graphql_api.accounts.types import User
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
from graphql_api.marketplace.transactions.types import MarkListingSoldPayload, Transaction
from graphql_api.mutation import MutationBoundary
from graphql_api.relay import Connection, build_connection, decode_id, page_args
from resolvers.marketplace.arguments import INPUT, After, Before, First, Last


@strawberry.type
class ListingQueries:
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


@strawberry.type
class ListingMutations:
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
