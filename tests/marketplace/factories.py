"""Marketplace objects written straight through the services on the test's rolled-back session."""

import datetime as dt
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.accounts.models import User
from graphql_api.marketplace.categories import service as categories_service
from graphql_api.marketplace.categories.models import Category
from graphql_api.marketplace.listings import service as listings_service
from graphql_api.marketplace.listings.models import Listing, ListingCondition
from graphql_api.marketplace.requests import service as requests_service
from graphql_api.marketplace.requests.models import PurchaseRequest
from tests.factories.accounts import viewer_of

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


async def seeded_category(session: AsyncSession, slug: str = "toys") -> Category:
    """A category the migration seeded (the tree exists in every test database)."""
    for top in await categories_service.list_children(session, None):
        if top.slug == slug:
            return top
        for child in await categories_service.list_children(session, top.id):
            if child.slug == slug:
                return child
    raise LookupError(slug)


async def create_listing(
    session: AsyncSession,
    seller: User,
    *,
    title: str = "Squeaky duck",
    price: Decimal = Decimal("12.50"),
    currency: str = "USD",
    category: Category | None = None,
    condition: ListingCondition = ListingCondition.GOOD,
    description: str = "Barely chewed.",
    photos: list[str] | None = None,
) -> Listing:
    category = category or await seeded_category(session)
    data = listings_service.ListingData(
        title=title,
        description=description,
        category_id=category.id,
        price=price,
        currency=currency,
        condition=condition,
        quantity=1,
        location="Quezon City",
        photos=photos or [],
    )
    return await listings_service.create(session, viewer_of(seller), data)


async def request_purchase(
    session: AsyncSession,
    buyer: User,
    listing: Listing,
    price: Decimal | None = None,
    now: dt.datetime = NOW,
) -> PurchaseRequest:
    return await requests_service.create(
        session, viewer_of(buyer), listing.id, price, "Is it still available?", now
    )


def blocker_and_blocked(parties, who_blocks):
    """(blocker, blocked) among the seller and the buyer."""
    seller, buyer, _ = parties
    return (seller, buyer) if who_blocks == "seller" else (buyer, seller)
