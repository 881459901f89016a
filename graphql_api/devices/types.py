import datetime as dt
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay

from graphql_api.collars.readings import service as collar_readings_service
from graphql_api.collars.readings.types import CollarReading, Position, track_connection
from graphql_api.devices import service as devices_service
from graphql_api.devices.models import Device as DeviceModel
from graphql_api.devices.models import DeviceKind as DeviceKindEnum
from graphql_api.devices.service import (
    DeviceChanges,
    DeviceRegistration,
    IssuedKey,
)
from graphql_api.devices.status_types import STATUS_TYPES, DeviceStatus, device_status
from graphql_api.pagination import Page
from graphql_api.payloads import Payload
from graphql_api.pets.types import Pet
from graphql_api.relay import (
    After,
    Before,
    Connection,
    First,
    Last,
    build_connection,
    decode_id,
    load_nodes,
    node_fields_asked,
    now_or_later,
    page_args,
    prefetch,
)
from graphql_api.telemetry import service as telemetry_service
from graphql_api.telemetry.types import TelemetrySample

if TYPE_CHECKING:
    from graphql_api.alerts.types import Alert

if TYPE_CHECKING:
    from graphql_api.batteries.types import BatteryProfile, BatteryProfileInput

# batteries.types needs Device; these names resolve lazily so neither module imports the other
# at load time.
LazyBatteryProfile = Annotated["BatteryProfile", strawberry.lazy("graphql_api.batteries.types")]
LazyBatteryProfileInput = Annotated[
    "BatteryProfileInput", strawberry.lazy("graphql_api.batteries.types")
]

DeviceKind = strawberry.enum(DeviceKindEnum, description="What sort of device this is.")


