"""Time series of what devices measure, the throttle cursors, and who is watching live."""

import datetime as dt

from sqlalchemy import BigInteger, Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime, utcnow

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets the 64-bit id a
# long-lived time series needs.
_POINT_ID = BigInteger().with_variant(Integer(), "sqlite")


class TelemetryPoint(Base):
    """One measured value. ``received_at`` (server clock) orders points; ``device_time`` is
    kept beside it because a device that has not synced NTP yet reports 1970."""

    __tablename__ = "telemetry_points"
    __table_args__ = (
        Index("ix_telemetry_points_device_id_key_received_at", "device_id", "key", "received_at"),
        # The behaviour job's "any raw acceleration of this collar after id N?": one probe.
        Index("ix_telemetry_points_device_id_key_id", "device_id", "key", "id"),
    )

    id: Mapped[int] = mapped_column(_POINT_ID, primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(40))
    value: Mapped[float] = mapped_column(Float)
    device_time: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class TelemetryCursor(Base):
    """When a device's stream was last persisted; the write throttle's state.

    Kept in the database, not in process memory, so every API process sharing the database
    agrees on whether a reading is the one to store.
    """

    __tablename__ = "telemetry_cursors"

    device_id: Mapped[int] = mapped_column(
        ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True
    )
    stream: Mapped[str] = mapped_column(String(20), primary_key=True)
    persisted_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class TelemetryWatcher(Base):
    """One API process's live ``telemetryUpdated`` subscriptions of a device.

    The process refreshes ``watched_until`` while any of them lives, moves ``started_at`` when
    another begins, and deletes the row when the last ends; a process that dies leaves a row
    that simply expires (``telemetry.live_watch``).
    """

    __tablename__ = "telemetry_watchers"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), index=True)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    watched_until: Mapped[dt.datetime] = mapped_column(UTCDateTime())
