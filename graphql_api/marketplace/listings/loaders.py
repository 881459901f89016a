"""Listing relations, one query per batch, answers in key order."""

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.marketplace.listings.models import Listing, ListingPhoto
from graphql_api.marketplace.listings.repository import ListingRepository


async def listings_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[Listing | None]:
    # The catalog is public: anonymous viewers read listings too.
    return await ListingRepository(session).get_readable_by_ids(viewer, ids)


async def photos_by_listing_id(
    session: AsyncSession, viewer: Viewer | None, listing_ids: Sequence[int]
) -> list[list[ListingPhoto]]:
    return await ListingRepository(session).photos_by_listing_ids(listing_ids)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "listing_by_id": listings_by_id,
    "photos_by_listing_id": photos_by_listing_id,
}
