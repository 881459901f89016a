"""Petty collar readings: one row per (collar, device timestamp), its position one value.

PostGIS is not available, so a position is two double-precision columns mapped to one
:class:`Position` value object (SQLAlchemy ``composite``): code reads and writes
``reading.position``, never a lone latitude. Six decimal places (about 11 cm) are kept, the
precision the ingest rounds to. Check constraints keep the same ranges the ingest enforces, so
no other writer can store a position off the globe.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, composite, mapped_column

from graphql_api.db import Base, UTCDateTime, utcnow

_READING_ID = BigInteger().with_variant(Integer(), "sqlite")


@dataclass(frozen=True)
class Position:
    """A point on the WGS 84 globe, in GeoJSON's order: longitude first."""

    longitude: float
    latitude: float


class CollarReading(Base):
    """What a collar measured at ``measured_at`` (its own clock, UTC).

    ``(device_id, measured_at)`` is unique: a reading a collar sends twice is stored once. The
    same index serves a collar's track in time order. ``received_at`` (server clock) is kept
    beside it, as for every device report.
    """

    __tablename__ = "collar_readings"
    __table_args__ = (
        UniqueConstraint("device_id", "measured_at"),
        # The behaviour job asks "any reading of this collar after id N?" every batch: one
        # index probe instead of a scan of the collar's history.
        Index("ix_collar_readings_device_id_id", "device_id", "id"),
        CheckConstraint("heart_rate BETWEEN 30 AND 300", name="heart_rate"),
        CheckConstraint("activity_level BETWEEN 0 AND 2", name="activity_level"),
        CheckConstraint("longitude BETWEEN -180 AND 180", name="longitude"),
        CheckConstraint("latitude BETWEEN -90 AND 90", name="latitude"),
    )

    id: Mapped[int] = mapped_column(_READING_ID, primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"))
    measured_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    heart_rate: Mapped[int] = mapped_column(SmallInteger)
    # Petty's scale: 0 rest, 1 active, 2 play.
    activity_level: Mapped[int] = mapped_column(SmallInteger)
    longitude: Mapped[float] = mapped_column(Float)
    latitude: Mapped[float] = mapped_column(Float)
    position: Mapped[Position] = composite(Position, "longitude", "latitude")
