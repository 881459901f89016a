"""Commands: one row per instruction to a device, and every status it went through."""

import datetime as dt
import enum
from typing import Any

from sqlalchemy import JSON, Enum, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime


class CommandKind(enum.StrEnum):
    FEED_NOW = "FEED_NOW"
    STOP_FEEDING = "STOP_FEEDING"
    CALIBRATE = "CALIBRATE"
    RELAY_ON = "RELAY_ON"
    RELAY_OFF = "RELAY_OFF"
    SET_THRESHOLD = "SET_THRESHOLD"
    READ_SENSORS = "READ_SENSORS"
    PING = "PING"
    TREAT = "TREAT"
    APPLY_SCHEDULE = "APPLY_SCHEDULE"


class CommandStatus(enum.StrEnum):
    QUEUED = "QUEUED"
    SENT = "SENT"
    ACKNOWLEDGED = "ACKNOWLEDGED"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    EXPIRED = "EXPIRED"
    # Handed to the device, and nothing can ever tell more: the last state of a command whose
    # confirmation is DELIVERY (as ThingsBoard's one-way RPC ends DELIVERED).
    DELIVERED = "DELIVERED"


class CommandConfirmation(enum.StrEnum):
    """What settles a command once the device fetched it; fixed when it is issued."""

    # A later report shows the commanded state (an outlet's relay in a reading).
    OBSERVED_STATE = "OBSERVED_STATE"
    # The device answers with its verdict (feeder ack, MQTT ack).
    DEVICE_ACK = "DEVICE_ACK"
    # Nothing the device sends reflects it (the hub never acks, no reading shows a threshold):
    # the fetch is the last thing anyone can know, so the fetch settles it as DELIVERED.
    DELIVERY = "DELIVERY"


FINAL_STATUSES = frozenset(
    {
        CommandStatus.SUCCEEDED,
        CommandStatus.FAILED,
        CommandStatus.EXPIRED,
        CommandStatus.DELIVERED,
    }
)
RELAY_KINDS = frozenset({CommandKind.RELAY_ON, CommandKind.RELAY_OFF})

_KIND = Enum(CommandKind, name="command_kind", native_enum=False, length=16, validate_strings=True)
_CONFIRMATION = Enum(
    CommandConfirmation,
    name="command_confirmation",
    native_enum=False,
    length=16,
    validate_strings=True,
)
_STATUS = Enum(
    CommandStatus, name="command_status", native_enum=False, length=16, validate_strings=True
)


class Command(Base):
    __tablename__ = "commands"
    __table_args__ = (
        # A device's poll: its QUEUED commands, oldest first.
        Index("ix_commands_device_id_status_id", "device_id", "status", "id"),
        # The expiry sweep: open commands whose deadline passed.
        Index("ix_commands_status_expires_at", "status", "expires_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"))
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    kind: Mapped[CommandKind] = mapped_column(_KIND)
    args: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Commands issued as one operation (cutAllPower) share a group id so the owner can follow them.
    group_id: Mapped[str | None] = mapped_column(String(32), index=True)
    status: Mapped[CommandStatus] = mapped_column(_STATUS)
    confirmation: Mapped[CommandConfirmation] = mapped_column(_CONFIRMATION)
    # Why it is in its status, when that needs saying (a device's refusal, "not confirmed").
    reason: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class CommandTransition(Base):
    """One status a command entered, when and why; the command's history, never rewritten."""

    __tablename__ = "command_transitions"

    id: Mapped[int] = mapped_column(primary_key=True)
    command_id: Mapped[int] = mapped_column(
        ForeignKey("commands.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[CommandStatus] = mapped_column(_STATUS)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    reason: Mapped[str | None] = mapped_column(String(200))
