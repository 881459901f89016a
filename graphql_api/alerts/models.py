import datetime as dt
import enum

from sqlalchemy import Enum, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime, utcnow


class AlertKind(enum.StrEnum):
    OVERLOAD = "OVERLOAD"
    THRESHOLD = "THRESHOLD"
    OFFLINE = "OFFLINE"
    FOOD_LOW = "FOOD_LOW"
    COMMAND_FAILED = "COMMAND_FAILED"
    # The feeder's wheel stalled and stayed stalled through its reverse-and-retry recovery.
    JAM = "JAM"
    # A collar's battery at or below 15 %, cleared above 20 %.
    LOW_BATTERY = "LOW_BATTERY"
    # MAX300: a provider schedule rejected, tomorrow's still missing, or one not delivered.
    SCHEDULE_INVALID = "SCHEDULE_INVALID"
    SCHEDULE_MISSING = "SCHEDULE_MISSING"
    SCHEDULE_FAILED = "SCHEDULE_FAILED"
    # A pet behaving unlike its own baseline, raised on its collar (behaviour analytics).
    ANOMALY = "ANOMALY"


class AlertStatus(enum.StrEnum):
    ACTIVE = "ACTIVE"
    ACKNOWLEDGED = "ACKNOWLEDGED"
    CLEARED = "CLEARED"


# The same predicate on both backends: it defines which alerts count as "open".
_OPEN = text("status != 'CLEARED'")


class Alert(Base):
    __tablename__ = "alerts"
    __table_args__ = (
        # At most one open alert per device and kind, enforced where every process meets: a
        # storm of readings, or two API processes racing, cannot open a second one.
        Index(
            "uq_alerts_open_device_id_kind",
            "device_id",
            "kind",
            unique=True,
            postgresql_where=_OPEN,
            sqlite_where=_OPEN,
        ),
        Index("ix_alerts_owner_id_id", "owner_id", "id"),
        Index("ix_alerts_device_id_id", "device_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"))
    # The device's owner when it was raised: whose inbox and live channel it went to.
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[AlertKind] = mapped_column(
        Enum(AlertKind, name="alert_kind", native_enum=False, length=16, validate_strings=True)
    )
    status: Mapped[AlertStatus] = mapped_column(
        Enum(AlertStatus, name="alert_status", native_enum=False, length=16, validate_strings=True)
    )
    message: Mapped[str] = mapped_column(String(300))
    raised_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    cleared_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # Who cleared it by hand; null while open or when the condition itself ended.
    cleared_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
