"""Hetri collars: telemetry, presence, low battery, and TreatTap with its history.

A reading (WIRE.md §4 ``devices/<id>/telemetry``) updates the collar's status (battery, heart
rate, last position), is broadcast on ``device.{id}.telemetry`` and stored at most once per
``PAWGRAPH_TELEMETRY_PERSIST_INTERVAL`` (stream ``collar``), like an outlet's. Presence comes
from the retained ``status/online`` flag and the Last Will, and from last-seen: a Last Will
handled after a newer report (several processes share the topics) is stale and ignored.
Readings that arrive together (the MQTT door's group commit) are recorded in one transaction
(``record_readings``).
"""

import datetime as dt
import math
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.alerts import service as alerts_service
from graphql_api.alerts.models import AlertKind
from graphql_api.auth import Viewer, require_viewer
from graphql_api.collars.errors import InvalidCollarReading
from graphql_api.collars.models import Treat
from graphql_api.collars.repository import TreatRepository
from graphql_api.commands import service as commands_service
from graphql_api.commands.models import Command, CommandKind
from graphql_api.devices import flows as devices_flows
from graphql_api.devices import service as devices_service
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.devices.repository import DeviceRepository
from graphql_api.group_commit import Refused, sole_result
from graphql_api.pagination import Page, PageArgs
from graphql_api.pets.errors import PetNotFound
from graphql_api.pets.repository import PetRepository
from graphql_api.settings import Settings
from graphql_api.telemetry import service as telemetry_service

LOW_BATTERY_AT = 15  # percent, at or below: LOW_BATTERY alert
BATTERY_RECOVERED_ABOVE = 20  # percent, above: the alert clears (hysteresis)
TELEMETRY_STREAM = "collar"
_ACCEL_LIMIT_G = 16.0
_COLLAR = frozenset({DeviceKind.COLLAR})


@dataclass(frozen=True, slots=True)
class CollarReading:
    device_time: dt.datetime | None
    accel_x: float
    accel_y: float
    accel_z: float
    battery: float
    heart_rate: float | None = None
    latitude: float | None = None
    longitude: float | None = None

    def values(self) -> dict[str, float]:
        values = {
            "accel_x": self.accel_x,
            "accel_y": self.accel_y,
            "accel_z": self.accel_z,
            "battery": self.battery,
        }
        if self.heart_rate is not None:
            values["heart_rate"] = self.heart_rate
        return values

    def state(self) -> dict[str, Any]:
        state: dict[str, Any] = {"battery": self.battery, "heart_rate": self.heart_rate}
        if self.latitude is not None and self.longitude is not None:
            state["position"] = {"latitude": self.latitude, "longitude": self.longitude}
        if self.device_time is not None:
            state["device_time"] = self.device_time.isoformat()
        return state


