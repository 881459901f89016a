"""Purchase requests through the service: each move, its effect on the listing, and who is told."""

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from graphql_api.auth import Role, Viewer
from graphql_api.marketplace.listings.errors import (
    InvalidPrice,
    ListingNotAvailable,
    ListingNotFound,
    OwnListing,
)
from graphql_api.marketplace.listings.models import ListingStatus
from graphql_api.marketplace.requests import service as requests_service
from graphql_api.marketplace.requests.errors import (
    IllegalRequestMove,
    InvalidMeetup,
    NotYourMove,
    PurchaseRequestNotFound,
)
from graphql_api.marketplace.requests.models import RequestState
from graphql_api.marketplace.transactions.models import Transaction
from graphql_api.notifications.models import Notification, NotificationKind
from tests.factories.accounts import create_user, viewer_of
from tests.factories.social import block
from tests.marketplace.factories import NOW, blocker_and_blocked, request_purchase

LATER = NOW + dt.timedelta(minutes=5)
MEETUP = NOW + dt.timedelta(days=2)


async def inbox(session, user) -> list[Notification]:
    statement = (
        select(Notification).where(Notification.recipient_id == user.id).order_by(Notification.id)
    )
    return list((await session.execute(statement)).scalars())


async def accepted(session, parties):
    seller, buyer, listing = parties
    request = await request_purchase(session, buyer, listing)
    return await requests_service.accept(session, viewer_of(seller), request.id, LATER)


async def meetup_scheduled(session, parties):
    request = await accepted(session, parties)
    _, buyer, _ = parties
    return await requests_service.schedule_meetup(
        session, viewer_of(buyer), request.id, MEETUP, "Central Park gate", LATER
    )


async def paid(session, parties):
    request = await meetup_scheduled(session, parties)
    _, buyer, _ = parties
    return await requests_service.pay(session, viewer_of(buyer), request.id, LATER)


class TestCreate:
    async def test_opens_a_pending_request_at_the_asking_price_and_tells_the_seller(
        self, session, parties
    ):
        # given
        seller, buyer, listing = parties
        # when
        request = await request_purchase(session, buyer, listing)
        # then
        assert request.state is RequestState.PENDING
        assert request.price == Decimal("12.50")
        notes = await inbox(session, seller)
        assert [note.kind for note in notes] == [NotificationKind.PURCHASE_REQUEST]
        assert notes[0].target_type == "PurchaseRequest" and notes[0].target_id == request.id

    async def test_requesting_again_returns_the_open_request(self, session, parties):
        # given
        seller, buyer, listing = parties
        first = await request_purchase(session, buyer, listing)
        # when
        again = await request_purchase(session, buyer, listing, price=Decimal("5"))
        # then
        assert again.id == first.id
        assert len(await inbox(session, seller)) == 1

    async def test_after_a_closed_request_a_new_one_can_be_made(self, session, parties):
        # given
        seller, buyer, listing = parties
        first = await request_purchase(session, buyer, listing)
        await requests_service.reject(session, viewer_of(seller), first.id, LATER)
        # when
        second = await request_purchase(session, buyer, listing)
        # then
        assert second.id != first.id

    async def test_sellers_cannot_request_their_own_listing(self, session, parties):
        # given
        seller, _, listing = parties
        # when / then
        with pytest.raises(OwnListing):
            await request_purchase(session, seller, listing)

    @pytest.mark.parametrize("price", [Decimal("0"), Decimal("-1"), Decimal("1.005")])
    async def test_refuses_an_offer_that_is_not_a_positive_two_decimal_price(
        self, session, parties, price
    ):
        # given
        _, buyer, listing = parties
        # when / then
        with pytest.raises(InvalidPrice):
            await request_purchase(session, buyer, listing, price=price)

    async def test_a_suspended_buyer_cannot_request(self, session, parties):
        # given
        _, buyer, listing = parties
        suspended = Viewer(user_id=buyer.id, role=Role.OWNER, suspended=True)
        # when / then
        with pytest.raises(Exception, match="suspended"):
            await requests_service.create(session, suspended, listing.id, None, None, NOW)


