import datetime as dt
from typing import Any

import strawberry
from strawberry import relay

from graphql_api.devices import service as devices_service
from graphql_api.devices.models import Device as DeviceModel
from graphql_api.devices.models import DeviceKind as DeviceKindEnum
from graphql_api.devices.service import DeviceChanges, DeviceRegistration, DeviceStatusEvent
from graphql_api.mutation import Payload
from graphql_api.pets.types import Pet
from graphql_api.relay import decode_id, load_nodes

DeviceKind = strawberry.enum(DeviceKindEnum, description="What sort of device this is.")


@strawberry.type(description="The last thing a device reported about itself.")
class DeviceStatus:
    device_id: relay.GlobalID = strawberry.field(description="The device reporting.")
    online: bool = strawberry.field(
        description="Whether it reported recently enough to count as online."
    )
    last_seen_at: dt.datetime | None = strawberry.field(
        description="Server time of its last report."
    )
    device_time: dt.datetime | None = strawberry.field(
        description="The device's own clock at that report; 1970 before it synced NTP."
    )
    wifi_rssi: int | None = strawberry.field(description="Wi-Fi signal, dBm.")
    uptime_seconds: int | None = strawberry.field(description="Seconds since the device booted.")
    daily_feeds: int | None = strawberry.field(description="Feeds dispensed today (feeders).")
    last_feed_at: dt.datetime | None = strawberry.field(description="Last dispense (feeders).")
    hopper_mm: int | None = strawberry.field(description="Distance to the food, mm (feeders).")
    hopper_percent: int | None = strawberry.field(
        description="Hopper fill level, percent (feeders)."
    )
    tof_ok: bool | None = strawberry.field(description="Whether the hopper sensor works (feeders).")
    error_message: str | None = strawberry.field(description="The device's last error, if any.")

    @classmethod
    def from_state(
        cls, device_id: int, online: bool, last_seen_at: dt.datetime | None, state: dict[str, Any]
    ) -> "DeviceStatus":
        def moment(key: str) -> dt.datetime | None:
            value = state.get(key)
            return dt.datetime.fromisoformat(value) if value else None

        return cls(
            device_id=relay.GlobalID("Device", str(device_id)),
            online=online,
            last_seen_at=last_seen_at,
            device_time=moment("device_time"),
            wifi_rssi=state.get("wifi_rssi"),
            uptime_seconds=state.get("uptime_seconds"),
            daily_feeds=state.get("daily_feeds"),
            last_feed_at=moment("last_feed_at"),
            hopper_mm=state.get("hopper_mm"),
            hopper_percent=state.get("hopper_percent"),
            tof_ok=state.get("tof_ok"),
            error_message=state.get("error_message"),
        )

    @classmethod
    def from_event(cls, event: DeviceStatusEvent) -> "DeviceStatus":
        return cls.from_state(event.device_id, event.online, event.last_seen_at, event.state)


