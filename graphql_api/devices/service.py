"""Devices: registration, keys, assignment to pets, and what devices report about themselves."""

import datetime as dt
import re
import secrets
from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import events
from graphql_api.auth import Viewer, require_viewer, require_writer
from graphql_api.batteries import profiles as battery_profiles
from graphql_api.db import utcnow
from graphql_api.devices.credentials import (
    NO_BROKER,
    BrokerUnavailableError,
    DeviceBroker,
    mqtt_username,
    speaks_mqtt,
)
from graphql_api.devices.errors import (
    BrokerUnavailable,
    DeviceKeyInvalid,
    DeviceNotFound,
    HardwareIdTaken,
    InvalidDevice,
    InvalidHardwareId,
    ParentHubRequired,
)
from graphql_api.devices.keys import generate_key, hash_key
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.devices.repository import (
    DeviceRepository,
    DeviceStateRepository,
    OnlineCutoffs,
    ReceiptRepository,
)
from graphql_api.pagination import Page, PageArgs
from graphql_api.partial import UNSET
from graphql_api.pets.errors import PetNotFound
from graphql_api.pets.repository import PetRepository
from graphql_api.settings import Settings

# The row `authenticate` (and the outlets and collars services' own) hands a device front door.
# Front doors name it by this alias: they import no ORM `models` module (pyproject.toml's
# front-door contract); they read the row and pass it back to services, never query or build one.
AuthenticatedDevice: TypeAlias = Device

_HARDWARE_ID_RULES: dict[DeviceKind, tuple[re.Pattern[str], str]] = {
    DeviceKind.FEEDER: (re.compile(r"^ESP-[0-9A-F]{8}$"), "ESP- and 8 upper-case hex digits"),
    DeviceKind.OUTLET: (re.compile(r"^[0-9A-F]{2}$"), "2 upper-case hex digits"),
    # The hub's CCU id, as its firmware reports it in /api/breaker-data/. Unique per owner only:
    # every owner's first hub is likely "01" or "02".
    DeviceKind.HUB: (re.compile(r"^[0-9A-F]{2}$"), "2 upper-case hex digits"),
}
_GENERIC_HARDWARE_ID = (
    re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$"),
    "1-64 letters, digits, . _ : -",
)


@dataclass(frozen=True, slots=True)
class DeviceRegistration:
    kind: DeviceKind
    name: str
    hardware_id: str
    location: str | None = None
    firmware_version: str | None = None
    pet_id: int | None = None
    parent_id: int | None = None
    # A BATTERY's rating, capacity and site; refused for other kinds.
    battery: battery_profiles.BatterySpec | None = None


@dataclass(frozen=True, slots=True)
class DeviceChanges:
    name: str = UNSET
    location: str | None = UNSET
    pet_id: int | None = UNSET
    battery: battery_profiles.BatterySpec = UNSET


@dataclass(frozen=True, slots=True)
class IssuedKey:
    device: Device
    api_key: str
    # Devices that speak MQTT log in as this, with the API key as password.
    mqtt_username: str | None = None


@dataclass(frozen=True, slots=True)
class FeederHeartbeat:
    device_time: dt.datetime | None
    wifi_rssi: int | None = None
    uptime_seconds: int | None = None
    daily_feeds: int | None = None
    last_feed_at: dt.datetime | None = None
    hopper_mm: int | None = None
    hopper_percent: int | None = None
    tof_ok: bool | None = None
    error_message: str | None = None


class DeviceStatusEvent(BaseModel):
    """Published on ``device.{id}.status`` after a report from the device commits."""

    device_id: int
    online: bool
    last_seen_at: dt.datetime
    device_time: dt.datetime | None = None
    state: dict[str, Any] = {}


def publish_status(session: AsyncSession, device: Device, now: dt.datetime) -> None:
    """Push the device's status (online flag, last-seen, stored state) to its watchers after
    the commit."""
    events.publish(
        session,
        events.device_status_channel(device.id),
        DeviceStatusEvent(
            device_id=device.id,
            online=device.online,
            last_seen_at=device.last_seen_at or now,
            state=device.state or {},
        ),
    )


