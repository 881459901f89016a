"""The moves on an open purchase request, each through :mod:`.machine`'s transition table.

A move locks the listing, checks the transition, applies its effect on the request and the
listing, and tells the other party, all in the caller's unit of work. Between users in a block
only the moves that end a request stay open (see ``_ENDING``).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer, require_writer
from graphql_api.marketplace.listings.errors import ListingNotAvailable
from graphql_api.marketplace.listings.models import Listing, ListingStatus
from graphql_api.marketplace.listings.repository import ListingRepository
from graphql_api.marketplace.money import bounded_text, validate_price
from graphql_api.marketplace.requests import flows as request_flows
from graphql_api.marketplace.requests.errors import (
    InvalidMeetup,
    InvalidOffer,
    PurchaseRequestNotFound,
)
from graphql_api.marketplace.requests.models import PurchaseOffer, PurchaseRequest, RequestState
from graphql_api.marketplace.requests.repository import PurchaseRequestRepository
from graphql_api.marketplace.requests.state_machine import Move, Transition, transition
from graphql_api.marketplace.transactions import service as transactions_service
from graphql_api.social.blocks import service as blocks_service

MAX_MESSAGE = 1000
MAX_PLACE = 200
MAX_MEETUP_AHEAD = dt.timedelta(days=365)
_TERMINAL = {RequestState.REJECTED, RequestState.CANCELLED, RequestState.COMPLETED}
_NEGOTIABLE = (RequestState.PENDING, RequestState.NEGOTIATING)
# States in which the listing is held for this request.
_HOLDING = {RequestState.ACCEPTED, RequestState.MEETUP_SCHEDULED, RequestState.PAID}
# Moves that end a request stay open to both parties after a block, so a block never strands a
# reserved listing or a paid hand-over; every other move is contact, refused as "not found".
_ENDING = {Move.REJECT, Move.CANCEL, Move.COMPLETE}


def checked_offer(
    listing: Listing, price: Decimal | None, message: str | None
) -> tuple[Decimal, str | None]:
    """An offer's price (the listing's when None) and message, validated."""
    price = listing.price if price is None else validate_price(price, listing.currency)
    return price, bounded_text(message, "message", MAX_MESSAGE, InvalidOffer, required=False)


@dataclass(slots=True)
class _Moving:
    """A move under way: the locked request and listing, and who moves."""

    request: PurchaseRequest
    listing: Listing
    step: Transition
    actor_id: int


async def _begin(
    session: AsyncSession, viewer: Viewer | None, request_id: int, move: Move
) -> _Moving:
    viewer = require_writer(viewer)
    request = await PurchaseRequestRepository(session).get_readable(viewer, request_id)
    if request is None:
        raise PurchaseRequestNotFound(field="id")
    listing = await ListingRepository(session).get_for_update(request.listing_id)
    assert listing is not None  # the foreign key cascades
    other = request.seller_id if viewer.user_id == request.buyer_id else request.buyer_id
    if move not in _ENDING and await blocks_service.is_blocked(session, viewer.user_id, other):
        raise PurchaseRequestNotFound(field="id")
    return _Moving(request, listing, transition(request, move, viewer.user_id), viewer.user_id)


async def _finish(session: AsyncSession, moving: _Moving, now: dt.datetime) -> PurchaseRequest:
    request = moving.request
    request.state = moving.step.target
    request.updated_at = now
    if moving.step.target in _TERMINAL:
        request.closed_at = now
    await PurchaseRequestRepository(session).flush()
    await request_flows.tell_other_party(
        session, moving.step, request, moving.listing, moving.actor_id
    )
    return request


async def _tell_waiting_buyers(
    session: AsyncSession, listing: Listing, text: str, skip_id: int
) -> None:
    repository = PurchaseRequestRepository(session)
    for other in await repository.list_open_for_listing(listing.id, _NEGOTIABLE):
        if other.id != skip_id:
            await request_flows.tell_buyer(session, other, text, listing.seller_id)


async def counter(
    session: AsyncSession,
    viewer: Viewer | None,
    request_id: int,
    price: Decimal,
    message: str | None,
    now: dt.datetime,
) -> PurchaseRequest:
    """Answer the offer on the table with another price; the other party answers next."""
    moving = await _begin(session, viewer, request_id, Move.COUNTER)
    offer_price, offer_message = checked_offer(moving.listing, price, message)
    moving.request.price, moving.request.offered_by_id = offer_price, moving.actor_id
    PurchaseRequestRepository(session).add(
        PurchaseOffer(
            request_id=moving.request.id,
            author_id=moving.actor_id,
            price=offer_price,
            message=offer_message,
            created_at=now,
        )
    )
    return await _finish(session, moving, now)


async def accept(
    session: AsyncSession, viewer: Viewer | None, request_id: int, now: dt.datetime
) -> PurchaseRequest:
    """Agree to the offer on the table: the listing is reserved and other open requests told."""
    moving = await _begin(session, viewer, request_id, Move.ACCEPT)
    listing = moving.listing
    if listing.status is not ListingStatus.ACTIVE:
        raise ListingNotAvailable(f"The listing is {listing.status}.", field="id")
    listing.status = ListingStatus.RESERVED
    moving.request.accepted_at = now
    text = f"“{listing.title}” is now reserved for another buyer."
    await _tell_waiting_buyers(session, listing, text, moving.request.id)
    return await _finish(session, moving, now)


async def reject(
    session: AsyncSession, viewer: Viewer | None, request_id: int, now: dt.datetime
) -> PurchaseRequest:
    return await _finish(session, await _begin(session, viewer, request_id, Move.REJECT), now)


async def cancel(
    session: AsyncSession, viewer: Viewer | None, request_id: int, now: dt.datetime
) -> PurchaseRequest:
    """Back out; a listing held for this request is offered to the other open requests again."""
    moving = await _begin(session, viewer, request_id, Move.CANCEL)
    listing = moving.listing
    if moving.step.source in _HOLDING and listing.status is ListingStatus.RESERVED:
        listing.status = ListingStatus.ACTIVE
        text = f"“{listing.title}” is available again."
        await _tell_waiting_buyers(session, listing, text, moving.request.id)
    return await _finish(session, moving, now)


async def schedule_meetup(
    session: AsyncSession,
    viewer: Viewer | None,
    request_id: int,
    at: dt.datetime,
    place: str,
    now: dt.datetime,
) -> PurchaseRequest:
    """Set (or move) the time and place of the hand-over."""
    moving = await _begin(session, viewer, request_id, Move.SCHEDULE_MEETUP)
    if at.tzinfo is None:
        raise InvalidMeetup("The meetup time needs a time zone offset.", field="at")
    if not now < at <= now + MAX_MEETUP_AHEAD:
        raise InvalidMeetup("The meetup must be in the future, within a year.", field="at")
    moving.request.meetup_place = bounded_text(
        place, "place", MAX_PLACE, InvalidMeetup, required=True
    )
    moving.request.meetup_at = at
    return await _finish(session, moving, now)


async def pay(
    session: AsyncSession, viewer: Viewer | None, request_id: int, now: dt.datetime
) -> PurchaseRequest:
    return await _finish(session, await _begin(session, viewer, request_id, Move.PAY), now)


async def complete(
    session: AsyncSession, viewer: Viewer | None, request_id: int, now: dt.datetime
) -> PurchaseRequest:
    """The seller confirms the hand-over: the listing is sold and the sale recorded."""
    moving = await _begin(session, viewer, request_id, Move.COMPLETE)
    request, listing = moving.request, moving.listing
    listing.status, listing.sold_at = ListingStatus.SOLD, now
    await transactions_service.record(
        session,
        listing,
        buyer_id=request.buyer_id,
        price=request.price,
        started_at=request.created_at,
        completed_at=now,
        request_id=request.id,
    )
    finished = await _finish(session, moving, now)
    await withdraw_open(session, listing, now)
    return finished


async def withdraw_open(
    session: AsyncSession, listing: Listing, now: dt.datetime
) -> list[PurchaseRequest]:
    """Close every open request of a listing that was sold or removed, telling each buyer."""
    repository = PurchaseRequestRepository(session)
    closed = []
    for request in await repository.list_open_for_listing(listing.id):
        step = transition(request, Move.WITHDRAW, None)
        request.state, request.updated_at, request.closed_at = step.target, now, now
        await request_flows.tell_buyer(
            session, request, request_flows.withdrawal_text(listing, step.target), listing.seller_id
        )
        closed.append(request)
    await repository.flush()
    return closed
