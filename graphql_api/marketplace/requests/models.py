"""Purchase requests and the offers made on them."""

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import (
    ForeignKey,
    Index,
    String,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime, string_enum, utcnow
from graphql_api.marketplace.listings.models import MONEY


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
        string_enum(RequestState, "purchase_request_state"), default=RequestState.PENDING
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