def _number(value: Any, field: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidCollarReading(f"{field} must be a number.", field=field)
    if not low <= value <= high:
        raise InvalidCollarReading(f"{field} must be within {low}..{high}.", field=field)
    return float(value)


def parse_reading(payload: Any, device_time: dt.datetime | None) -> CollarReading:
    """WIRE.md §4: ``{"ts", "accel": {x, y, z}, "battery", "heart_rate"?, "position"?}``."""
    if not isinstance(payload, dict) or not isinstance(payload.get("accel"), dict):
        raise InvalidCollarReading("A reading is an object with accel {x, y, z} and battery.")
    accel = payload["accel"]
    heart_rate = payload.get("heart_rate")
    position = payload.get("position")
    if position is not None and not isinstance(position, dict):
        raise InvalidCollarReading("position is {lat, lon}.", field="position")
    return CollarReading(
        device_time=device_time,
        accel_x=_number(accel.get("x"), "accel.x", -_ACCEL_LIMIT_G, _ACCEL_LIMIT_G),
        accel_y=_number(accel.get("y"), "accel.y", -_ACCEL_LIMIT_G, _ACCEL_LIMIT_G),
        accel_z=_number(accel.get("z"), "accel.z", -_ACCEL_LIMIT_G, _ACCEL_LIMIT_G),
        battery=_number(payload.get("battery"), "battery", 0, 100),
        heart_rate=None if heart_rate is None else _number(heart_rate, "heart_rate", 0, 400),
        latitude=None if position is None else _number(position.get("lat"), "lat", -90, 90),
        longitude=None if position is None else _number(position.get("lon"), "lon", -180, 180),
    )


async def _device(session: AsyncSession, device_id: int, kinds: frozenset[DeviceKind]) -> Device:
    device = await DeviceRepository(session).get_by_id(device_id)
    return _check_kind(device, device_id, kinds)


def _check_kind(device: Device | None, device_id: int, kinds: frozenset[DeviceKind]) -> Device:
    if device is None or device.kind not in kinds:
        raise InvalidCollarReading(f"Device {device_id} is not a {'/'.join(sorted(kinds))}.")
    return device


@dataclass(frozen=True, slots=True)
class ReceivedReading:
    """A collar's reading as its message brought it: the device it came from (the topic's
    id) and when the message arrived."""

    device_id: int
    reading: CollarReading
    received_at: dt.datetime


async def record_reading(
    session: AsyncSession,
    settings: Settings,
    device_id: int,
    reading: CollarReading,
    received_at: dt.datetime,
) -> Device:
    """``record_readings`` for one reading; its refusal raised."""
    received = ReceivedReading(device_id, reading, received_at)
    return sole_result(await record_readings(session, settings, [received]))


async def record_readings(
    session: AsyncSession, settings: Settings, received: Sequence[ReceivedReading]
) -> list[Device | Refused]:
    """Store, broadcast and apply the rules to readings of one or many collars, in one
    transaction; each reading's collar, or ``Refused`` (having written nothing) for a reading
    from a device that is no collar.

    One statement finds every collar with when its telemetry stream was last stored, and one
    merges what the readings reported into the collars' states (a collar's several readings
    as one patch, later keys over earlier ones); each collar's readings are then stored as the
    throttle allows and broadcast in one message. The rules follow each reading in turn: they
    run only when it changes what they depend on (back from offline, battery crossing a
    threshold), and the status is pushed only when it changed, so steady collars cost no
    statement beyond those.
    """
    if not received:
        return []
    found = await DeviceRepository(session).get_many_with_stream_cursor(
        {item.device_id for item in received}, TELEMETRY_STREAM
    )
    outcomes: list[Device | Refused] = []
    followed: list[tuple[ReceivedReading, Device, bool, float | None]] = []
    patches: dict[int, tuple[Device, dict[str, Any], dt.datetime]] = {}
    for item in received:
        device, _ = found.get(item.device_id, (None, None))
        try:
            collar = _check_kind(device, item.device_id, _COLLAR)
        except InvalidCollarReading as error:
            outcomes.append(Refused(error))
            continue
        outcomes.append(collar)
        was_online = devices_service.is_online(settings, collar, item.received_at)
        previous = dict(collar.state or {})
        reported = item.reading.state()
        devices_service.note_reported_state(collar, reported, item.received_at)
        if not was_online or _status_changed(previous, collar.state):
            devices_service.publish_status(session, collar, item.received_at)
        followed.append((item, collar, was_online, previous.get("battery")))
        _, patch, _ = patches.get(collar.id, (collar, {}, item.received_at))
        patches[collar.id] = (collar, {**patch, **reported}, item.received_at)
    if patches:
        await devices_service.merge_reported_states(session, list(patches.values()))
    await _record_telemetry(session, settings, found, followed)
    for item, collar, was_online, previous_battery in followed:
        if not was_online:
            await devices_flows.device_reported(session, collar, item.received_at)
        battery = item.reading.battery
        await _apply_battery_rule(session, collar, previous_battery, battery, item.received_at)
    return outcomes


async def _record_telemetry(
    session: AsyncSession,
    settings: Settings,
    found: Mapping[int, tuple[Device, dt.datetime | None]],
    followed: Sequence[tuple[ReceivedReading, Device, bool, float | None]],
) -> None:
    """Each collar's readings stored as its stream's throttle allows, in one message."""
    measurements: dict[int, list[telemetry_service.Measurement]] = {}
    for item, collar, _, _ in followed:
        measurements.setdefault(collar.id, []).append(
            telemetry_service.Measurement(
                item.reading.values(), item.received_at, item.reading.device_time
            )
        )
    for collar_id, measured in measurements.items():
        await telemetry_service.record_many(
            session,
            settings,
            collar_id,
            measured,
            stream=TELEMETRY_STREAM,
            stream_persisted_at=found[collar_id][1],
        )


def _status_changed(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """Whether ``deviceStatus`` watchers would see a difference (the reading itself reaches
    them on ``telemetryUpdated`` in any case)."""
    return any(before.get(key) != after.get(key) for key in _STATUS_KEYS)


_STATUS_KEYS = ("battery", "heart_rate", "position")


async def _apply_battery_rule(
    session: AsyncSession,
    collar: Device,
    previous: float | None,
    battery: float,
    now: dt.datetime,
) -> None:
    """LOW_BATTERY at or below 15 %, cleared above 20 % (between the two nothing changes, so a
    battery hovering at 15-16 % does not raise and clear all day)."""
    if battery <= LOW_BATTERY_AT and (previous is None or previous > LOW_BATTERY_AT):
        message = f"{collar.name}: battery low ({battery:.0f}%)."
        await alerts_service.raise_alert(session, collar, AlertKind.LOW_BATTERY, message, now)
    elif battery > BATTERY_RECOVERED_ABOVE and (
        previous is None or previous <= BATTERY_RECOVERED_ABOVE
    ):
        await alerts_service.clear_condition(session, collar, AlertKind.LOW_BATTERY, now)


async def record_presence(
    session: AsyncSession, device_id: int, online: bool, received_at: dt.datetime
) -> Device | None:
    """The device's retained ``status/online`` flag (``false`` from its Last Will). A ``false``
    older than the device's last report is stale and changes nothing: returns None then."""
    device = await _device(session, device_id, frozenset({DeviceKind.COLLAR, DeviceKind.BATTERY}))
    if not online and device.last_seen_at is not None and device.last_seen_at > received_at:
        return None
    if device.online == online and not online:
        return None
    newer = device.last_seen_at is None or device.last_seen_at < received_at
    await devices_service.set_presence(
        session, device, online, received_at if online and newer else None
    )
    if online:
        await devices_flows.device_reported(session, device, received_at)
    devices_service.publish_status(session, device, received_at)
    return device


# ---- TreatTap ------------------------------------------------------------------------------------


async def treat(
    session: AsyncSession, viewer: Viewer | None, device_id: int, now: dt.datetime
) -> tuple[Command, Treat]:
    """Queue a treat for one of the viewer's collars (the MQTT door delivers it) and keep it
    in the history of the collar and of the pet wearing it."""
    command = await commands_service.issue(session, viewer, device_id, CommandKind.TREAT, {}, now)
    collar = await DeviceRepository(session).get_by_id(device_id)
    repository = TreatRepository(session)
    record = repository.add(
        Treat(
            command_id=command.id,
            device_id=device_id,
            pet_id=collar.pet_id if collar else None,
            issued_by_id=command.issued_by_id,
            issued_at=now,
        )
    )
    await repository.flush()
    return command, record


async def list_treats(
    session: AsyncSession,
    viewer: Viewer | None,
    page: PageArgs,
    *,
    device_id: int | None = None,
    pet_id: int | None = None,
) -> tuple[Page[Treat], Callable[[], Awaitable[int]]]:
    """Newest first: treats on one collar or to one pet the viewer may see, or all theirs."""
    viewer = require_viewer(viewer)
    if device_id is not None:
        await devices_service.require_readable(session, viewer, device_id)
    if pet_id is not None and await PetRepository(session).get_readable(viewer, pet_id) is None:
        raise PetNotFound(field="petId")
    repository = TreatRepository(session)
    statement = repository.list_statement(viewer, device_id=device_id, pet_id=pet_id)
    return await repository.page(statement, page), repository.counter(statement)


async def acknowledging_device(session: AsyncSession, device_id: int) -> Device:
    """The collar or battery agent an MQTT ack came from (its topic's id)."""
    return await _device(session, device_id, frozenset({DeviceKind.COLLAR, DeviceKind.BATTERY}))
