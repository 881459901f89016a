import datetime as dt
import enum

from sqlalchemy import Enum, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime, string_enum, utcnow


class NotificationKind(enum.StrEnum):
    """What happened. Stored as text (non-native enum): adding a kind needs no migration."""

    DEVICE_ALERT = "DEVICE_ALERT"
    COMMAND_FAILED = "COMMAND_FAILED"
    BEHAVIOUR_ANOMALY = "BEHAVIOUR_ANOMALY"
    REACTION = "REACTION"
    COMMENT = "COMMENT"
    FOLLOW = "FOLLOW"
    FOLLOW_REQUEST = "FOLLOW_REQUEST"
    FOLLOW_APPROVED = "FOLLOW_APPROVED"
    PURCHASE_REQUEST = "PURCHASE_REQUEST"
    PURCHASE_REQUEST_UPDATED = "PURCHASE_REQUEST_UPDATED"
    MESSAGE = "MESSAGE"
    REPORT_RESOLVED = "REPORT_RESOLVED"
    CONTENT_REMOVED = "CONTENT_REMOVED"
    ACCOUNT_SUSPENDED = "ACCOUNT_SUSPENDED"


class NotificationDelivery(enum.StrEnum):
    """Where a user gets one kind of notification."""

    IN_APP = "IN_APP"
    EMAIL = "EMAIL"
    BOTH = "BOTH"
    # In the app, and by email in one digest per period (social kinds only).
    DIGEST = "DIGEST"


_KIND = Enum(
    NotificationKind, name="notification_kind", native_enum=False, length=32, validate_strings=True
)


class Notification(Base):
    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_recipient_id_read_at", "recipient_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[NotificationKind] = mapped_column(_KIND)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # The object it is about, as a GraphQL type name and database id (a Node for the apps).
    target_type: Mapped[str | None] = mapped_column(String(40))
    target_id: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    read_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class NotificationMute(Base):
    """A kind of notification a user chose not to receive."""

    __tablename__ = "notification_mutes"
    __table_args__ = (UniqueConstraint("user_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[NotificationKind] = mapped_column(_KIND)


class NotificationPreference(Base):
    """How a user wants one kind delivered; a kind without a row has its default
    (``notifications.service.DEFAULT_DELIVERY``)."""

    __tablename__ = "notification_preferences"
    __table_args__ = (UniqueConstraint("user_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[NotificationKind] = mapped_column(_KIND)
    delivery: Mapped[NotificationDelivery] = mapped_column(
        string_enum(NotificationDelivery, "notification_delivery", length=16)
    )
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