def normalize_hardware_id(kind: DeviceKind, hardware_id: str) -> str:
    hardware_id = hardware_id.strip()
    if kind in (DeviceKind.FEEDER, DeviceKind.OUTLET, DeviceKind.HUB):
        hardware_id = hardware_id.upper()
    pattern, description = _HARDWARE_ID_RULES.get(kind, _GENERIC_HARDWARE_ID)
    if not pattern.match(hardware_id):
        raise InvalidHardwareId(
            f"A {kind.value.lower()} hardware id is {description}.", field="hardwareId"
        )
    return hardware_id


def offline_after(settings: Settings, kind: DeviceKind) -> dt.timedelta:
    return (
        settings.feeder_offline_after
        if kind is DeviceKind.FEEDER
        else settings.device_offline_after
    )


def is_online(settings: Settings, device: Device, now: dt.datetime) -> bool:
    """Online while the last report is younger than the kind's offline threshold."""
    if device.last_seen_at is None or not device.online:
        return False
    return now - device.last_seen_at <= offline_after(settings, device.kind)


def _clean_name(name: str, field: str = "name") -> str:
    name = name.strip()
    if not 1 <= len(name) <= 80:
        raise InvalidDevice("The name must have 1 to 80 characters.", field=field)
    return name


def _clean_location(location: str | None) -> str | None:
    location = (location or "").strip() or None
    if location and len(location) > 120:
        raise InvalidDevice("The location must have at most 120 characters.", field="location")
    return location


async def _require_own_pet(session: AsyncSession, viewer: Viewer, pet_id: int) -> None:
    if await PetRepository(session).get_writable(viewer, pet_id) is None:
        raise PetNotFound(field="petId")


async def _parent_hub(
    session: AsyncSession, viewer: Viewer, registration: DeviceRegistration
) -> Device | None:
    if registration.kind is not DeviceKind.OUTLET:
        if registration.parent_id is not None:
            raise InvalidDevice("Only outlets are registered under a hub.", field="parentHubId")
        return None
    if registration.parent_id is None:
        raise ParentHubRequired(field="parentHubId")
    hub = await DeviceRepository(session).get_writable(viewer, registration.parent_id)
    if hub is None or hub.kind is not DeviceKind.HUB:
        raise ParentHubRequired(field="parentHubId")
    return hub


async def register(
    session: AsyncSession,
    viewer: Viewer | None,
    registration: DeviceRegistration,
    broker: DeviceBroker = NO_BROKER,
) -> IssuedKey:
    """Register a device to the viewer; the returned API key is never shown again. A device
    that speaks MQTT gets its broker login (``broker``) before the transaction commits."""
    viewer = require_writer(viewer)
    repository = DeviceRepository(session)
    hardware_id = normalize_hardware_id(registration.kind, registration.hardware_id)
    hub = await _parent_hub(session, viewer, registration)
    if registration.pet_id is not None:
        await _require_own_pet(session, viewer, registration.pet_id)
    if hub is not None:
        taken = await repository.get_child(hub.id, hardware_id)
    elif registration.kind is DeviceKind.HUB:
        taken = await repository.get_owned_hub(viewer.user_id, hardware_id)
    else:
        taken = await repository.get_unparented(registration.kind, hardware_id)
    if taken is not None:
        raise HardwareIdTaken(field="hardwareId")
    api_key = generate_key()
    # Registered by a concurrent request since the check (a double tap), it is taken as well.
    device = await repository.add_unique(
        Device(
            owner_id=viewer.user_id,
            kind=registration.kind,
            name=_clean_name(registration.name),
            location=_clean_location(registration.location),
            hardware_id=hardware_id,
            firmware_version=(registration.firmware_version or "").strip()[:40] or None,
            pet_id=registration.pet_id,
            parent_id=hub.id if hub else None,
            api_key_hash=hash_key(api_key),
            state={},
        )
    )
    if device is None:
        raise HardwareIdTaken(field="hardwareId")
    if registration.battery is not None:
        await battery_profiles.set_profile(session, device, registration.battery, utcnow())
    return await _issued(device, api_key, broker)


