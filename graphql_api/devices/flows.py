"""Flows that follow a device's reports across domains: liveness, device state and alerts.

Device routes (every line's) call these instead of several services, so "a report came in" means
the same everywhere: the device is online again, its OFFLINE alert clears, and the rules on what
it reported raise or clear their alerts, all in the route's one unit of work.
"""

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.alerts import service as alerts_service
from graphql_api.alerts.models import AlertKind
from graphql_api.devices import service as devices_service
from graphql_api.devices.models import Device
from graphql_api.settings import Settings
from graphql_api.telemetry import service as telemetry_service
from graphql_api.telemetry.service import TelemetryKey

FEEDER_STREAM = "feeder"


async def device_reported(session: AsyncSession, device: Device, now: dt.datetime) -> None:
    """The device was heard from: an OFFLINE alert on it, if open, is over."""
    await devices_reported(session, [device], now)


async def devices_reported(
    session: AsyncSession, devices: Sequence[Device], now: dt.datetime
) -> None:
    """:func:`device_reported` for devices heard from together, in one statement."""
    await alerts_service.clear_conditions(session, devices, AlertKind.OFFLINE, now)


def food_is_low(heartbeat: devices_service.FeederHeartbeat, settings: Settings) -> bool:
    """WIRE.md: low when the hopper sensor works and reads at or below the threshold."""
    return (
        heartbeat.tof_ok is True
        and heartbeat.hopper_percent is not None
        and heartbeat.hopper_percent <= settings.food_low_percent
    )


def heartbeat_telemetry(heartbeat: devices_service.FeederHeartbeat) -> dict[str, float]:
    """The heartbeat's measurements as telemetry series; what it did not report is left out."""
    measured = {
        TelemetryKey.HOPPER_PERCENT: heartbeat.hopper_percent,
        TelemetryKey.HOPPER_MM: heartbeat.hopper_mm,
        TelemetryKey.WIFI_RSSI: heartbeat.wifi_rssi,
        TelemetryKey.DAILY_FEEDS: heartbeat.daily_feeds,
        TelemetryKey.UPTIME_SECONDS: heartbeat.uptime_seconds,
    }
    # A hopper reading from a failed sensor is noise, not a level.
    if heartbeat.tof_ok is False:
        measured[TelemetryKey.HOPPER_PERCENT] = measured[TelemetryKey.HOPPER_MM] = None
    return {key.value: float(value) for key, value in measured.items() if value is not None}


async def record_feeder_heartbeat(
    session: AsyncSession,
    device: Device,
    heartbeat: devices_service.FeederHeartbeat,
    received_at: dt.datetime,
    settings: Settings,
) -> Device:
    """A PETio heartbeat: keep its state, mark it online, record its measurements as
    telemetry (stored at most once per persist interval, like outlet readings; the state and
    the live event follow every heartbeat) and apply the food-low rule."""
    await devices_service.record_heartbeat(session, device, heartbeat, received_at)
    await device_reported(session, device, received_at)
    measured = heartbeat_telemetry(heartbeat)
    if measured:
        await telemetry_service.record(
            session,
            settings,
            device.id,
            measured,
            received_at,
            device_time=heartbeat.device_time,
            stream=FEEDER_STREAM,
        )
    if food_is_low(heartbeat, settings):
        message = f"{device.name}: food is low ({heartbeat.hopper_percent}% left in the hopper)."
        await alerts_service.raise_alert(session, device, AlertKind.FOOD_LOW, message, received_at)
    else:
        await alerts_service.clear_condition(session, device, AlertKind.FOOD_LOW, received_at)
    return device
