"""The record of completed sales."""

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    ForeignKey,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime, utcnow
from graphql_api.marketplace.listings.models import MONEY


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
