"""Marketplace operations (clients/operations/marketplace.graphql) through the generated SDK,
live: listings, the whole purchase-request lifecycle, direct sales and message threads."""

import secrets
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from pawgraph_client import (
    CounterPurchaseOfferInput,
    CreateListingInput,
    ListingIdInput,
    MarkListingSoldInput,
    MarkThreadReadInput,
    PurchaseRequestIdInput,
    RequestPurchaseInput,
    SchedulePurchaseMeetupInput,
    SendMessageInput,
    UpdateListingInput,
)
from pawgraph_client.enums import (
    ErrorCode,
    ListingCondition,
    ListingStatus,
    PurchaseParty,
    PurchaseRequestState,
    TransactionRole,
)

from tests.clients.test_sdk import signed_in


async def create_listing(seller, price: str = "10.00"):
    categories = (await seller.categories()).categories
    toys = next(category for category in categories if category.slug == "toys")
    created = (
        await seller.create_listing(
            CreateListingInput(
                title="Ball " + secrets.token_hex(3),
                description="Bouncy",
                category_id=toys.id,
                price=Decimal(price),
                currency="EUR",
                condition=ListingCondition.GOOD,
            )
        )
    ).create_listing
    assert created.user_errors == []
    return created.listing


async def request(buyer, listing, price: str | None = None):
    requested = (
        await buyer.request_purchase(
            RequestPurchaseInput(
                listing_id=listing.id, price=Decimal(price) if price is not None else None
            )
        )
    ).request_purchase
    assert requested.user_errors == []
    return requested.purchase_request


class TestListings:
    async def test_update_look_up_and_remove_and_a_stranger_is_refused(self, server_a):
        async with signed_in(server_a) as seller, signed_in(server_a) as stranger:
            # given
            listing = await create_listing(seller)
            # when
            updated = (
                await seller.update_listing(
                    UpdateListingInput(id=listing.id, title="Red ball", price=Decimal("8.00"))
                )
            ).update_listing
            seen = (await stranger.listing_by_id(listing.id)).node
            refused = (
                await stranger.update_listing(UpdateListingInput(id=listing.id, title="Mine"))
            ).update_listing
            not_removed = (
                await stranger.remove_listing(ListingIdInput(id=listing.id))
            ).remove_listing
            removed = (await seller.remove_listing(ListingIdInput(id=listing.id))).remove_listing
            # then
            assert updated.user_errors == []
            assert (updated.listing.title, updated.listing.price.amount) == (
                "Red ball",
                "8.00",
            )
            assert (seen.id, seen.title, seen.viewer_is_seller) == (listing.id, "Red ball", False)
            assert refused.listing is None and [error.code for error in refused.user_errors] == [
                ErrorCode.LISTING_NOT_FOUND
            ]
            assert not_removed.listing is None and [
                error.code for error in not_removed.user_errors
            ] == [ErrorCode.LISTING_NOT_FOUND]
            assert removed.user_errors == [] and removed.listing.status is ListingStatus.REMOVED

    async def test_marking_sold_directly_records_a_transaction(self, server_a):
        async with signed_in(server_a) as seller, signed_in(server_a) as buyer:
            # given
            listing = await create_listing(seller)
            buyer_id = (await buyer.me()).me.id
            # when
            sold = (
                await seller.mark_listing_sold(
                    MarkListingSoldInput(id=listing.id, buyer_id=buyer_id, price=Decimal("9.00"))
                )
            ).mark_listing_sold
            again = (
                await seller.mark_listing_sold(MarkListingSoldInput(id=listing.id))
            ).mark_listing_sold
            bought = (await buyer.my_transactions(role=TransactionRole.BUYER)).my_transactions
            # then
            assert sold.user_errors == [] and sold.listing.status is ListingStatus.SOLD
            assert sold.listing.sold_at is not None and sold.transaction.completed_at is not None
            assert [error.code for error in again.user_errors] == [ErrorCode.LISTING_NOT_AVAILABLE]
            [edge] = bought.edges
            assert (edge.node.id, edge.node.listing.id) == (sold.transaction.id, listing.id)
            assert edge.node.price.amount == "9.00"