@strawberry.type(description="A feeder, collar, outlet, hub or battery controller.")
class Device(relay.Node):
    id: relay.NodeID[int]
    kind: DeviceKind = strawberry.field(description="What sort of device this is.")
    name: str = strawberry.field(description="Owner's name for it.")
    location: str | None = strawberry.field(description="Where it is, in the owner's words.")
    hardware_id: str = strawberry.field(
        description="Id the hardware reports: ESP-XXXXXXXX for feeders, 2 hex digits for outlets."
    )
    firmware_version: str | None = strawberry.field(description="Firmware version, if known.")
    last_seen_at: dt.datetime | None = strawberry.field(
        description="Server time of its last report."
    )
    created_at: dt.datetime = strawberry.field(description="When it was registered.")
    model: strawberry.Private[DeviceModel]

    @classmethod
    def from_model(cls, device: DeviceModel) -> "Device":
        return cls(
            id=device.id,
            kind=device.kind,
            name=device.name,
            location=device.location,
            hardware_id=device.hardware_id,
            firmware_version=device.firmware_version,
            last_seen_at=device.last_seen_at,
            created_at=device.created_at,
            model=device,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(info.context.loaders.device_by_id, node_ids, cls.from_model)

    @strawberry.field(description="Whether it reported within its kind's offline threshold.")
    def online(self, info: strawberry.Info) -> bool:
        return devices_service.is_online(info.context.settings, self.model, info.context.now())

    @strawberry.field(description="The last state it reported.")
    def status(self, info: strawberry.Info) -> DeviceStatus:
        online = devices_service.is_online(info.context.settings, self.model, info.context.now())
        return DeviceStatus.from_state(
            self.model.id, online, self.model.last_seen_at, self.model.state or {}
        )

    @strawberry.field(description="The pet it is assigned to, if any.")
    async def pet(self, info: strawberry.Info) -> Pet | None:
        if self.model.pet_id is None:
            return None
        pet = await info.context.loaders.pet_by_id.load(self.model.pet_id)
        return Pet.from_model(pet) if pet else None

    @strawberry.field(description="The hub an outlet belongs to.")
    async def parent_hub(self, info: strawberry.Info) -> "Device | None":
        if self.model.parent_id is None:
            return None
        hub = await info.context.loaders.device_by_id.load(self.model.parent_id)
        return Device.from_model(hub) if hub else None

    @strawberry.field(description="A hub's outlets; empty for other kinds.")
    async def outlets(self, info: strawberry.Info) -> list["Device"]:
        children = await info.context.loaders.devices_by_parent_id.load(self.model.id)
        return [Device.from_model(child) for child in children]


@strawberry.input(description="A device to register to the viewer.")
class RegisterDeviceInput:
    kind: DeviceKind = strawberry.field(description="What sort of device.")
    name: str = strawberry.field(description="1 to 80 characters.")
    hardware_id: str = strawberry.field(
        description="ESP-XXXXXXXX for feeders; 2 hex digits for outlets (unique within their hub)."
    )
    location: str | None = strawberry.field(default=None, description="Up to 120 characters.")
    firmware_version: str | None = strawberry.field(default=None, description="Firmware version.")
    pet_id: relay.GlobalID | None = strawberry.field(
        default=None, description="One of the viewer's pets."
    )
    parent_hub_id: relay.GlobalID | None = strawberry.field(
        default=None, description="Required for outlets: the viewer's hub they belong to."
    )

    def to_registration(self) -> DeviceRegistration:
        return DeviceRegistration(
            kind=self.kind,
            name=self.name,
            hardware_id=self.hardware_id,
            location=self.location,
            firmware_version=self.firmware_version,
            pet_id=decode_id(self.pet_id, Pet, "petId") if self.pet_id else None,
            parent_id=decode_id(self.parent_hub_id, Device, "parentHubId")
            if self.parent_hub_id
            else None,
        )


@strawberry.input(
    description="Changes to one of the viewer's devices; omitted fields stay as they are."
)
class UpdateDeviceInput:
    id: relay.GlobalID = strawberry.field(description="The device to change.")
    name: str | None = strawberry.field(default=strawberry.UNSET, description="1 to 80 characters.")
    location: str | None = strawberry.field(default=strawberry.UNSET, description="Null clears it.")
    pet_id: relay.GlobalID | None = strawberry.field(
        default=strawberry.UNSET, description="Assign to one of the viewer's pets; null unassigns."
    )

    def to_changes(self) -> DeviceChanges:
        changes: dict[str, Any] = {}
        if self.name is not strawberry.UNSET:
            changes["name"] = self.name or ""
        if self.location is not strawberry.UNSET:
            changes["location"] = self.location
        if self.pet_id is not strawberry.UNSET:
            changes["pet_id"] = decode_id(self.pet_id, Pet, "petId") if self.pet_id else None
        return DeviceChanges(**changes)


@strawberry.input(description="One of the viewer's devices.")
class DeviceIdInput:
    id: relay.GlobalID = strawberry.field(description="The device.")


@strawberry.type(description="Result of registerDevice.")
class RegisterDevicePayload(Payload):
    device: Device | None = strawberry.field(default=None, description="The new device.")
    api_key: str | None = strawberry.field(
        default=None, description="The device's key. Shown this once only: store it in the device."
    )


@strawberry.type(description="Result of rotateDeviceKey.")
class RotateDeviceKeyPayload(Payload):
    device: Device | None = strawberry.field(default=None, description="The device.")
    api_key: str | None = strawberry.field(
        default=None, description="The new key, shown this once only; the old key no longer works."
    )


@strawberry.type(description="Result of updateDevice.")
class UpdateDevicePayload(Payload):
    device: Device | None = strawberry.field(default=None, description="The device as changed.")


@strawberry.type(description="Result of deleteDevice.")
class DeleteDevicePayload(Payload):
    deleted_device_id: relay.GlobalID | None = strawberry.field(
        default=None, description="ID of the deleted device."
    )
