"""MAX300 batteries: each battery's site profile, day-ahead schedules, their slots and history,
the raw provider responses, and the daily fetch claims."""

import datetime as dt
import enum
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Time,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime


class ScheduleStatus(enum.StrEnum):
    CREATED = "CREATED"
    SENT = "SENT"
    ACKNOWLEDGED = "ACKNOWLEDGED"
    EXECUTED = "EXECUTED"
    PARTIAL = "PARTIAL"
    FAILED = "FAILED"
    SUPERSEDED = "SUPERSEDED"


FINAL_SCHEDULE_STATUSES = frozenset(
    {
        ScheduleStatus.EXECUTED,
        ScheduleStatus.PARTIAL,
        ScheduleStatus.FAILED,
        ScheduleStatus.SUPERSEDED,
    }
)


class SlotStatus(enum.StrEnum):
    PENDING = "PENDING"
    EXECUTED = "EXECUTED"
    FAILED = "FAILED"


class SlotMode(enum.StrEnum):
    CHARGE = "charge"
    DISCHARGE = "discharge"
    IDLE = "idle"


class ArchiveOutcome(enum.StrEnum):
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"
    HTTP_ERROR = "HTTP_ERROR"
    UNREACHABLE = "UNREACHABLE"


class FetchState(enum.StrEnum):
    PENDING = "PENDING"
    DONE = "DONE"
    REJECTED = "REJECTED"


def _enum(kind: type[enum.StrEnum], name: str) -> Enum:
    return Enum(kind, name=name, native_enum=False, length=16, validate_strings=True)


# The one current (not superseded) schedule per battery and day, on both backends.
_CURRENT = text("status != 'SUPERSEDED'")


class BatteryProfile(Base):
    """What a battery can do and where it is: its site's zone, fetch time and provider."""

    __tablename__ = "battery_profiles"

    device_id: Mapped[int] = mapped_column(
        ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True
    )
    max_charge_kw: Mapped[float] = mapped_column(Float)
    max_discharge_kw: Mapped[float] = mapped_column(Float)
    capacity_kwh: Mapped[float] = mapped_column(Float)
    time_zone: Mapped[str] = mapped_column(String(64))
    # Null: the setting's schedule_fetch_local_time / schedule_provider_url.
    fetch_local_time: Mapped[dt.time | None] = mapped_column(Time())
    provider_url: Mapped[str | None] = mapped_column(String(300))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class ScheduleArchiveEntry(Base):
    """One raw provider response, stored before it is read. The body, its hash, status and
    headers are written once; only ``outcome`` and ``reasons`` are set, once, after validation."""

    __tablename__ = "schedule_archive"
    __table_args__ = (
        Index("ix_schedule_archive_device_id_id", "device_id", "id"),
        Index("ix_schedule_archive_received_at", "received_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id", ondelete="SET NULL"))
    for_date: Mapped[dt.date] = mapped_column(Date())
    url: Mapped[str] = mapped_column(String(500))
    # Null when no response came back (timeout, refused): then ``error`` says why.
    status_code: Mapped[int | None] = mapped_column(Integer)
    headers: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    body_sha256: Mapped[str | None] = mapped_column(String(64))
    body_size: Mapped[int | None] = mapped_column(Integer)
    # Where the body lives: "database" (the body column) or another store's name + key.
    storage: Mapped[str] = mapped_column(String(32))
    storage_key: Mapped[str | None] = mapped_column(String(300))
    body: Mapped[bytes | None] = mapped_column(LargeBinary)
    error: Mapped[str | None] = mapped_column(String(300))
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    outcome: Mapped[ArchiveOutcome] = mapped_column(_enum(ArchiveOutcome, "archive_outcome"))
    # [{"slot": int | null, "reason": str}, ...] for a rejection.
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)


class BatterySchedule(Base):
    __tablename__ = "battery_schedules"
    __table_args__ = (
        Index(
            "uq_battery_schedules_current_device_id_for_date",
            "device_id",
            "for_date",
            unique=True,
            postgresql_where=_CURRENT,
            sqlite_where=_CURRENT,
        ),
        # The delivery sweep: schedules waiting to be sent or acked.
        Index("ix_battery_schedules_status_last_sent_at", "status", "last_sent_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"))
    for_date: Mapped[dt.date] = mapped_column(Date())
    message_id: Mapped[str] = mapped_column(String(40), unique=True)
    status: Mapped[ScheduleStatus] = mapped_column(_enum(ScheduleStatus, "schedule_status"))
    archive_id: Mapped[int | None] = mapped_column(
        ForeignKey("schedule_archive.id", ondelete="SET NULL")
    )
    # The APPLY_SCHEDULE command that carries it through the commands lifecycle.
    command_id: Mapped[int | None] = mapped_column(ForeignKey("commands.id", ondelete="SET NULL"))
    time_zone: Mapped[str] = mapped_column(String(64))
    send_count: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    last_sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class BatterySlot(Base):
    __tablename__ = "battery_slots"
    __table_args__ = (UniqueConstraint("schedule_id", "slot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("battery_schedules.id", ondelete="CASCADE"))
    slot: Mapped[int] = mapped_column(Integer)
    start: Mapped[str] = mapped_column(String(5))
    mode: Mapped[SlotMode] = mapped_column(_enum(SlotMode, "slot_mode"))
    rate_kw: Mapped[float] = mapped_column(Float)
    status: Mapped[SlotStatus] = mapped_column(_enum(SlotStatus, "slot_status"))
    detail: Mapped[str | None] = mapped_column(String(300))
    reported_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class BatteryScheduleEvent(Base):
    """One step of a schedule (its status or one slot's), when and why; never rewritten."""

    __tablename__ = "battery_schedule_events"
    __table_args__ = (Index("ix_battery_schedule_events_message_id_id", "message_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("battery_schedules.id", ondelete="CASCADE"))
    message_id: Mapped[str] = mapped_column(String(40))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(16))
    # Null for the schedule's own status; the slot number for a slot's.
    slot: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str | None] = mapped_column(String(300))


class ScheduleFetch(Base):
    """Tomorrow's fetch for one battery: one row per (device, date), claimed by one process at a
    time with a conditional UPDATE, so several API processes fetch once."""

    __tablename__ = "schedule_fetches"
    __table_args__ = (UniqueConstraint("device_id", "for_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"))
    for_date: Mapped[dt.date] = mapped_column(Date())
    state: Mapped[FetchState] = mapped_column(_enum(FetchState, "fetch_state"))
    failures: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    claimed_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(String(300))
    missing_alerted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
