"""What a Smart-Outlet hub's requests do, across domains, each in one unit of work (the hub's
readings many to one: ``hub_readings``).

``/api/data/`` is the hot path (every 2 s per hub, all day): the outlet's state is merged in
SQL, the reading broadcast on every call and stored at most once per persist interval, relay
commands confirmed, and the OVERLOAD and THRESHOLD rules applied to every reading, never
throttled. Alerts are raised and cleared through the alerts service, which keeps one open alert
per device and kind however many readings repeat the condition.

A reading that changes nothing but the outlet's row costs one statement, shared with the other
outlets of its batch: it authenticates the hub (``record_outlet_readings``), writes the row and
reads what the rules need to decide whether anything else must run (see ``_Changes``).
"""

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.alerts import service as alerts_service
from graphql_api.alerts.models import AlertKind
from graphql_api.commands import service as commands_service
from graphql_api.commands.models import Command
from graphql_api.devices import service as devices_service
from graphql_api.devices.flows import device_reported
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.errors import DomainError
from graphql_api.group_commit import GroupCommit, Refused, process_group, sole_result
from graphql_api.outlets import service as outlets_service
from graphql_api.outlets.errors import HubNotFound
from graphql_api.outlets.service import OVERLOAD_TRIP_MA
from graphql_api.settings import Settings
from graphql_api.state import AppState
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
    outlet_id: int
    relay_a: bool
    relay_b: bool
    persisted: bool


def over_threshold(reading: OutletReading, threshold_ma: int | None) -> bool:
    return bool(threshold_ma) and any(value > threshold_ma for value in reading.currents().values())


@dataclass(frozen=True, slots=True)
class _Changes:
    """What a reading changes beyond the outlet's row, from what that row's statement read.

    A change another transaction made after that read (or while the statement waited for the
    row's lock) is caught up by the outlet's next reading: raising an alert again is a no-op
    (one open alert per device and kind), a clear missed now is made then, and a relay command
    SENT meanwhile is confirmed then. OFFLINE is the exception, see ``_offline_may_be_open``.
    """

    clear_offline: bool
    overload: bool | None  # None: OVERLOAD stays as it is; else raise (True) or clear it
    threshold: bool | None
    confirm_relays: bool

    @property
    def any(self) -> bool:
        return (
            self.clear_offline
            or self.overload is not None
            or self.threshold is not None
            or self.confirm_relays
        )


def _change(kind: AlertKind, holds: bool, open_kinds: frozenset[AlertKind]) -> bool | None:
    return None if holds == (kind in open_kinds) else holds


def _offline_may_be_open(
    settings: Settings, report: outlets_service.ReportedOutlet, now: dt.datetime
) -> bool:
    """Whether the report must clear OFFLINE: the statement saw it open, or an offline sweep
    whose transaction was still open as the statement began may have raised it unseen. A
    sweep only takes an outlet silent for the offline threshold, so one seen within half of it
    cannot be such an outlet."""
    if AlertKind.OFFLINE in report.open_alert_kinds or report.previously_seen_at is None:
        return True
    silent_since = now - devices_service.offline_after(settings, DeviceKind.OUTLET) / 2
    return report.previously_seen_at <= silent_since


def _changes(
    settings: Settings,
    report: outlets_service.ReportedOutlet,
    reading: OutletReading,
    now: dt.datetime,
) -> _Changes:
    open_kinds = report.open_alert_kinds
    threshold_ma = report.state.get("threshold_ma")
    relays_reported = reading.relay_a is not None and reading.relay_b is not None
    return _Changes(
        clear_offline=_offline_may_be_open(settings, report, now),
        overload=_change(AlertKind.OVERLOAD, reading.overload, open_kinds),
        threshold=_change(AlertKind.THRESHOLD, over_threshold(reading, threshold_ma), open_kinds),
        confirm_relays=relays_reported and report.relay_command_sent,
    )


async def _apply_rule(
    session: AsyncSession,
    outlet: Device,
    kind: AlertKind,
    raise_it: bool | None,
    message: str,
    now: dt.datetime,
) -> None:
    if raise_it is True:
        await alerts_service.raise_alert(session, outlet, kind, message, now)
    elif raise_it is False:
        await alerts_service.clear_condition(session, outlet, kind, now)


async def _apply_changes(
    session: AsyncSession,
    report: outlets_service.ReportedOutlet,
    reading: OutletReading,
    changes: _Changes,
    now: dt.datetime,
) -> None:
    outlet = await outlets_service.reported_outlet(session, report)
    if changes.clear_offline:
        # Back (or first heard): its watchers see it online, as they saw it go offline.
        await device_reported(session, outlet, now)
        devices_service.publish_status(session, outlet, now)
    state = report.state
    if changes.confirm_relays:
        relay_a, relay_b = bool(state.get("relay_a", False)), bool(state.get("relay_b", False))
        await commands_service.confirm_relay_state(session, outlet, relay_a, relay_b, now)
    currents = f"(A {reading.current_a} mA, B {reading.current_b} mA)"
    overload = f"{outlet.name}: overload trip {currents}."
    await _apply_rule(session, outlet, AlertKind.OVERLOAD, changes.overload, overload, now)
    threshold = (
        f"{outlet.name}: current above the {state.get('threshold_ma')} mA threshold {currents}."
    )
    await _apply_rule(session, outlet, AlertKind.THRESHOLD, changes.threshold, threshold, now)


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


