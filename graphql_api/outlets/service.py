"""Smart-Outlet hubs and their outlets: identity, reported state, focus, and hub setup.

A hub authenticates with the key in its base URL (``/h/<hub key>/api/...``, WIRE.md section 2);
its outlets are its child devices, named by 2 hex digits. The hub polls one outlet every 2 s,
the *focused* one: the outlet someone is watching live (a ``telemetryUpdated`` subscriber in
any API process), else the one the owner last chose, else none.
"""

import datetime as dt
import hmac
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer, require_viewer, require_writer
from graphql_api.devices import service as devices_service
from graphql_api.devices.errors import DeviceKeyInvalid
from graphql_api.devices.keys import hash_key
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.devices.repository import DeviceRepository
from graphql_api.errors import DomainError
from graphql_api.outlets.errors import HubNotFound, InvalidOutletId, OutletNotFound
from graphql_api.outlets.models import HubFocus
from graphql_api.outlets.repository import OutletReport, OutletRepository, ReportedOutlet
from graphql_api.settings import Settings
from graphql_api.telemetry import service as telemetry_service

_SHORT_ID = re.compile(r"^[0-9A-F]{1,2}$")
# The outlet firmware reports 0xFFFF instead of a current when its breaker tripped.
OVERLOAD_TRIP_MA = 65535
# The hub's breaker sensor reads up to this much with no load at all (WIRE.md).
BREAKER_NOISE_MAX_MA = 280
HUB_PATH = "/h/"


def normalize_short_id(value: str) -> str:
    """An outlet or hub id as the server stores it: upper-case, 2 hex digits ("3" → "03")."""
    short_id = value.strip().upper()
    if not _SHORT_ID.match(short_id):
        raise InvalidOutletId()
    return short_id.zfill(2)


def breaker_current(current_ma: int) -> int:
    """The breaker load with sensor noise (1-280 mA) read as no load."""
    return 0 if 1 <= current_ma <= BREAKER_NOISE_MAX_MA else current_ma


@dataclass(frozen=True, slots=True)
class OutletState:
    """What the server knows of an outlet, from its readings and the owner's settings."""

    relay_a: bool | None
    relay_b: bool | None
    threshold_ma: int | None
    current_a: int | None
    current_b: int | None
    overload: bool
    last_reading_at: dt.datetime | None

    @classmethod
    def of(cls, device: Device) -> "OutletState":
        state = device.state or {}
        reading_at = state.get("last_reading_at")
        return cls(
            relay_a=state.get("relay_a"),
            relay_b=state.get("relay_b"),
            threshold_ma=state.get("threshold_ma"),
            current_a=state.get("current_a"),
            current_b=state.get("current_b"),
            overload=bool(state.get("overload", False)),
            last_reading_at=dt.datetime.fromisoformat(reading_at) if reading_at else None,
        )


@dataclass(frozen=True, slots=True)
class HubSetup:
    hub: Device
    base_url_prefix: str
    base_url: str | None


# ---- the hub's side ------------------------------------------------------------------------------


async def authenticate_hub(session: AsyncSession, settings: Settings, hub_key: str) -> Device:
    """The hub whose key is in the request's path; HubNotFound (404) for any other key."""
    try:
        return await devices_service.authenticate(
            session, settings, device_key=hub_key, hardware_id=None, kind=DeviceKind.HUB
        )
    except DeviceKeyInvalid as error:
        raise HubNotFound("Unknown hub key.") from error


async def outlet_of_hub(session: AsyncSession, hub: Device, outlet_id: str) -> Device:
    """The hub's outlet with that 2-hex-digit id; OutletNotFound if it is not on this hub (or
    is no outlet id at all: the original server answered 404 to `/api/commands/ZZ/`)."""
    try:
        short_id = normalize_short_id(outlet_id)
    except InvalidOutletId as error:
        raise OutletNotFound(f"No outlet {outlet_id!r} on this hub.") from error
    outlet = await DeviceRepository(session).get_child(hub.id, short_id)
    if outlet is None or outlet.kind is not DeviceKind.OUTLET:
        raise OutletNotFound(f"Outlet {short_id} is not registered on this hub.")
    return outlet


@dataclass(frozen=True, slots=True)
class HubReport:
    """What the hub whose key is in a request's path reported of one of its outlets, as it
    sent it (the repository's ``OutletReport`` holds the key's hash and the normalized id)."""

    hub_key: str
    outlet_id: str
    reported: Mapping[str, Any]
    at: dt.datetime


async def mark_outlets_reported(
    session: AsyncSession, settings: Settings, reports: Sequence[HubReport], *, stream: str
) -> list[ReportedOutlet | DomainError]:
    """Each report's outlet reported: merge it into its state and mark it seen and online, in
    one statement for all (``reports`` name each outlet at most once) that also finds each hub
    (by the same key rule as ``devices_service.authenticate``) and reads what each reading's
    rules need (its open alert kinds, a SENT relay command, when its telemetry ``stream`` was
    last stored). A reading's one round trip does authentication, write and reads.

    A report that wrote nothing gets its error instead: ``authenticate_hub`` says why
    (HubNotFound), or the outlet is not on that hub (OutletNotFound), or it is no outlet id.
    """
    outcomes: list[ReportedOutlet | DomainError | None] = [None] * len(reports)
    keyed: list[tuple[int, OutletReport]] = []
    for position, report in enumerate(reports):
        try:
            short_id = normalize_short_id(report.outlet_id)
        except DomainError as error:
            outcomes[position] = error
            continue
        if report.hub_key:
            patch = dict(report.reported)
            keyed.append(
                (position, OutletReport(hash_key(report.hub_key), short_id, patch, report.at))
            )
    if keyed:
        found = await OutletRepository(session).report_outlets_of_keyed_hubs(
            [outlet_report for _, outlet_report in keyed], stream=stream
        )
        for (position, _), reported in zip(keyed, found, strict=True):
            outcomes[position] = reported
    for position, report in enumerate(reports):
        if outcomes[position] is None:
            outcomes[position] = await _why_not_reported(session, settings, report)
    return outcomes


