import datetime as dt
import enum
from typing import Any

from sqlalchemy import JSON, Boolean, Enum, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime, utcnow


class DeviceKind(enum.StrEnum):
    FEEDER = "FEEDER"
    COLLAR = "COLLAR"
    OUTLET = "OUTLET"
    HUB = "HUB"
    BATTERY = "BATTERY"


class Device(Base):
    __tablename__ = "devices"
    __table_args__ = (
        # Hardware ids are unique per kind, except outlets (every hub numbers its own from FE
        # down) and hubs (CCU ids are short and chosen per installation: unique per owner).
        Index(
            "uq_devices_kind_hardware_id",
            "kind",
            "hardware_id",
            unique=True,
            postgresql_where=text("parent_id IS NULL AND kind != 'HUB'"),
            sqlite_where=text("parent_id IS NULL AND kind != 'HUB'"),
        ),
        Index(
            "uq_devices_owner_id_hardware_id_hub",
            "owner_id",
            "hardware_id",
            unique=True,
            postgresql_where=text("kind = 'HUB'"),
            sqlite_where=text("kind = 'HUB'"),
        ),
        Index(
            "uq_devices_parent_id_hardware_id",
            "parent_id",
            "hardware_id",
            unique=True,
            postgresql_where=text("parent_id IS NOT NULL"),
            sqlite_where=text("parent_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[DeviceKind] = mapped_column(
        Enum(DeviceKind, name="device_kind", native_enum=False, length=16)
    )
    name: Mapped[str] = mapped_column(String(80))
    location: Mapped[str | None] = mapped_column(String(120))
    hardware_id: Mapped[str] = mapped_column(String(64))
    firmware_version: Mapped[str | None] = mapped_column(String(40))
    pet_id: Mapped[int | None] = mapped_column(
        ForeignKey("pets.id", ondelete="SET NULL"), index=True
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("devices.id", ondelete="CASCADE"), index=True
    )
    # SHA-256 of the device's API key. Keys are 192 random bits, so a fast hash is safe and
    # lets a device request find its row through this unique index in one lookup.
    api_key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    last_seen_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    online: Mapped[bool] = mapped_column(Boolean, default=False)
    # The last state the device reported (RSSI, uptime, hopper level, ...), as it reported it.
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


class DeviceMessageReceipt(Base):
    """A device message already processed (MQTT door): its key is refused the second time, so a
    QoS 1 message delivered again after a lost ack changes nothing. Pruned after a day."""

    __tablename__ = "device_message_receipts"
    __table_args__ = (
        Index("uq_device_message_receipts_device_id_key", "device_id", "key", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"))
    # "<subtopic>:<the message's id or device timestamp>"
    key: Mapped[str] = mapped_column(String(160))
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
