"""Listings and their photos; prices are exact money."""

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import (
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime, string_enum, utcnow

# Up to 9,999,999,999.99: exact money, never a float.
MONEY = Numeric(12, 2)


class ListingCondition(enum.StrEnum):
    NEW = "NEW"
    LIKE_NEW = "LIKE_NEW"
    GOOD = "GOOD"
    FAIR = "FAIR"
    FOR_PARTS = "FOR_PARTS"


class ListingStatus(enum.StrEnum):
    ACTIVE = "ACTIVE"
    RESERVED = "RESERVED"
    SOLD = "SOLD"
    REMOVED = "REMOVED"


class Listing(Base):
    __tablename__ = "marketplace_listings"
    __table_args__ = (
        Index("ix_marketplace_listings_status_created_at", "status", "created_at"),
        Index("ix_marketplace_listings_price", "price"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    seller_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    category_id: Mapped[int] = mapped_column(
        ForeignKey("marketplace_categories.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text)
    price: Mapped[Decimal] = mapped_column(MONEY)
    currency: Mapped[str] = mapped_column(String(3))
    condition: Mapped[ListingCondition] = mapped_column(
        string_enum(ListingCondition, "listing_condition")
    )
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    location: Mapped[str | None] = mapped_column(String(120))
    status: Mapped[ListingStatus] = mapped_column(
        string_enum(ListingStatus, "listing_status"), default=ListingStatus.ACTIVE
    )
    # Who took it down: the seller, or a moderator resolving a report.
    removed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    sold_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class ListingPhoto(Base):
    __tablename__ = "marketplace_listing_photos"
    __table_args__ = (UniqueConstraint("listing_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    listing_id: Mapped[int] = mapped_column(
        ForeignKey("marketplace_listings.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(String(2048))
    position: Mapped[int] = mapped_column(Integer)
