"""The delivery outbox: what is to be sent to whom, and how it went."""

import datetime as dt
import enum

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime, string_enum, utcnow


class DeliveryChannel(enum.StrEnum):
    """How a delivery leaves (``graphql_api.deliveries.channels`` sends each)."""

    EMAIL = "EMAIL"
    # A signed JSON POST to the user's webhook (``WebhookEndpoint``).
    WEBHOOK = "WEBHOOK"


class DeliveryKind(enum.StrEnum):
    # One notification, sent at once (alerts, or any kind set to EMAIL / BOTH).
    IMMEDIATE = "IMMEDIATE"
    # A period's digest entries gathered into one message.
    DIGEST = "DIGEST"


class DeliveryStatus(enum.StrEnum):
    PENDING = "PENDING"
    SENT = "SENT"
    # Given up after the last attempt; ``last_error`` says why.
    FAILED = "FAILED"


class Delivery(Base):
    """One message to one user, written in the transaction that caused it and sent after it."""

    __tablename__ = "deliveries"
    __table_args__ = (Index("ix_deliveries_status_next_attempt_at", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    channel: Mapped[DeliveryChannel] = mapped_column(
        string_enum(DeliveryChannel, "delivery_channel", length=16)
    )
    kind: Mapped[DeliveryKind] = mapped_column(string_enum(DeliveryKind, "delivery_kind", 16))
    # The notification it carries (null for a digest, or an email-only kind with no inbox row).
    notification_id: Mapped[int | None] = mapped_column(
        ForeignKey("notifications.id", ondelete="SET NULL")
    )
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[DeliveryStatus] = mapped_column(
        string_enum(DeliveryStatus, "delivery_status", length=16)
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Due from this moment (now when written; later after a failed attempt).
    next_attempt_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class DigestEntry(Base):
    """A notification waiting for its recipient's next digest (``delivery_id`` null until it is
    gathered into one)."""

    __tablename__ = "digest_entries"
    __table_args__ = (Index("ix_digest_entries_delivery_id_user_id", "delivery_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    notification_id: Mapped[int | None] = mapped_column(
        ForeignKey("notifications.id", ondelete="SET NULL")
    )
    text: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    delivery_id: Mapped[int | None] = mapped_column(ForeignKey("deliveries.id", ondelete="CASCADE"))


class WebhookEndpoint(Base):
    """Where a user's notifications are also POSTed (what is emailed at once), and the secret
    that signs them (shown to the user once, when set)."""

    __tablename__ = "webhook_endpoints"
    __table_args__ = (UniqueConstraint("user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    url: Mapped[str] = mapped_column(String(2000))
    # HMAC key: it must be kept readable to sign with (unlike a password).
    secret: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