class TestPurchaseRequests:
    async def test_counter_accept_meetup_pay_complete(self, server_a):
        async with signed_in(server_a) as seller, signed_in(server_a) as buyer:
            # given
            listing = await create_listing(seller)
            opened = await request(buyer, listing, price="7.00")
            # when
            countered = (
                await seller.counter_purchase_offer(
                    CounterPurchaseOfferInput(id=opened.id, price=Decimal("8.50"))
                )
            ).counter_purchase_offer
            listed = (
                await seller.purchase_requests(role=PurchaseParty.SELLER, listing_id=listing.id)
            ).purchase_requests
            accepted = (
                await buyer.accept_purchase_request(PurchaseRequestIdInput(id=opened.id))
            ).accept_purchase_request
            at = (datetime.now(UTC) + timedelta(days=1)).replace(microsecond=0)
            meetup = (
                await seller.schedule_purchase_meetup(
                    SchedulePurchaseMeetupInput(id=opened.id, at=at, place="The park")
                )
            ).schedule_purchase_meetup
            not_yours = (
                await seller.mark_purchase_paid(PurchaseRequestIdInput(id=opened.id))
            ).mark_purchase_paid
            paid = (
                await buyer.mark_purchase_paid(PurchaseRequestIdInput(id=opened.id))
            ).mark_purchase_paid
            completed = (
                await seller.complete_purchase(PurchaseRequestIdInput(id=opened.id))
            ).complete_purchase
            sold = (await seller.my_transactions(role=TransactionRole.SELLER)).my_transactions
            # then
            assert opened.state is PurchaseRequestState.PENDING
            assert countered.user_errors == []
            assert countered.purchase_request.state is PurchaseRequestState.NEGOTIATING
            assert countered.purchase_request.offer.amount == "8.50"
            assert [edge.node.id for edge in listed.edges] == [opened.id]
            assert accepted.user_errors == []
            assert accepted.purchase_request.state is PurchaseRequestState.ACCEPTED
            assert meetup.user_errors == []
            assert meetup.purchase_request.state is PurchaseRequestState.MEETUP_SCHEDULED
            assert meetup.purchase_request.meetup_place == "The park"
            assert meetup.purchase_request.meetup_at == at
            assert not_yours.purchase_request is None
            assert [error.code for error in not_yours.user_errors] == [ErrorCode.NOT_YOUR_MOVE]
            assert (
                paid.user_errors == [] and paid.purchase_request.state is PurchaseRequestState.PAID
            )
            assert completed.user_errors == []
            assert completed.purchase_request.state is PurchaseRequestState.COMPLETED
            [edge] = sold.edges
            assert edge.node.listing.id == listing.id
            assert edge.node.price.amount == "8.50"

    async def test_reject_and_cancel_close_requests(self, server_a):
        async with (
            signed_in(server_a) as seller,
            signed_in(server_a) as first,
            signed_in(server_a) as second,
        ):
            # given
            listing = await create_listing(seller)
            rejected_one = await request(first, listing)
            cancelled_one = await request(second, listing)
            # when
            rejected = (
                await seller.reject_purchase_request(PurchaseRequestIdInput(id=rejected_one.id))
            ).reject_purchase_request
            refused = (
                await seller.cancel_purchase_request(PurchaseRequestIdInput(id=cancelled_one.id))
            ).cancel_purchase_request
            cancelled = (
                await second.cancel_purchase_request(PurchaseRequestIdInput(id=cancelled_one.id))
            ).cancel_purchase_request
            closed = (
                await seller.purchase_requests(
                    role=PurchaseParty.SELLER,
                    states=[PurchaseRequestState.REJECTED, PurchaseRequestState.CANCELLED],
                    listing_id=listing.id,
                )
            ).purchase_requests
            # then
            assert rejected.user_errors == []
            assert rejected.purchase_request.state is PurchaseRequestState.REJECTED
            assert refused.purchase_request is None and [
                error.code for error in refused.user_errors
            ] == [ErrorCode.NOT_YOUR_MOVE]
            assert cancelled.user_errors == []
            assert cancelled.purchase_request.state is PurchaseRequestState.CANCELLED
            assert closed.total_count == 2
            assert {edge.node.id for edge in closed.edges} == {rejected_one.id, cancelled_one.id}


async def two_messages(buyer, listing) -> str:
    opened = (
        await buyer.send_message(SendMessageInput(body="Still there?", listing_id=listing.id))
    ).send_message
    thread_id = opened.thread.id
    await buyer.send_message(SendMessageInput(body="Tomorrow?", thread_id=thread_id))
    return thread_id


class TestMessages:
    async def test_threads_messages_and_unread_count(self, server_a):
        async with signed_in(server_a) as seller, signed_in(server_a) as buyer:
            # given
            listing = await create_listing(seller)
            thread_id = await two_messages(buyer, listing)
            # when
            unread = (await seller.unread_message_count()).unread_message_count
            threads = (await seller.message_threads(first=10)).message_threads
            messages = (await seller.thread_messages(thread_id=thread_id, last=10)).node
            # then
            assert unread == 2
            [edge] = threads.edges
            assert (edge.node.id, edge.node.listing.id) == (thread_id, listing.id)
            assert edge.node.last_message.body == "Tomorrow?" and edge.node.unread_count == 2
            assert [e.node.body for e in messages.messages.edges] == ["Still there?", "Tomorrow?"]
            assert all(not e.node.is_mine for e in messages.messages.edges)

    async def test_mark_thread_read_zeroes_the_unread_count(self, server_a):
        async with signed_in(server_a) as seller, signed_in(server_a) as buyer:
            # given
            listing = await create_listing(seller)
            thread_id = await two_messages(buyer, listing)
            # when
            read = (
                await seller.mark_thread_read(MarkThreadReadInput(thread_id=thread_id))
            ).mark_thread_read
            unread_after = (await seller.unread_message_count()).unread_message_count
            # then
            assert read.user_errors == [] and read.thread.unread_count == 0
            assert unread_after == 0

    async def test_a_stranger_cannot_read_or_mark_a_thread(self, server_a):
        async with (
            signed_in(server_a) as seller,
            signed_in(server_a) as buyer,
            signed_in(server_a) as stranger,
        ):
            # given
            listing = await create_listing(seller)
            opened = (
                await buyer.send_message(SendMessageInput(body="Hi", listing_id=listing.id))
            ).send_message
            # when
            seen = (await stranger.thread_messages(thread_id=opened.thread.id)).node
            refused = (
                await stranger.mark_thread_read(MarkThreadReadInput(thread_id=opened.thread.id))
            ).mark_thread_read
            # then
            assert seen is None
            assert refused.thread is None and [error.code for error in refused.user_errors] == [
                ErrorCode.THREAD_NOT_FOUND
            ]
