"""Purchase requests: reading them, asking to buy, and (in :mod:`.moves`) every move after.

Every move goes through :mod:`.machine`'s one transition table. A move, its effect on the
listing and the notifications it causes are written in the caller's unit of work, so they
commit together or not at all. Users in a block (either way, asked of
:func:`graphql_api.social.blocks.service.is_blocked`) cannot start or negotiate a deal with each
other; the refusal reads as a missing listing or request.
"""

import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer, require_viewer, require_writer
from graphql_api.marketplace.listings.errors import ListingNotAvailable, ListingNotFound, OwnListing
from graphql_api.marketplace.listings.models import ListingStatus
from graphql_api.marketplace.listings.repository import ListingRepository
from graphql_api.marketplace.requests import flows as request_flows
from graphql_api.marketplace.requests.models import PurchaseOffer, PurchaseRequest, RequestState
from graphql_api.marketplace.requests.moves import (
    accept,
    cancel,
    checked_offer,
    complete,
    counter,
    pay,
    reject,
    schedule_meetup,
    withdraw_open,
)
from graphql_api.marketplace.requests.repository import PurchaseRequestRepository
from graphql_api.marketplace.requests.state_machine import Party
from graphql_api.pagination import Page, PageArgs
from graphql_api.social.blocks import service as blocks_service

# The service is the one door to purchase requests: the moves are served from here too.
__all__ = [
    "accept",
    "cancel",
    "complete",
    "counter",
    "create",
    "get",
    "list_for_viewer",
    "pay",
    "reject",
    "schedule_meetup",
    "withdraw_open",
]


async def get(
    session: AsyncSession, viewer: Viewer | None, request_id: int
) -> PurchaseRequest | None:
    viewer = require_viewer(viewer)
    return await PurchaseRequestRepository(session).get_readable(viewer, request_id)


async def list_for_viewer(
    session: AsyncSession,
    viewer: Viewer | None,
    page: PageArgs,
    *,
    role: Party | None = None,
    states: Sequence[RequestState] | None = None,
    listing_id: int | None = None,
) -> tuple[Page[PurchaseRequest], Callable[[], Awaitable[int]]]:
    """Requests the viewer made (BUYER), received (SELLER) or both, newest first."""
    viewer = require_viewer(viewer)
    repository = PurchaseRequestRepository(session)
    as_seller = None if role is None else role is Party.SELLER
    statement = repository.party_statement(viewer, as_seller, states, listing_id)
    return await repository.paginate(statement, page, newest_first=True), repository.counter(
        statement
    )


async def create(
    session: AsyncSession,
    viewer: Viewer | None,
    listing_id: int,
    price: Decimal | None,
    message: str | None,
    now: dt.datetime,
) -> PurchaseRequest:
    """Ask to buy a listing, at its price unless ``price`` offers another.

    Idempotent: while the viewer has an open request for the listing, that one is returned.
    """
    viewer = require_writer(viewer)
    listing = await ListingRepository(session).get_readable(viewer, listing_id)
    if listing is None:
        raise ListingNotFound(field="listingId")
    if listing.seller_id == viewer.user_id:
        raise OwnListing(field="listingId")
    # Blocked either way: the listing reads as missing, so the buyer does not learn of the block.
    if await blocks_service.is_blocked(session, viewer.user_id, listing.seller_id):
        raise ListingNotFound(field="listingId")
    repository = PurchaseRequestRepository(session)
    existing = await repository.get_open(listing.id, viewer.user_id)
    if existing is not None:
        return existing
    if listing.status is not ListingStatus.ACTIVE:
        raise ListingNotAvailable(f"The listing is {listing.status}.", field="listingId")
    offer_price, offer_message = checked_offer(listing, price, message)
    request = PurchaseRequest(
        listing_id=listing.id,
        buyer_id=viewer.user_id,
        seller_id=listing.seller_id,
        state=RequestState.PENDING,
        price=offer_price,
        currency=listing.currency,
        offered_by_id=viewer.user_id,
        created_at=now,
        updated_at=now,
    )
    # The partial unique index settles a race between two identical first requests.
    if await repository.add_unique(request) is None:
        return await repository.get_open(listing.id, viewer.user_id)
    repository.add(
        PurchaseOffer(
            request_id=request.id,
            author_id=viewer.user_id,
            price=offer_price,
            message=offer_message,
            created_at=now,
        )
    )
    await repository.flush()
    await request_flows.tell_seller_of_new_request(session, request, listing)
    return request