@dataclass(frozen=True, slots=True)
class HubReading:
    """A reading as its hub sent it: the key in the request's path, and when it arrived."""

    hub_key: str
    reading: OutletReading
    received_at: dt.datetime


async def record_outlet_reading(
    session: AsyncSession,
    settings: Settings,
    hub_key: str,
    reading: OutletReading,
    now: dt.datetime,
) -> OutletReadingResult:
    """``POST /api/data/``: one outlet reading relayed by the hub whose key is in the path
    (``record_outlet_readings`` for one; its refusal raised)."""
    submitted = HubReading(hub_key, reading, now)
    return sole_result(await record_outlet_readings(session, settings, [submitted]))


async def record_outlet_readings(
    session: AsyncSession, settings: Settings, submitted: Sequence[HubReading]
) -> list[OutletReadingResult | Refused]:
    """``POST /api/data/`` for readings of one or many hubs, in one transaction.

    One statement authenticates each hub, merges each reading into its outlet's state and
    reads what the rules need; a reading it refuses (HubNotFound for an unknown key,
    OutletNotFound for an outlet not on the hub) has written nothing and gets ``Refused``.
    Further statements run only when something changes: OFFLINE, OVERLOAD or THRESHOLD raised
    or cleared, a SENT relay command to confirm, the one reading per interval that is stored.
    An outlet's row stays locked from that statement to the commit, so the less follows it,
    the less a second reading of the outlet waits.

    Readings of different outlets do not touch each other's rows or rules; two of one outlet
    go in rounds (the statement updates a row once), each applied before the next is merged.
    """
    outcomes: list[OutletReadingResult | Refused | None] = [None] * len(submitted)
    for positions in _rounds(submitted):
        reports = await outlets_service.mark_outlets_reported(
            session,
            settings,
            [_hub_report(submitted[position]) for position in positions],
            stream=OUTLET_STREAM,
        )
        for position, report in zip(positions, reports, strict=True):
            if isinstance(report, DomainError):
                outcomes[position] = Refused(report)
                continue
            reading, now = submitted[position].reading, submitted[position].received_at
            outcomes[position] = await _apply_reading(session, settings, report, reading, now)
    return outcomes


def hub_readings(state: AppState) -> GroupCommit[HubReading, OutletReadingResult]:
    """This process's group commit of hub readings (``record_outlet_readings``, many to a
    transaction under load)."""
    return process_group(
        state,
        "hub_readings",
        lambda session, batch: record_outlet_readings(session, state.settings, batch),
        order=_outlet_of,
    )


def _outlet_of(submitted: HubReading) -> tuple[str, str]:
    """The outlet a reading is for, as its hub key and id (an id that is not one is refused
    in its round: it stands for itself)."""
    try:
        return submitted.hub_key, outlets_service.normalize_short_id(submitted.reading.outlet_id)
    except DomainError:
        return submitted.hub_key, submitted.reading.outlet_id


def _rounds(submitted: Sequence[HubReading]) -> list[list[int]]:
    """The positions of ``submitted`` in rounds that hold each outlet at most once, each
    outlet's readings in the order they came."""
    rounds: list[list[int]] = []
    seen: Counter[tuple[str, str]] = Counter()
    for position, reading in enumerate(submitted):
        outlet = _outlet_of(reading)
        if seen[outlet] == len(rounds):
            rounds.append([])
        rounds[seen[outlet]].append(position)
        seen[outlet] += 1
    return rounds


def _hub_report(submitted: HubReading) -> outlets_service.HubReport:
    reading, now = submitted.reading, submitted.received_at
    return outlets_service.HubReport(
        submitted.hub_key, reading.outlet_id, _reported_state(reading, now), now
    )


async def _apply_reading(
    session: AsyncSession,
    settings: Settings,
    report: outlets_service.ReportedOutlet,
    reading: OutletReading,
    now: dt.datetime,
) -> OutletReadingResult:
    changes = _changes(settings, report, reading, now)
    if changes.any:
        await _apply_changes(session, report, reading, changes, now)
    relay_a = bool(report.state.get("relay_a", False))
    relay_b = bool(report.state.get("relay_b", False))
    persisted = await telemetry_service.record(
        session,
        settings,
        report.outlet_id,
        reading.currents(),
        now,
        stream=OUTLET_STREAM,
        state={"relay_a": relay_a, "relay_b": relay_b, "overload": reading.overload},
        stream_persisted_at=report.stream_persisted_at,
    )
    return OutletReadingResult(report.outlet_id, relay_a, relay_b, persisted)


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
    was_online = devices_service.is_online(settings, hub, now)
    await devices_service.merge_reported_state(
        session, hub, {"breaker_current_ma": load, "breaker_reading_at": now.isoformat()}, now
    )
    await device_reported(session, hub, now)
    if not was_online:  # back (or first heard): its watchers see it online
        devices_service.publish_status(session, hub, now)
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
