"""Feeding logs: every portion a feeder reports it dispensed."""

import datetime as dt
import enum

from sqlalchemy import Enum, ForeignKey, Index, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime


class FeedingSource(enum.StrEnum):
    SCHEDULED = "SCHEDULED"
    MANUAL = "MANUAL"
    REMOTE_COMMAND = "REMOTE_COMMAND"


class FeedingLog(Base):
    __tablename__ = "feeding_logs"
    __table_args__ = (
        Index("ix_feeding_logs_device_id_fed_at", "device_id", "fed_at"),
        Index("ix_feeding_logs_pet_id_fed_at", "pet_id", "fed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"))
    # The pet the feeder served when the log arrived; a later reassignment does not rewrite it.
    pet_id: Mapped[int | None] = mapped_column(ForeignKey("pets.id", ondelete="SET NULL"))
    grams: Mapped[float] = mapped_column(Numeric(7, 1, asdecimal=False))
    source: Mapped[FeedingSource] = mapped_column(
        Enum(
            FeedingSource,
            name="feeding_source",
            native_enum=False,
            length=16,
            validate_strings=True,
        )
    )
    # When it happened: the device's time when that is plausible, else the receive time.
    fed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    # The device's own clock as sent (1970 before NTP), and the server's, always.
    device_time: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    notes: Mapped[str | None] = mapped_column(String(200))
    # The feed-now this dispense carried out. Unique: a command is logged once, never twice.
    command_id: Mapped[int | None] = mapped_column(
        ForeignKey("commands.id", ondelete="SET NULL"), unique=True
    )
