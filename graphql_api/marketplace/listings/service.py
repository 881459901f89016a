"""Listings: what sellers offer, the public catalog search, and taking listings off the market.

A listing goes ACTIVE → RESERVED (a purchase request was accepted) → SOLD, or REMOVED by its
seller or a moderator. Selling or removing closes the listing's open purchase requests.
"""

import datetime as dt
import enum
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.accounts.repository import UserRepository
from graphql_api.auth import Viewer, require_writer
from graphql_api.marketplace.categories import service as categories_service
from graphql_api.marketplace.keyset import keyset_page
from graphql_api.marketplace.listings.errors import (
    InvalidListing,
    ListingNotAvailable,
    ListingNotEditable,
    ListingNotFound,
    OwnListing,
)
from graphql_api.marketplace.listings.models import (
    Listing,
    ListingCondition,
    ListingPhoto,
    ListingStatus,
)
from graphql_api.marketplace.listings.repository import ListingRepository, ListingSearch
from graphql_api.marketplace.money import (
    bounded_text,
    validate_currency,
    validate_photo_urls,
    validate_price,
)
from graphql_api.marketplace.requests import service as requests_service
from graphql_api.marketplace.requests.errors import BuyerNotFound
from graphql_api.marketplace.transactions import service as transactions_service
from graphql_api.marketplace.transactions.models import Transaction
from graphql_api.pagination import Page, PageArgs
from graphql_api.partial import UNSET, given_fields

MAX_TITLE = 120
MAX_DESCRIPTION = 5000
MAX_LOCATION = 120
MAX_QUANTITY = 10000
_EDITABLE = (ListingStatus.ACTIVE, ListingStatus.RESERVED)


class ListingSort(enum.StrEnum):
    NEWEST = "NEWEST"
    PRICE_ASC = "PRICE_ASC"
    PRICE_DESC = "PRICE_DESC"


@dataclass(frozen=True, slots=True)
class ListingData:
    """Fields to set; on update, ``UNSET`` leaves a field as it is."""

    title: str = UNSET
    description: str = UNSET
    category_id: int = UNSET
    price: Decimal = UNSET
    currency: str = UNSET
    condition: ListingCondition = UNSET
    quantity: int = UNSET
    location: str | None = UNSET
    photos: list[str] = UNSET

    def given(self) -> dict[str, Any]:
        return given_fields(self)


@dataclass(frozen=True, slots=True)
class ListingFilter:
    text: str | None = None
    category_id: int | None = None
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    conditions: Sequence[ListingCondition] | None = None
    seller_id: int | None = None
    statuses: Sequence[ListingStatus] | None = None
    currency: str | None = None


_NOT_NULL = {
    "title",
    "description",
    "category_id",
    "price",
    "currency",
    "condition",
    "quantity",
    "photos",
}


async def _validate(session: AsyncSession, values: dict[str, Any], currency: str) -> dict[str, Any]:
    for name in _NOT_NULL & {name for name, value in values.items() if value is None}:
        raise InvalidListing(f"`{name}` cannot be null.", field=name)
    texts = (
        ("title", MAX_TITLE, True),
        ("description", MAX_DESCRIPTION, True),
        ("location", MAX_LOCATION, False),
    )
    for name, maximum, required in texts:
        if name in values:
            values[name] = bounded_text(
                values[name], name, maximum, InvalidListing, required=required
            )
    if "currency" in values:
        values["currency"] = currency = validate_currency(values["currency"])
    if "price" in values:
        values["price"] = validate_price(values["price"], currency)
    if "quantity" in values and not 1 <= values["quantity"] <= MAX_QUANTITY:
        raise InvalidListing(f"The quantity must be 1 to {MAX_QUANTITY}.", field="quantity")
    if "category_id" in values:
        await categories_service.require(session, values["category_id"])
    if "photos" in values:
        values["photos"] = validate_photo_urls(values["photos"])
    return values


async def create(session: AsyncSession, viewer: Viewer | None, data: ListingData) -> Listing:
    viewer = require_writer(viewer)
    given = data.given()
    missing = [
        name
        for name in ("title", "description", "category_id", "price", "currency", "condition")
        if name not in given
    ]
    if missing:
        raise InvalidListing(f"A listing needs `{missing[0]}`.", field=missing[0])
    values = await _validate(session, given, given["currency"])
    photos = values.pop("photos", [])
    repository = ListingRepository(session)
    listing = repository.add(
        Listing(seller_id=viewer.user_id, status=ListingStatus.ACTIVE, **values)
    )
    await repository.flush()
    await repository.replace_photos(listing.id, photos)
    return listing


async def _own(session: AsyncSession, viewer: Viewer, listing_id: int) -> Listing:
    listing = await ListingRepository(session).get_for_update(listing_id)
    if listing is None or listing.seller_id != viewer.user_id:
        raise ListingNotFound(field="id")
    return listing