# Every kind's status type, also when no field names it directly (graphql_api.schema).
EXTRA_TYPES = STATUS_TYPES


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

    @strawberry.field(description="The last state it reported, typed by its kind.")
    def status(self, info: strawberry.Info) -> DeviceStatus:
        online = devices_service.is_online(info.context.settings, self.model, info.context.now())
        return device_status(
            self.model.kind, self.model.id, online, self.model.last_seen_at, self.model.state or {}
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

    @strawberry.field(description="A hub's outlets, oldest first; empty for other kinds.")
    async def outlets(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection["Device"]:
        loaders = info.context.loaders
        page = await loaders.device_page_by_parent_id.load(
            (self.model.id, (page_args(info, first, after, last, before), None))
        )
        return await device_connection(
            info, page, lambda: loaders.device_count_by_parent_id.load((self.model.id, None))
        )

    @strawberry.field(
        description="The newest stored value of each key it measures (hopper_percent, wifi_rssi, "
        "current_a, ...), by key. Readings are stored at most once per persist interval per "
        "stream; `telemetryUpdated` has every one live."
    )
    def latest_readings(
        self,
        info: strawberry.Info,
        keys: Annotated[
            list[str] | None,
            strawberry.argument(description="Only these keys; every key when omitted."),
        ] = None,
    ) -> list[TelemetrySample]:
        wanted = {telemetry_service.validate_key(key) for key in keys} if keys else None

        def readings(samples: list[Any]) -> list[TelemetrySample]:
            return [
                TelemetrySample.from_sample(sample)
                for sample in samples
                if wanted is None or sample.key in wanted
            ]

        # At once when a page of devices prefetched them (device_connection), else awaitable.
        loader = info.context.loaders.latest_samples_by_device_id
        return now_or_later(loader, self.model.id, readings)  # type: ignore[return-value]

    @strawberry.field(description="The newest stored value of one key; null if it has none.")
    def latest(
        self,
        info: strawberry.Info,
        key: Annotated[
            str, strawberry.argument(description="What was measured, e.g. hopper_percent.")
        ],
    ) -> TelemetrySample | None:
        telemetry_service.validate_key(key, field="key")

        def newest(samples: list[Any]) -> TelemetrySample | None:
            found = next((sample for sample in samples if sample.key == key), None)
            return TelemetrySample.from_sample(found) if found else None

        loader = info.context.loaders.latest_samples_by_device_id
        return now_or_later(loader, self.model.id, newest)  # type: ignore[return-value]

    @strawberry.field(
        description="Its open alerts (ACTIVE or ACKNOWLEDGED), newest first: at most one per kind."
    )
    def open_alerts(
        self, info: strawberry.Info
    ) -> list[Annotated["Alert", strawberry.lazy("graphql_api.alerts.types")]]:
        from graphql_api.alerts.types import Alert  # noqa: PLC0415 - alerts.types imports this module

        loader = info.context.loaders.open_alerts_by_device_id
        return now_or_later(  # type: ignore[return-value]
            loader, self.model.id, lambda alerts: [Alert.from_model(alert) for alert in alerts]
        )

    @strawberry.field(description="A battery's rating, capacity and site; null for other kinds.")
    async def battery(self, info: strawberry.Info) -> LazyBatteryProfile | None:
        if self.model.kind is not DeviceKindEnum.BATTERY:
            return None
        # The ORM row has the type's field names, so Strawberry reads its attributes directly.
        return await info.context.loaders.battery_profile_by_device_id.load(self.model.id)

    @strawberry.field(description="A collar's newest reading (by its own clock); null if none.")
    async def last_reading(self, info: strawberry.Info) -> CollarReading | None:
        reading = await info.context.loaders.last_collar_reading_by_device_id.load(self.model.id)
        return CollarReading.from_model(reading) if reading else None

    @strawberry.field(description="Where a collar last reported itself; null if it never did.")
    async def last_position(self, info: strawberry.Info) -> Position | None:
        reading = await info.context.loaders.last_collar_reading_by_device_id.load(self.model.id)
        return CollarReading.from_model(reading).position if reading else None

    @strawberry.field(
        description="A collar's readings (positions, heart rate, activity) measured in "
        "[`from`, `to`), oldest first: the route it walked."
    )
    async def track(
        self,
        info: strawberry.Info,
        from_: Annotated[
            dt.datetime | None,
            strawberry.argument(name="from", description="Measured at or after this time."),
        ] = None,
        to: Annotated[
            dt.datetime | None, strawberry.argument(description="Measured before this time.")
        ] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[CollarReading]:
        context = info.context
        page = await collar_readings_service.track(
            context.session,
            context.viewer,
            self.model.id,
            from_,
            to,
            first=first,
            after=after,
            max_page_size=context.settings.max_page_size,
        )
        if page is None:  # the node resolved, so the device was readable a moment ago
            page = collar_readings_service.TrackPage([], [], False, False, _zero)
        return track_connection(page)


async def _zero() -> int:
    return 0


# A device's relations that a page of devices loads for all of its devices at once, when its
# selection asks for them (by field name -> the loader's name); each device's field then answers
# without awaiting (graphql_api.relay.now_or_later).
_LOADED_WITH_THE_PAGE = {
    "latestReadings": "latest_samples_by_device_id",
    "latest": "latest_samples_by_device_id",
    "openAlerts": "open_alerts_by_device_id",
}


async def device_connection(
    info: strawberry.Info,
    page: Page[DeviceModel],
    count_total: Callable[[], Awaitable[int]],
) -> Connection[Device]:
    """A page of devices as a connection, with the relations its selection asks of every
    device loaded first."""
    asked = node_fields_asked(info)
    names = {loader for field, loader in _LOADED_WITH_THE_PAGE.items() if field in asked}
    loaders = info.context.loaders
    await prefetch([getattr(loaders, name) for name in sorted(names)], [d.id for d in page.items])
    return build_connection(page, count_total, Device.from_model)


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
    battery: LazyBatteryProfileInput | None = strawberry.field(
        default=None, description="Batteries: rating, capacity and site."
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
            battery=self.battery.to_spec() if self.battery else None,
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
    battery: LazyBatteryProfileInput | None = strawberry.field(
        default=strawberry.UNSET, description="Batteries: a new rating, capacity and site."
    )

    def to_changes(self) -> DeviceChanges:
        changes: dict[str, Any] = {}
        if self.name is not strawberry.UNSET:
            changes["name"] = self.name or ""
        if self.location is not strawberry.UNSET:
            changes["location"] = self.location
        if self.pet_id is not strawberry.UNSET:
            changes["pet_id"] = decode_id(self.pet_id, Pet, "petId") if self.pet_id else None
        if self.battery is not strawberry.UNSET and self.battery is not None:
            changes["battery"] = self.battery.to_spec()
        return DeviceChanges(**changes)


@strawberry.input(description="One of the viewer's devices.")
class DeviceIdInput:
    id: relay.GlobalID = strawberry.field(description="The device.")


@strawberry.type(
    description=(
        "How a device that speaks MQTT (collar, battery controller) logs in to the broker. "
        "Shown once; the broker lets it publish and subscribe under devices/<its id>/ only."
    )
)
class MqttCredentials:
    username: str = strawberry.field(description="The broker username, device-<id>.")
    password: str = strawberry.field(description="The broker password (the device's API key).")
    topic_prefix: str = strawberry.field(description="Its topics' prefix: devices/<id>/.")

    @classmethod
    def of(cls, issued: IssuedKey) -> "MqttCredentials | None":
        if issued.mqtt_username is None:
            return None
        return cls(
            username=issued.mqtt_username,
            password=issued.api_key,
            topic_prefix=f"devices/{issued.device.id}/",
        )


@strawberry.type(description="Result of registerDevice.")
class RegisterDevicePayload(Payload):
    device: Device | None = strawberry.field(default=None, description="The new device.")
    api_key: str | None = strawberry.field(
        default=None, description="The device's key. Shown this once only: store it in the device."
    )
    mqtt_credentials: MqttCredentials | None = strawberry.field(
        default=None, description="Collars and battery controllers: their broker login, once."
    )

    @classmethod
    def of(cls, issued: IssuedKey) -> "RegisterDevicePayload":
        return cls(
            device=Device.from_model(issued.device),
            api_key=issued.api_key,
            mqtt_credentials=MqttCredentials.of(issued),
        )


@strawberry.type(description="Result of rotateDeviceKey.")
class RotateDeviceKeyPayload(Payload):
    device: Device | None = strawberry.field(default=None, description="The device.")
    api_key: str | None = strawberry.field(
        default=None, description="The new key, shown this once only; the old key no longer works."
    )
    mqtt_credentials: MqttCredentials | None = strawberry.field(
        default=None,
        description="Collars and battery controllers: the new broker login; the old one is cut.",
    )

    @classmethod
    def of(cls, issued: IssuedKey) -> "RotateDeviceKeyPayload":
        return cls(
            device=Device.from_model(issued.device),
            api_key=issued.api_key,
            mqtt_credentials=MqttCredentials.of(issued),
        )


@strawberry.type(description="Result of updateDevice.")
class UpdateDevicePayload(Payload):
    device: Device | None = strawberry.field(default=None, description="The device as changed.")


@strawberry.type(description="Result of deleteDevice.")
class DeleteDevicePayload(Payload):
    deleted_device_id: relay.GlobalID | None = strawberry.field(
        default=None, description="ID of the deleted device."
    )
