"""Marketplace tables: the category tree, listings and their photos, purchase requests with their
offers, buyer–seller message threads and the record of completed sales."""

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import (
    Enum,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime, utcnow

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


class RequestState(enum.StrEnum):
    PENDING = "PENDING"
    NEGOTIATING = "NEGOTIATING"
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"
    CANCELLED = "CANCELLED"
    MEETUP_SCHEDULED = "MEETUP_SCHEDULED"
    PAID = "PAID"
    COMPLETED = "COMPLETED"


OPEN_REQUEST_STATES = frozenset(
    {
        RequestState.PENDING,
        RequestState.NEGOTIATING,
        RequestState.ACCEPTED,
        RequestState.MEETUP_SCHEDULED,
        RequestState.PAID,
    }
)


def _enum(kind: type[enum.StrEnum], name: str) -> Enum:
    return Enum(kind, name=name, native_enum=False, length=20, validate_strings=True)


class Category(Base):
    __tablename__ = "marketplace_categories"
    __table_args__ = (UniqueConstraint("slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("marketplace_categories.id", ondelete="RESTRICT"), index=True
    )
    name: Mapped[str] = mapped_column(String(60))
    slug: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


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
        _enum(ListingCondition, "listing_condition")
    )
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    location: Mapped[str | None] = mapped_column(String(120))
    status: Mapped[ListingStatus] = mapped_column(
        _enum(ListingStatus, "listing_status"), default=ListingStatus.ACTIVE
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


_OPEN_STATES_SQL = "state IN ('PENDING', 'NEGOTIATING', 'ACCEPTED', 'MEETUP_SCHEDULED', 'PAID')"


class PurchaseRequest(Base):
    __tablename__ = "marketplace_purchase_requests"
    __table_args__ = (
        # One open request per buyer and listing, enforced by the database too (partial index).
        Index(
            "ux_marketplace_purchase_requests_open",
            "listing_id",
            "buyer_id",
            unique=True,
            postgresql_where=text(_OPEN_STATES_SQL),
            sqlite_where=text(_OPEN_STATES_SQL),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    listing_id: Mapped[int] = mapped_column(
        ForeignKey("marketplace_listings.id", ondelete="CASCADE"), index=True
    )
    buyer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # Copied from the listing so "requests I am a party to" is one indexed filter.
    seller_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    state: Mapped[RequestState] = mapped_column(
        _enum(RequestState, "purchase_request_state"), default=RequestState.PENDING
    )
    # The offer on the table: its price, and who made it (the other party answers it).
    price: Mapped[Decimal] = mapped_column(MONEY)
    currency: Mapped[str] = mapped_column(String(3))
    offered_by_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    meetup_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    meetup_place: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    accepted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class PurchaseOffer(Base):
    """One offer or counter-offer in a request's negotiation, oldest first."""

    __tablename__ = "marketplace_purchase_offers"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("marketplace_purchase_requests.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    price: Mapped[Decimal] = mapped_column(MONEY)
    message: Mapped[str | None] = mapped_column(String(1000))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class MessageThread(Base):
    __tablename__ = "marketplace_message_threads"
    __table_args__ = (UniqueConstraint("listing_id", "buyer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    listing_id: Mapped[int] = mapped_column(
        ForeignKey("marketplace_listings.id", ondelete="CASCADE"), index=True
    )
    buyer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    seller_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # Read markers: each party has read every message up to this id.
    buyer_read_up_to: Mapped[int] = mapped_column(Integer, default=0)
    seller_read_up_to: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_message_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Message(Base):
    __tablename__ = "marketplace_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(
        ForeignKey("marketplace_message_threads.id", ondelete="CASCADE"), index=True
    )
    sender_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    body: Mapped[str] = mapped_column(String(2000))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Transaction(Base):
    """A completed sale: through a purchase request, or a quick sell (no request, maybe no
    buyer)."""

    __tablename__ = "marketplace_transactions"

    id: Mapped[int] = mapped_column(primary_key=True)
    listing_id: Mapped[int] = mapped_column(
        ForeignKey("marketplace_listings.id", ondelete="CASCADE"), index=True
    )
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("marketplace_purchase_requests.id", ondelete="SET NULL")
    )
    seller_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    buyer_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    price: Mapped[Decimal] = mapped_column(MONEY)
    currency: Mapped[str] = mapped_column(String(3))
    # When the deal began (request made) and when the sale completed.
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    completed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
