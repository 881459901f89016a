"""Behaviour analytics as stored: classified segments, owners' corrections, the per-pet
analysis state, daily summaries (the baselines' unit), anomalies found, and nutrition plans
applied to feeders (with what they replaced, for undo)."""

import datetime as dt
import enum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.behaviour.activities import Activity
from graphql_api.db import Base, UTCDateTime, utcnow

_ACTIVITY = Enum(Activity, name="behaviour_activity", native_enum=False, length=8)


class SegmentSource(enum.StrEnum):
    """What a segment was classified from."""

    PETTY_LEVEL = "PETTY_LEVEL"  # a Petty collar's reported activity level and heart rate
    ACCELERATION = "ACCELERATION"  # raw 3-axis acceleration (Hetri collars), 2 s windows


class BehaviourSegment(Base):
    """A stretch of one activity, merged from consecutive classified windows."""

    __tablename__ = "behaviour_segments"
    __table_args__ = (Index("ix_behaviour_segments_pet_id_started_at", "pet_id", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pet_id: Mapped[int] = mapped_column(ForeignKey("pets.id", ondelete="CASCADE"))
    activity: Mapped[Activity] = mapped_column(_ACTIVITY)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    confidence: Mapped[float] = mapped_column(Float)
    window_count: Mapped[int] = mapped_column(Integer)
    source: Mapped[SegmentSource] = mapped_column(
        Enum(SegmentSource, name="behaviour_segment_source", native_enum=False, length=16)
    )
    # The owner's label, when a correction covers most of this segment.
    corrected_activity: Mapped[Activity | None] = mapped_column(_ACTIVITY)


class BehaviourCorrection(Base):
    """An owner's label for a stretch of time: kept by time, not by segment, because a later
    analysis may re-cut the segments of that stretch; it then labels the new ones."""

    __tablename__ = "behaviour_corrections"
    __table_args__ = (Index("ix_behaviour_corrections_pet_id_started_at", "pet_id", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pet_id: Mapped[int] = mapped_column(ForeignKey("pets.id", ondelete="CASCADE"))
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    predicted_activity: Mapped[Activity] = mapped_column(_ACTIVITY)
    corrected_activity: Mapped[Activity] = mapped_column(_ACTIVITY)
    corrected_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class BehaviourState(Base):
    """How far a pet's analysis got (ids only grow), and its per-pet adaptation."""

    __tablename__ = "behaviour_states"

    pet_id: Mapped[int] = mapped_column(ForeignKey("pets.id", ondelete="CASCADE"), primary_key=True)
    last_reading_id: Mapped[int] = mapped_column(BigInteger, default=0)
    last_point_id: Mapped[int] = mapped_column(BigInteger, default=0)
    # The pet's classifier parameters adapted to the owner's corrections (classifiers.adapt):
    # {"run_heart_ratio": ..., "rest_below": ..., "walk_below": ..., "run_peak_share": ...}.
    adaptation: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    current_activity: Mapped[Activity | None] = mapped_column(_ACTIVITY)
    analysed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class BehaviourDay(Base):
    """One pet's local day in figures (``timeline.DaySummary``), updated as data arrives."""

    __tablename__ = "behaviour_days"

    pet_id: Mapped[int] = mapped_column(ForeignKey("pets.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    minutes: Mapped[dict[str, float]] = mapped_column(JSON)
    active_minutes: Mapped[float] = mapped_column(Float)
    resting_heart_rate: Mapped[float | None] = mapped_column(Float)
    night_restlessness: Mapped[float | None] = mapped_column(Float)
    sleep_minutes: Mapped[float] = mapped_column(Float)
    sleep_onset_minutes: Mapped[float | None] = mapped_column(Float)
    covered_minutes: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class BehaviourAnomaly(Base):
    """A change against the pet's own baseline; found once per pet, day and metric."""

    __tablename__ = "behaviour_anomalies"
    __table_args__ = (UniqueConstraint("pet_id", "day", "metric"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pet_id: Mapped[int] = mapped_column(ForeignKey("pets.id", ondelete="CASCADE"))
    day: Mapped[dt.date] = mapped_column(Date)
    since: Mapped[dt.date] = mapped_column(Date)
    metric: Mapped[str] = mapped_column(String(24))
    method: Mapped[str] = mapped_column(String(12))
    value: Mapped[float] = mapped_column(Float)
    baseline_median: Mapped[float] = mapped_column(Float)
    baseline_days: Mapped[int] = mapped_column(Integer)
    change: Mapped[float] = mapped_column(Float)
    change_percent: Mapped[float | None] = mapped_column(Float)
    score: Mapped[float] = mapped_column(Float)
    message: Mapped[str] = mapped_column(String(300))
    alert_id: Mapped[int | None] = mapped_column(ForeignKey("alerts.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class NutritionPlanApplication(Base):
    """A nutrition plan written into a feeder's schedules: what each schedule was before, so it
    can be undone, and the schedules the plan created."""

    __tablename__ = "nutrition_plan_applications"
    __table_args__ = (Index("ix_nutrition_plan_applications_pet_id_id", "pet_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pet_id: Mapped[int] = mapped_column(ForeignKey("pets.id", ondelete="CASCADE"))
    feeder_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"))
    applied_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    target_grams_per_day: Mapped[float] = mapped_column(Float)
    kcal_per_day: Mapped[float] = mapped_column(Float)
    # [{"schedule_id", "time": "HH:MM", "old_grams" (null: created), "new_grams"}]
    changes: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    notes: Mapped[list[str]] = mapped_column(JSON)
    applied_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    undone_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