async def _why_not_reported(
    session: AsyncSession, settings: Settings, report: HubReport
) -> DomainError:
    try:
        await authenticate_hub(session, settings, report.hub_key)
    except DomainError as error:  # HubNotFound; a read: nothing was written
        return error
    return OutletNotFound(
        f"Outlet {normalize_short_id(report.outlet_id)} is not registered on this hub."
    )


async def reported_outlet(session: AsyncSession, report: ReportedOutlet) -> Device:
    """The outlet a report wrote, as a device, for the rules that act on it (alerts, commands)."""
    outlet = await OutletRepository(session).get_device(report.outlet_id)
    if outlet is None:  # the report's own transaction wrote the row: it cannot have vanished
        raise OutletNotFound()
    return outlet


async def outlet_ids_of_hub(session: AsyncSession, hub: Device) -> list[str]:
    return [outlet.hardware_id for outlet in await OutletRepository(session).list_children(hub.id)]


def choose_focus(
    outlets: Sequence[Device],
    watched_since: Mapping[int, dt.datetime],
    chosen_outlet_id: int | None,
) -> Device | None:
    """The focus rule: the newest live-watched outlet, else the owner's choice, else none."""
    watched = [outlet for outlet in outlets if outlet.id in watched_since]
    if watched:
        return max(watched, key=lambda outlet: (watched_since[outlet.id], outlet.id))
    return next((outlet for outlet in outlets if outlet.id == chosen_outlet_id), None)


async def focused_outlet(session: AsyncSession, hub: Device, now: dt.datetime) -> Device | None:
    repository = OutletRepository(session)
    outlets = await repository.list_children(hub.id)
    if not outlets:
        return None
    watched = await telemetry_service.watched_since(session, [outlet.id for outlet in outlets], now)
    focus = None if watched else await repository.get_focus(hub.id)
    return choose_focus(outlets, watched, focus.outlet_id if focus else None)


# ---- the owner's side ----------------------------------------------------------------------------


async def get_outlet(session: AsyncSession, viewer: Viewer | None, outlet_id: int) -> Device | None:
    device = await DeviceRepository(session).get_readable(require_viewer(viewer), outlet_id)
    return device if device is not None and device.kind is DeviceKind.OUTLET else None


async def get_hub(session: AsyncSession, viewer: Viewer | None, hub_id: int) -> Device | None:
    device = await DeviceRepository(session).get_readable(require_viewer(viewer), hub_id)
    return device if device is not None and device.kind is DeviceKind.HUB else None


async def focus_outlet(
    session: AsyncSession, viewer: Viewer | None, outlet_id: int, now: dt.datetime
) -> Device:
    """The owner chooses the outlet their hub polls when nobody is watching one live."""
    viewer = require_writer(viewer)
    outlet = await DeviceRepository(session).get_writable(viewer, outlet_id)
    if outlet is None or outlet.kind is not DeviceKind.OUTLET or outlet.parent_id is None:
        raise OutletNotFound(field="outletId")
    await OutletRepository(session).choose_focus(outlet.parent_id, outlet.id, now)
    return outlet


async def focuses_by_hub_ids(
    session: AsyncSession, hub_ids: Sequence[int]
) -> list[HubFocus | None]:
    return await OutletRepository(session).focuses_by_hub_ids(hub_ids)


def base_url_prefix(settings: Settings) -> str:
    return settings.public_base_url.rstrip("/") + HUB_PATH


async def _writable_hub(session: AsyncSession, viewer: Viewer | None, hub_id: int) -> Device:
    viewer = require_writer(viewer)
    hub = await DeviceRepository(session).get_writable(viewer, hub_id)
    if hub is None or hub.kind is not DeviceKind.HUB:
        raise HubNotFound(field="hubId")
    return hub


async def hub_setup(
    session: AsyncSession,
    viewer: Viewer | None,
    settings: Settings,
    hub_id: int,
    api_key: str | None,
) -> HubSetup | None:
    """What the owner types into the hub's portal. Only the key's hash is stored, so the
    full base URL is built only from a key the owner still holds (checked against the hash)."""
    hub = await get_hub(session, viewer, hub_id)
    if hub is None:
        return None
    base_url = None
    if api_key is not None:
        if not hmac.compare_digest(hash_key(api_key.strip()), hub.api_key_hash):
            raise DeviceKeyInvalid("This is not the hub's current key.", field="apiKey")
        base_url = base_url_prefix(settings) + api_key.strip()
    return HubSetup(hub=hub, base_url_prefix=base_url_prefix(settings), base_url=base_url)


async def issue_hub_base_url(
    session: AsyncSession, viewer: Viewer | None, settings: Settings, hub_id: int
) -> HubSetup:
    """Rotate the hub's key and answer the base URL holding the new one, this once."""
    hub = await _writable_hub(session, viewer, hub_id)
    issued = await devices_service.rotate_key(session, viewer, hub.id)
    prefix = base_url_prefix(settings)
    return HubSetup(hub=issued.device, base_url_prefix=prefix, base_url=prefix + issued.api_key)