async def _issued(device: Device, api_key: str, broker: DeviceBroker) -> IssuedKey:
    """The key, and for an MQTT device its broker login, granted now: if the broker refuses,
    BrokerUnavailable rolls the registration (or rotation) back. Should the commit fail after
    the broker took it, the login's password is one nobody holds."""
    if not speaks_mqtt(device.kind):
        return IssuedKey(device=device, api_key=api_key)
    username = mqtt_username(device.id)
    try:
        await broker.grant(device.id, username, api_key)
    except BrokerUnavailableError as exc:
        raise BrokerUnavailable() from exc
    return IssuedKey(device=device, api_key=api_key, mqtt_username=username)


async def _get_writable(session: AsyncSession, viewer: Viewer | None, device_id: int) -> Device:
    viewer = require_writer(viewer)
    device = await DeviceRepository(session).get_writable(viewer, device_id)
    if device is None:
        raise DeviceNotFound(field="id")
    return device


async def rotate_key(
    session: AsyncSession,
    viewer: Viewer | None,
    device_id: int,
    broker: DeviceBroker = NO_BROKER,
) -> IssuedKey:
    """Issue a new key; the old one stops working when this commits (an MQTT device's broker
    login changes, and its connection is dropped, at once)."""
    device = await _get_writable(session, viewer, device_id)
    api_key = generate_key()
    device.api_key_hash = hash_key(api_key)
    await DeviceRepository(session).flush()
    return await _issued(device, api_key, broker)


async def update(
    session: AsyncSession, viewer: Viewer | None, device_id: int, changes: DeviceChanges
) -> Device:
    device = await _get_writable(session, viewer, device_id)
    if changes.name is not UNSET:
        device.name = _clean_name(changes.name)
    if changes.location is not UNSET:
        device.location = _clean_location(changes.location)
    if changes.pet_id is not UNSET:
        if changes.pet_id is not None:
            await _require_own_pet(session, require_viewer(viewer), changes.pet_id)
        device.pet_id = changes.pet_id
    if changes.battery is not UNSET:
        await battery_profiles.set_profile(session, device, changes.battery, utcnow())
    await DeviceRepository(session).flush()
    return device


async def delete(
    session: AsyncSession,
    viewer: Viewer | None,
    device_id: int,
    broker: DeviceBroker = NO_BROKER,
) -> Device:
    """Delete the device; an MQTT device's broker login is revoked (and disconnected) first."""
    device = await _get_writable(session, viewer, device_id)
    await DeviceRepository(session).delete(device)
    if speaks_mqtt(device.kind):
        try:
            await broker.revoke(device.id, mqtt_username(device.id))
        except BrokerUnavailableError as exc:
            raise BrokerUnavailable() from exc
    return device


async def get(session: AsyncSession, viewer: Viewer | None, device_id: int) -> Device | None:
    viewer = require_viewer(viewer)
    return await DeviceRepository(session).get_readable(viewer, device_id)


async def require_readable(session: AsyncSession, viewer: Viewer | None, device_id: int) -> Device:
    """The device if the viewer may watch it (owner, staff, admin), else DeviceNotFound."""
    device = await get(session, viewer, device_id)
    if device is None:
        raise DeviceNotFound(field="deviceId")
    return device


@dataclass(frozen=True, slots=True)
class DeviceFilter:
    kind: DeviceKind | None = None
    # Online as ``is_online`` says at the time of the query; None: either.
    online: bool | None = None
    # Staff and admins: one owner's devices (None: the whole fleet). An owner naming anyone
    # but themself gets nothing, as for an owner with no devices.
    owner_id: int | None = None


def online_cutoffs(settings: Settings, now: dt.datetime) -> OnlineCutoffs:
    return OnlineCutoffs(
        feeder=now - offline_after(settings, DeviceKind.FEEDER),
        other=now - offline_after(settings, DeviceKind.COLLAR),
    )


