import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    SmallInteger,
    String,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime, utcnow


class FeedingSchedule(Base):
    """A feeder's daily dispense at a wall-clock time of its owner's time zone."""

    __tablename__ = "feeding_schedules"
    __table_args__ = (
        CheckConstraint("grams BETWEEN 10 AND 160 AND grams % 10 = 0", name="grams"),
        CheckConstraint("days_mask BETWEEN 1 AND 127", name="days_mask"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), index=True)
    # Local wall-clock time, not UTC: "08:00" stays 08:00 across DST changes.
    time_of_day: Mapped[dt.time] = mapped_column(Time())
    # Bit 0 is Monday ... bit 6 Sunday (date.weekday()); one small column, no join table.
    days_mask: Mapped[int] = mapped_column(SmallInteger)
    grams: Mapped[int] = mapped_column(SmallInteger)
    label: Mapped[str] = mapped_column(String(32), default="")
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ScheduleFiring(Base):
    """One schedule fired on one local day. The unique constraint is what makes a schedule fire
    at most once per local day across polls, processes and retries; its id is the
    ``triggered_schedule_id`` the feeder sees (unique per schedule and day)."""

    __tablename__ = "schedule_firings"
    __table_args__ = (UniqueConstraint("schedule_id", "local_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    schedule_id: Mapped[int] = mapped_column(ForeignKey("feeding_schedules.id", ondelete="CASCADE"))
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), index=True)
    local_date: Mapped[dt.date] = mapped_column(Date())
    grams: Mapped[int] = mapped_column(SmallInteger)
    fired_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