class TestCounter:
    async def test_the_seller_counters_then_the_buyer_answers(self, session, parties):
        # given
        seller, buyer, listing = parties
        request = await request_purchase(session, buyer, listing, price=Decimal("9"))
        # when
        countered = await requests_service.counter(
            session, viewer_of(seller), request.id, Decimal("11"), "Meet me halfway", LATER
        )
        # then
        assert countered.state is RequestState.NEGOTIATING
        assert countered.price == Decimal("11.00") and countered.offered_by_id == seller.id
        with pytest.raises(NotYourMove, match="NEGOTIATING"):
            await requests_service.accept(session, viewer_of(seller), request.id, LATER)
        accepted_request = await requests_service.accept(
            session, viewer_of(buyer), request.id, LATER
        )
        assert accepted_request.state is RequestState.ACCEPTED
        assert accepted_request.price == Decimal("11.00")
        kinds = [note.kind for note in await inbox(session, buyer)]
        assert kinds == [NotificationKind.PURCHASE_REQUEST_UPDATED]

    async def test_the_buyer_cannot_counter_their_own_offer(self, session, parties):
        # given
        _, buyer, listing = parties
        request = await request_purchase(session, buyer, listing)
        # when / then
        with pytest.raises(NotYourMove, match="PENDING"):
            await requests_service.counter(
                session, viewer_of(buyer), request.id, Decimal("3"), None, LATER
            )


class TestAccept:
    async def test_reserves_the_listing_and_tells_the_other_open_requests(self, session, parties):
        # given
        seller, buyer, listing = parties
        rival = await create_user(session, prefix="rival")
        rival_request = await request_purchase(session, rival, listing)
        # when
        request = await accepted(session, parties)
        # then
        assert request.state is RequestState.ACCEPTED and request.accepted_at == LATER
        assert listing.status is ListingStatus.RESERVED
        rival_notes = await inbox(session, rival)
        assert [note.target_id for note in rival_notes] == [rival_request.id]
        assert "reserved for another buyer" in rival_notes[0].text
        assert [note.kind for note in await inbox(session, buyer)] == [
            NotificationKind.PURCHASE_REQUEST_UPDATED
        ]

    async def test_a_second_request_cannot_be_accepted_while_the_listing_is_reserved(
        self, session, parties
    ):
        # given
        seller, _, listing = parties
        rival = await create_user(session, prefix="rival")
        rival_request = await request_purchase(session, rival, listing)
        await accepted(session, parties)
        # when / then
        with pytest.raises(ListingNotAvailable, match="RESERVED"):
            await requests_service.accept(session, viewer_of(seller), rival_request.id, LATER)