async def list_for_viewer(
    session: AsyncSession,
    viewer: Viewer | None,
    page: PageArgs,
    filters: DeviceFilter = DeviceFilter(),
    *,
    settings: Settings | None = None,
    now: dt.datetime | None = None,
) -> tuple[Page[Device], Callable[[], Awaitable[int]]]:
    """Oldest first: an owner's own devices; for staff and admins, the whole fleet. Filtering
    on ``online`` needs ``settings`` and ``now``."""
    viewer = require_viewer(viewer)
    repository = DeviceRepository(session)
    owner_id = filters.owner_id
    if owner_id is None and not viewer.is_staff:
        owner_id = viewer.user_id
    cutoffs = None
    if filters.online is not None:
        if settings is None or now is None:
            raise ValueError("filtering on online needs settings and now")
        cutoffs = online_cutoffs(settings, now)
    statement = repository.list_statement(
        viewer, owner_id, filters.kind, cutoffs, want_online=filters.online is not False
    )
    return await repository.page(statement, page), repository.counter(statement)


async def authenticate(
    session: AsyncSession,
    settings: Settings,
    *,
    device_key: str | None,
    hardware_id: str | None,
    kind: DeviceKind | None = None,
) -> Device:
    """The device a request's key belongs to.

    ``hardware_id`` (a ``Device-ID`` header or body field), when given, must name that same
    device, so one device's key never acts for another. With the legacy fleet-wide key enabled,
    that key plus a hardware id of ``kind`` identifies the device instead.
    """
    repository = DeviceRepository(session)
    device = None
    if device_key and _is_legacy_key(settings, device_key):
        if kind is not None and hardware_id:
            device = await repository.get_unparented(kind, hardware_id.strip().upper())
    elif device_key:
        device = await repository.get_by_key_hash(hash_key(device_key), kind)
    if device is None:
        raise DeviceKeyInvalid()
    if hardware_id is not None and hardware_id.strip().upper() != device.hardware_id.upper():
        raise DeviceKeyInvalid("The device key does not belong to this device.")
    return device


async def authenticate_keys(
    session: AsyncSession, settings: Settings, device_keys: Collection[str], kind: DeviceKind
) -> dict[str, Device]:
    """``authenticate`` without a hardware id for many keys at once, in one statement: each
    key that belongs to a device of ``kind``, with that device (the legacy fleet-wide key
    names no device without one)."""
    by_hash = {
        hash_key(key): key for key in device_keys if key and not _is_legacy_key(settings, key)
    }
    devices = await DeviceRepository(session).get_by_key_hashes(list(by_hash), kind)
    return {by_hash[device.api_key_hash]: device for device in devices}


def _is_legacy_key(settings: Settings, device_key: str) -> bool:
    legacy = settings.legacy_fleet_api_key
    return legacy is not None and secrets.compare_digest(device_key, legacy.get_secret_value())


def _heartbeat_state(heartbeat: FeederHeartbeat) -> dict[str, Any]:
    reported = {
        "wifi_rssi": heartbeat.wifi_rssi,
        "uptime_seconds": heartbeat.uptime_seconds,
        "daily_feeds": heartbeat.daily_feeds,
        "last_feed_at": heartbeat.last_feed_at.isoformat() if heartbeat.last_feed_at else None,
        "hopper_mm": heartbeat.hopper_mm,
        "hopper_percent": heartbeat.hopper_percent,
        "tof_ok": heartbeat.tof_ok,
        "error_message": heartbeat.error_message or None,
    }
    return {key: value for key, value in reported.items() if value is not None}


async def merge_reported_state(
    session: AsyncSession, device: Device, reported: Mapping[str, Any], now: dt.datetime
) -> dict[str, Any]:
    """Keep what a device (a hub, an outlet) reported in its state and mark it seen and
    online; returns the merged state."""
    return await DeviceStateRepository(session).merge_state(device, dict(reported), seen_at=now)


async def merge_reported_states(
    session: AsyncSession, reports: Sequence[tuple[Device, Mapping[str, Any], dt.datetime]]
) -> None:
    """``merge_reported_state`` for devices heard from together (each once), in one
    statement whatever their number (PostgreSQL)."""
    await DeviceStateRepository(session).merge_states(
        [(device, dict(reported), now) for device, reported, now in reports]
    )


