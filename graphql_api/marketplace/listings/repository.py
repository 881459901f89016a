from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import Select, delete, or_, select

from graphql_api.auth import Viewer
from graphql_api.marketplace.listings.models import (
    Listing,
    ListingCondition,
    ListingPhoto,
    ListingStatus,
)
from graphql_api.repository import RepositoryBase


@dataclass(frozen=True, slots=True)
class ListingSearch:
    """Filters of a catalog search; None means "any"."""

    text: str | None = None
    category_ids: Sequence[int] | None = None
    price_min: Decimal | None = None
    price_max: Decimal | None = None
    conditions: Sequence[ListingCondition] | None = None
    seller_id: int | None = None
    statuses: Sequence[ListingStatus] | None = None
    currency: str | None = None


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class ListingRepository(RepositoryBase[Listing]):
    model = Listing

    def readable_statement(self, viewer: Viewer | None) -> Select[tuple[Listing]]:
        """The catalog is public; a removed listing stays visible to its seller and to staff."""
        statement = select(Listing)
        if viewer is None:
            return statement.where(Listing.status != ListingStatus.REMOVED)
        if viewer.is_staff:
            return statement
        return statement.where(
            or_(Listing.status != ListingStatus.REMOVED, Listing.seller_id == viewer.user_id)
        )

    async def get_readable(self, viewer: Viewer | None, listing_id: int) -> Listing | None:
        statement = self.readable_statement(viewer).where(Listing.id == listing_id)
        return await self.get_one_or_none(statement)

    async def get_by_id(self, listing_id: int) -> Listing | None:
        """Unscoped: for moderation and system work, never for what a viewer asked to see."""
        return await self.get_one_or_none(select(Listing).where(Listing.id == listing_id))

    async def get_for_update(self, listing_id: int) -> Listing | None:
        """The listing row locked until the transaction ends (state changes race otherwise)."""
        statement = select(Listing).where(Listing.id == listing_id).with_for_update()
        return await self.get_one_or_none(statement)

    async def get_readable_by_ids(
        self, viewer: Viewer | None, ids: Sequence[int]
    ) -> list[Listing | None]:
        statement = self.readable_statement(viewer).where(Listing.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda listing: listing.id)

    def search_statement(
        self, viewer: Viewer | None, search: ListingSearch
    ) -> Select[tuple[Listing]]:
        statement = self.readable_statement(viewer)
        if search.text:
            pattern = _like_pattern(search.text)
            statement = statement.where(
                or_(
                    Listing.title.ilike(pattern, escape="\\"),
                    Listing.description.ilike(pattern, escape="\\"),
                )
            )
        if search.category_ids is not None:
            statement = statement.where(Listing.category_id.in_(search.category_ids))
        if search.price_min is not None:
            statement = statement.where(Listing.price >= search.price_min)
        if search.price_max is not None:
            statement = statement.where(Listing.price <= search.price_max)
        if search.conditions:
            statement = statement.where(Listing.condition.in_(search.conditions))
        if search.seller_id is not None:
            statement = statement.where(Listing.seller_id == search.seller_id)
        if search.statuses:
            statement = statement.where(Listing.status.in_(search.statuses))
        if search.currency is not None:
            statement = statement.where(Listing.currency == search.currency)
        return statement

    async def photos_by_listing_ids(self, listing_ids: Sequence[int]) -> list[list[ListingPhoto]]:
        statement = (
            select(ListingPhoto)
            .where(ListingPhoto.listing_id.in_(listing_ids))
            .order_by(ListingPhoto.position)
        )
        return await self.grouped_in_key_order(statement, listing_ids, lambda p: p.listing_id)

    async def replace_photos(self, listing_id: int, urls: Sequence[str]) -> None:
        await self.execute(delete(ListingPhoto).where(ListingPhoto.listing_id == listing_id))
        for position, url in enumerate(urls):
            self.add(ListingPhoto(listing_id=listing_id, url=url, position=position))
        await self.flush()