class TestMovesByState:
    async def test_pending_can_be_rejected_by_the_seller(self, session, parties):
        # given
        seller, buyer, listing = parties
        request = await request_purchase(session, buyer, listing)
        # when
        rejected = await requests_service.reject(session, viewer_of(seller), request.id, LATER)
        # then
        assert rejected.state is RequestState.REJECTED and rejected.closed_at == LATER

    async def test_pending_can_be_cancelled_by_the_buyer_only(self, session, parties):
        # given
        seller, buyer, listing = parties
        request = await request_purchase(session, buyer, listing)
        # when / then
        with pytest.raises(NotYourMove, match="PENDING"):
            await requests_service.cancel(session, viewer_of(seller), request.id, LATER)
        cancelled = await requests_service.cancel(session, viewer_of(buyer), request.id, LATER)
        assert cancelled.state is RequestState.CANCELLED

    async def test_pending_cannot_be_paid(self, session, parties):
        # given
        _, buyer, listing = parties
        request = await request_purchase(session, buyer, listing)
        # when / then
        with pytest.raises(IllegalRequestMove, match="that is PENDING"):
            await requests_service.pay(session, viewer_of(buyer), request.id, LATER)

    async def test_accepted_cancelled_by_the_seller_frees_the_listing(self, session, parties):
        # given
        seller, _, listing = parties
        rival = await create_user(session, prefix="rival")
        await request_purchase(session, rival, listing)
        request = await accepted(session, parties)
        # when
        cancelled = await requests_service.cancel(session, viewer_of(seller), request.id, LATER)
        # then
        assert cancelled.state is RequestState.CANCELLED
        assert listing.status is ListingStatus.ACTIVE
        assert "available again" in (await inbox(session, rival))[-1].text

    async def test_accepted_cannot_be_completed(self, session, parties):
        # given
        seller, _, _ = parties
        request = await accepted(session, parties)
        # when / then
        with pytest.raises(IllegalRequestMove, match="that is ACCEPTED"):
            await requests_service.complete(session, viewer_of(seller), request.id, LATER)

    async def test_meetup_is_scheduled_by_either_party_and_can_be_moved(self, session, parties):
        # given
        seller, _, _ = parties
        request = await meetup_scheduled(session, parties)
        # when
        moved = await requests_service.schedule_meetup(
            session,
            viewer_of(seller),
            request.id,
            MEETUP + dt.timedelta(hours=3),
            "Pet shop",
            LATER,
        )
        # then
        assert moved.state is RequestState.MEETUP_SCHEDULED
        assert moved.meetup_place == "Pet shop"

    @pytest.mark.parametrize(
        ("at", "place"),
        [
            (NOW - dt.timedelta(days=1), "Park"),
            (NOW + dt.timedelta(days=400), "Park"),
            (MEETUP, "  "),
        ],
    )
    async def test_meetup_must_be_soon_and_somewhere(self, session, parties, at, place):
        # given
        _, buyer, _ = parties
        request = await accepted(session, parties)
        # when / then
        with pytest.raises(InvalidMeetup):
            await requests_service.schedule_meetup(
                session, viewer_of(buyer), request.id, at, place, NOW
            )

    async def test_meetup_scheduled_is_paid_by_the_buyer_only(self, session, parties):
        # given
        seller, buyer, _ = parties
        request = await meetup_scheduled(session, parties)
        # when / then
        with pytest.raises(NotYourMove, match="MEETUP_SCHEDULED"):
            await requests_service.pay(session, viewer_of(seller), request.id, LATER)
        assert (
            await requests_service.pay(session, viewer_of(buyer), request.id, LATER)
        ).state is RequestState.PAID

    async def test_paid_cannot_be_cancelled(self, session, parties):
        # given
        _, buyer, _ = parties
        request = await paid(session, parties)
        # when / then
        with pytest.raises(IllegalRequestMove, match="that is PAID"):
            await requests_service.cancel(session, viewer_of(buyer), request.id, LATER)


class TestComplete:
    async def test_sells_the_listing_records_the_sale_and_closes_the_rest(self, session, parties):
        # given
        seller, buyer, listing = parties
        rival = await create_user(session, prefix="rival")
        rival_request = await request_purchase(session, rival, listing)
        request = await paid(session, parties)
        # when
        completed = await requests_service.complete(session, viewer_of(seller), request.id, LATER)
        # then
        assert completed.state is RequestState.COMPLETED
        assert listing.status is ListingStatus.SOLD and listing.sold_at == LATER
        sale = (
            await session.execute(select(Transaction).where(Transaction.listing_id == listing.id))
        ).scalar_one()
        assert (sale.seller_id, sale.buyer_id, sale.price, sale.request_id) == (
            seller.id,
            buyer.id,
            Decimal("12.50"),
            request.id,
        )
        assert sale.started_at == NOW and sale.completed_at == LATER
        assert rival_request.state is RequestState.REJECTED
        assert "SOLD" in (await inbox(session, rival))[-1].text

    async def test_only_the_seller_completes(self, session, parties):
        # given
        _, buyer, _ = parties
        request = await paid(session, parties)
        # when / then
        with pytest.raises(NotYourMove, match="PAID"):
            await requests_service.complete(session, viewer_of(buyer), request.id, LATER)

    async def test_completed_has_no_moves(self, session, parties):
        # given
        seller, buyer, _ = parties
        request = await paid(session, parties)
        await requests_service.complete(session, viewer_of(seller), request.id, LATER)
        # when / then
        with pytest.raises(IllegalRequestMove, match="that is COMPLETED"):
            await requests_service.cancel(session, viewer_of(buyer), request.id, LATER)