def note_reported_state(device: Device, reported: Mapping[str, Any], now: dt.datetime) -> None:
    """Bring the loaded device to what ``merge_reported_state`` would make it, without
    writing: for rules that follow several reports of one device through a batch that is
    written once (``merge_reported_states`` with their patches combined)."""
    DeviceStateRepository.note_state(device, dict(reported), seen_at=now)


async def remember_in_state(
    session: AsyncSession, device: Device, settings: Mapping[str, Any]
) -> dict[str, Any]:
    """Keep a value the owner set (an outlet's threshold) in the device's state, merged so a
    reading written meanwhile is not lost."""
    return await DeviceStateRepository(session).merge_state(device, dict(settings), seen_at=None)


async def set_presence(
    session: AsyncSession, device: Device, online: bool, seen_at: dt.datetime | None
) -> None:
    """The device said it is online or offline (MQTT ``status/online``, its Last Will)."""
    await DeviceStateRepository(session).set_presence(device, online, seen_at)


async def take_silent_offline(
    session: AsyncSession, cutoff: dt.datetime, kinds: Sequence[DeviceKind]
) -> list[Device]:
    """Devices of ``kinds`` silent since before ``cutoff``, now offline; each is returned by
    exactly one of several processes sweeping at once."""
    return await DeviceStateRepository(session).mark_silent_offline(cutoff, kinds)


async def record_heartbeat(
    session: AsyncSession, device: Device, heartbeat: FeederHeartbeat, received_at: dt.datetime
) -> Device:
    """Mark the device seen now and keep what it reported; its owner's apps hear it live.

    The server's receive time orders reports; the device's own clock may still read 1970.
    """
    await record_heartbeats(session, [(device, heartbeat, received_at)])
    return device


async def record_heartbeats(
    session: AsyncSession, heartbeats: Sequence[tuple[Device, FeederHeartbeat, dt.datetime]]
) -> None:
    """``record_heartbeat`` for devices heard from together (each once): their rows are
    written in one flush, so one round trip whatever their number."""
    for device, heartbeat, received_at in heartbeats:
        state = dict(device.state or {})
        state.update(_heartbeat_state(heartbeat))
        if heartbeat.device_time is not None:
            state["device_time"] = heartbeat.device_time.isoformat()
        device.state = state
        device.last_seen_at = received_at
        device.online = True
    await DeviceRepository(session).flush()
    for device, heartbeat, received_at in heartbeats:
        events.publish(
            session,
            events.device_status_channel(device.id),
            DeviceStatusEvent(
                device_id=device.id,
                online=True,
                last_seen_at=received_at,
                device_time=heartbeat.device_time,
                state=device.state,
            ),
        )


# ---- at-most-once processing of device messages ------------------------------------------------

RECEIPT_RETENTION = dt.timedelta(days=1)


async def claim_message(session: AsyncSession, device_id: int, key: str, now: dt.datetime) -> bool:
    """True the first time the device's message ``key`` is seen (recorded in this
    transaction); False for a repeat, or for a device that does not exist."""
    return await ReceiptRepository(session).claim(device_id, key[:160], now)


async def claim_messages(
    session: AsyncSession, claims: Sequence[tuple[int, str, dt.datetime]]
) -> list[bool]:
    """``claim_message`` for many (device id, key, time) in one statement (PostgreSQL), each
    answer in order; a key repeated among them is first seen by its first occurrence."""
    return await ReceiptRepository(session).claim_many(
        [(device_id, key[:160], now) for device_id, key, now in claims]
    )


async def release_message(session: AsyncSession, device_id: int, key: str) -> None:
    """Undo this transaction's ``claim_message``: the message was refused, and a refusal
    writes nothing, so the same message sent again is refused again, not a duplicate."""
    await ReceiptRepository(session).release(device_id, key[:160])


async def prune_message_receipts(session: AsyncSession, now: dt.datetime) -> None:
    """Forget receipts older than a day: a broker redelivers within minutes, not days."""
    await ReceiptRepository(session).prune(now - RECEIPT_RETENTION)
