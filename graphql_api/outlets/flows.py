"""What a Smart-Outlet hub's requests do, across domains, each in the route's one unit of work.

``/api/data/`` is the hot path (every 2 s per hub, all day): the outlet's state is merged in
SQL, the reading broadcast on every call and stored at most once per persist interval, relay
commands confirmed, and the OVERLOAD and THRESHOLD rules applied to every reading, never
throttled. Alerts are raised and cleared through the alerts service, which keeps one open alert
per device and kind however many readings repeat the condition.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.alerts import service as alerts_service
from graphql_api.alerts.models import AlertKind
from graphql_api.commands import service as commands_service
from graphql_api.commands.models import Command
from graphql_api.devices import service as devices_service
from graphql_api.devices.flows import device_reported
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.outlets import service as outlets_service
from graphql_api.outlets.errors import HubNotFound
from graphql_api.outlets.service import OVERLOAD_TRIP_MA
from graphql_api.settings import Settings
from graphql_api.telemetry import service as telemetry_service
from graphql_api.telemetry.service import TelemetryKey

OUTLET_STREAM = "outlet"
BREAKER_STREAM = "breaker"


@dataclass(frozen=True, slots=True)
class OutletReading:
    outlet_id: str
    current_a: int
    current_b: int
    relay_a: bool | None = None
    relay_b: bool | None = None
    is_overload: bool = False

    @property
    def overload(self) -> bool:
        return self.is_overload or OVERLOAD_TRIP_MA in (self.current_a, self.current_b)

    def currents(self) -> dict[str, int]:
        """The measured currents; an overload trip's 0xFFFF marker is not a measurement."""
        measured = {
            TelemetryKey.CURRENT_A.value: self.current_a,
            TelemetryKey.CURRENT_B.value: self.current_b,
        }
        return {key: value for key, value in measured.items() if value != OVERLOAD_TRIP_MA}


@dataclass(frozen=True, slots=True)
class OutletReadingResult:
    outlet: Device
    relay_a: bool
    relay_b: bool
    persisted: bool


def over_threshold(reading: OutletReading, threshold_ma: int | None) -> bool:
    return bool(threshold_ma) and any(value > threshold_ma for value in reading.currents().values())


async def _apply_rule(
    session: AsyncSession,
    outlet: Device,
    kind: AlertKind,
    holds: bool,
    message: Callable[[], str],
    now: dt.datetime,
    open_kinds: frozenset[AlertKind],
) -> None:
    """Raise or clear ``kind`` when the reading changes it; ``open_kinds`` as the reading's first
    statement saw them. A change another transaction made since is caught up by the outlet's
    next reading: raising again is a no-op (one open alert per kind, ON CONFLICT), and a clear
    missed here is made then."""
    if holds == (kind in open_kinds):
        return
    if holds:
        await alerts_service.raise_alert(session, outlet, kind, message(), now)
    else:
        await alerts_service.clear_condition(session, outlet, kind, now)


async def _apply_alert_rules(
    session: AsyncSession,
    outlet: Device,
    reading: OutletReading,
    threshold_ma: int | None,
    now: dt.datetime,
    open_kinds: frozenset[AlertKind],
) -> None:
    currents = f"(A {reading.current_a} mA, B {reading.current_b} mA)"
    await _apply_rule(
        session,
        outlet,
        AlertKind.OVERLOAD,
        reading.overload,
        lambda: f"{outlet.name}: overload trip {currents}.",
        now,
        open_kinds,
    )
    await _apply_rule(
        session,
        outlet,
        AlertKind.THRESHOLD,
        over_threshold(reading, threshold_ma),
        lambda: f"{outlet.name}: current above the {threshold_ma} mA threshold {currents}.",
        now,
        open_kinds,
    )