class TestVisibility:
    async def test_a_stranger_cannot_see_or_move_a_request(self, session, parties):
        # given
        _, buyer, listing = parties
        stranger = await create_user(session, prefix="stranger")
        request = await request_purchase(session, buyer, listing)
        # when / then
        assert await requests_service.get(session, viewer_of(stranger), request.id) is None
        with pytest.raises(PurchaseRequestNotFound):
            await requests_service.accept(session, viewer_of(stranger), request.id, LATER)

    async def test_staff_see_a_request_but_make_no_move(self, session, parties):
        # given
        _, buyer, listing = parties
        staff = await create_user(session, Role.STAFF, prefix="staff")
        request = await request_purchase(session, buyer, listing)
        # when / then
        assert (await requests_service.get(session, viewer_of(staff), request.id)).id == request.id
        with pytest.raises(NotYourMove):
            await requests_service.accept(session, viewer_of(staff), request.id, LATER)


class TestBlocking:
    @pytest.mark.parametrize("who_blocks", ["seller", "buyer"])
    async def test_a_block_either_way_stops_a_request_as_a_missing_listing(
        self, session, parties, who_blocks
    ):
        # given
        seller, buyer, listing = parties
        await block(session, *blocker_and_blocked(parties, who_blocks))
        # when / then
        with pytest.raises(ListingNotFound):
            await request_purchase(session, buyer, listing)
        assert await inbox(session, seller) == []

    @pytest.mark.parametrize("who_blocks", ["seller", "buyer"])
    async def test_a_block_either_way_stops_counter_offers_as_a_missing_request(
        self, session, parties, who_blocks
    ):
        # given
        seller, buyer, listing = parties
        request = await request_purchase(session, buyer, listing, price=Decimal("9"))
        await block(session, *blocker_and_blocked(parties, who_blocks))
        # when / then
        with pytest.raises(PurchaseRequestNotFound):
            await requests_service.counter(
                session, viewer_of(seller), request.id, Decimal("11"), None, LATER
            )
        assert request.state is RequestState.PENDING and request.price == Decimal("9.00")

    async def test_the_buyer_cannot_counter_the_blocker_either(self, session, parties):
        # given: the seller countered, then blocked the buyer
        seller, buyer, listing = parties
        request = await request_purchase(session, buyer, listing, price=Decimal("9"))
        await requests_service.counter(
            session, viewer_of(seller), request.id, Decimal("11"), None, LATER
        )
        await block(session, seller, buyer)
        # when / then
        with pytest.raises(PurchaseRequestNotFound):
            await requests_service.counter(
                session, viewer_of(buyer), request.id, Decimal("10"), None, LATER
            )
        with pytest.raises(PurchaseRequestNotFound):
            await requests_service.accept(session, viewer_of(buyer), request.id, LATER)

    async def test_a_reserved_deal_can_still_be_called_off_after_a_block(self, session, parties):
        # given
        seller, buyer, listing = parties
        request = await accepted(session, parties)
        await block(session, buyer, seller)
        # when
        with pytest.raises(PurchaseRequestNotFound):
            await requests_service.schedule_meetup(
                session, viewer_of(seller), request.id, MEETUP, "Central Park gate", LATER
            )
        cancelled = await requests_service.cancel(session, viewer_of(seller), request.id, LATER)
        # then
        assert cancelled.state is RequestState.CANCELLED
        assert listing.status is ListingStatus.ACTIVE

    async def test_a_paid_hand_over_can_still_be_completed_after_a_block(self, session, parties):
        # given
        seller, buyer, listing = parties
        request = await paid(session, parties)
        await block(session, seller, buyer)
        # when
        completed = await requests_service.complete(session, viewer_of(seller), request.id, LATER)
        # then
        assert completed.state is RequestState.COMPLETED
        assert listing.status is ListingStatus.SOLD