async def update(
    session: AsyncSession, viewer: Viewer | None, listing_id: int, data: ListingData
) -> Listing:
    """The seller changes an ACTIVE or RESERVED listing; a sold or removed one is final."""
    viewer = require_writer(viewer)
    listing = await _own(session, viewer, listing_id)
    if listing.status not in _EDITABLE:
        raise ListingNotEditable(f"A {listing.status} listing cannot be changed.", field="id")
    given = data.given()
    values = await _validate(session, given, given.get("currency", listing.currency))
    if "currency" in values and "price" not in values:
        values["price"] = validate_price(listing.price, values["currency"])
    photos = values.pop("photos", UNSET)
    for name, value in values.items():
        setattr(listing, name, value)
    repository = ListingRepository(session)
    await repository.flush()
    if photos is not UNSET:
        await repository.replace_photos(listing.id, photos)
    return listing


async def take_down(
    session: AsyncSession, listing: Listing, remover_id: int, now: dt.datetime
) -> Listing:
    """Mark ``listing`` REMOVED and close its open requests; callers check who may do it."""
    listing.status, listing.removed_by_id, listing.updated_at = (
        ListingStatus.REMOVED,
        remover_id,
        now,
    )
    await ListingRepository(session).flush()
    await requests_service.withdraw_open(session, listing, now)
    return listing


async def remove(
    session: AsyncSession, viewer: Viewer | None, listing_id: int, now: dt.datetime
) -> Listing:
    """The seller, or staff, takes an unsold listing off the market."""
    viewer = require_writer(viewer)
    repository = ListingRepository(session)
    listing = await repository.get_for_update(listing_id)
    if listing is None or not (viewer.is_staff or listing.seller_id == viewer.user_id):
        raise ListingNotFound(field="id")
    if listing.status not in _EDITABLE:
        raise ListingNotEditable(f"A {listing.status} listing cannot be removed.", field="id")
    return await take_down(session, listing, viewer.user_id, now)


async def quick_sell(
    session: AsyncSession,
    viewer: Viewer | None,
    listing_id: int,
    *,
    buyer_id: int | None,
    price: Decimal | None,
    now: dt.datetime,
) -> tuple[Listing, Transaction]:
    """The seller marks an ACTIVE listing sold without a request (sold elsewhere, in person)."""
    viewer = require_writer(viewer)
    listing = await _own(session, viewer, listing_id)
    if listing.status is not ListingStatus.ACTIVE:
        raise ListingNotAvailable(
            f"Only an ACTIVE listing can be sold directly; this one is {listing.status}.",
            field="id",
        )
    if buyer_id is not None:
        if buyer_id == viewer.user_id:
            raise OwnListing("You cannot sell to yourself.", field="buyerId")
        if await UserRepository(session).get_by_id(buyer_id) is None:
            raise BuyerNotFound(field="buyerId")
    sale_price = listing.price if price is None else validate_price(price, listing.currency)
    listing.status, listing.sold_at = ListingStatus.SOLD, now
    transaction = await transactions_service.record(
        session, listing, buyer_id=buyer_id, price=sale_price, started_at=now, completed_at=now
    )
    await requests_service.withdraw_open(session, listing, now)
    return listing, transaction


async def get(session: AsyncSession, viewer: Viewer | None, listing_id: int) -> Listing | None:
    return await ListingRepository(session).get_readable(viewer, listing_id)


async def search(
    session: AsyncSession,
    viewer: Viewer | None,
    page: PageArgs,
    listing_filter: ListingFilter,
    sort: ListingSort = ListingSort.NEWEST,
) -> tuple[Page[Listing], Callable[[], Awaitable[int]]]:
    """The catalog: ACTIVE listings unless ``statuses`` asks for others; a category includes its
    subcategories."""
    category_ids = None
    if listing_filter.category_id is not None:
        await categories_service.require(session, listing_filter.category_id)
        category_ids = await categories_service.descendant_ids(session, listing_filter.category_id)
    if (
        listing_filter.price_min is not None
        and listing_filter.price_max is not None
        and listing_filter.price_min > listing_filter.price_max
    ):
        raise InvalidListing("`priceMin` is above `priceMax`.", field="priceMin")
    criteria = ListingSearch(
        text=(listing_filter.text or "").strip()[:MAX_TITLE] or None,
        category_ids=category_ids,
        price_min=listing_filter.price_min,
        price_max=listing_filter.price_max,
        conditions=listing_filter.conditions,
        seller_id=listing_filter.seller_id,
        statuses=listing_filter.statuses or (ListingStatus.ACTIVE,),
        currency=validate_currency(listing_filter.currency, "currency")
        if listing_filter.currency
        else None,
    )
    repository = ListingRepository(session)
    statement = repository.search_statement(viewer, criteria)
    column = Listing.created_at if sort is ListingSort.NEWEST else Listing.price
    descending = sort is not ListingSort.PRICE_ASC
    return await keyset_page(
        repository, statement, page, column, descending=descending
    ), repository.counter(statement)


async def photos_by_listing_ids(
    session: AsyncSession, listing_ids: Sequence[int]
) -> list[list[ListingPhoto]]:
    return await ListingRepository(session).photos_by_listing_ids(listing_ids)