def _open_alerts_to_trust(
    settings: Settings, report: outlets_service.ReportedOutlet, now: dt.datetime
) -> frozenset[AlertKind] | None:
    """The open alert kinds the report saw, or None when OFFLINE must be cleared regardless.

    An offline sweep whose transaction was still open when the report's statement began may
    have raised OFFLINE unseen by it; a sweep only takes an outlet silent for the offline
    threshold, so one seen within half of it cannot be such an outlet.
    """
    silent_since = now - devices_service.offline_after(settings, DeviceKind.OUTLET) / 2
    seen_at = report.previously_seen_at
    return report.open_alert_kinds if seen_at is not None and seen_at > silent_since else None


def _reported_state(reading: OutletReading, now: dt.datetime) -> dict[str, object]:
    reported: dict[str, object] = {
        "current_a": reading.current_a,
        "current_b": reading.current_b,
        "overload": reading.overload,
        "last_reading_at": now.isoformat(),
    }
    if reading.relay_a is not None:
        reported["relay_a"] = reading.relay_a
    if reading.relay_b is not None:
        reported["relay_b"] = reading.relay_b
    return reported


async def record_outlet_reading(
    session: AsyncSession, settings: Settings, hub: Device, reading: OutletReading, now: dt.datetime
) -> OutletReadingResult:
    """``POST /api/data/``: one outlet reading relayed by its hub.

    One statement merges the reading into the outlet's state and reads what the rules need;
    further statements run only when something changes: an alert raised or cleared, a SENT
    relay command to confirm, the reading that is stored this interval. The outlet's row stays
    locked from that statement to the commit, so the less follows it the better.
    """
    report = await outlets_service.mark_outlet_reported(
        session, hub, reading.outlet_id, _reported_state(reading, now), now, stream=OUTLET_STREAM
    )
    outlet, state = report.outlet, report.outlet.state or {}
    await device_reported(
        session, outlet, now, open_alerts=_open_alerts_to_trust(settings, report, now)
    )
    relay_a, relay_b = bool(state.get("relay_a", False)), bool(state.get("relay_b", False))
    if reading.relay_a is not None and reading.relay_b is not None and report.relay_command_sent:
        await commands_service.confirm_relay_state(session, outlet, relay_a, relay_b, now)
    await _apply_alert_rules(
        session, outlet, reading, state.get("threshold_ma"), now, report.open_alert_kinds
    )
    persisted = await telemetry_service.record(
        session,
        settings,
        outlet.id,
        reading.currents(),
        now,
        stream=OUTLET_STREAM,
        state={"relay_a": relay_a, "relay_b": relay_b, "overload": reading.overload},
        stream_persisted_at=report.stream_persisted_at,
    )
    return OutletReadingResult(outlet=outlet, relay_a=relay_a, relay_b=relay_b, persisted=persisted)


async def record_breaker_reading(
    session: AsyncSession,
    settings: Settings,
    hub: Device,
    ccu_id: str,
    current_ma: int,
    now: dt.datetime,
) -> int:
    """``POST /api/breaker-data/``: the hub's main breaker load; returns the load as stored."""
    if outlets_service.normalize_short_id(ccu_id) != hub.hardware_id:
        raise HubNotFound(f"ccu_id {ccu_id} is not this hub ({hub.hardware_id}).")
    load = outlets_service.breaker_current(current_ma)
    await outlets_service.mark_reported(
        session, hub, {"breaker_current_ma": load, "breaker_reading_at": now.isoformat()}, now
    )
    await device_reported(session, hub, now)
    await telemetry_service.record(
        session,
        settings,
        hub.id,
        {TelemetryKey.BREAKER_CURRENT.value: load},
        now,
        stream=BREAKER_STREAM,
    )
    return load


async def deliver_commands(
    session: AsyncSession, hub: Device, outlet_id: str, now: dt.datetime
) -> list[Command]:
    """``GET /api/commands/<id>/``: the outlet's queued commands, now SENT."""
    outlet = await outlets_service.outlet_of_hub(session, hub, outlet_id)
    return await commands_service.fetch_pending(session, outlet, now)
