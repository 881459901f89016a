"""Offline detection: devices that stopped reporting are marked offline and raise OFFLINE.

Run by the job runner (``graphql_api.jobs``) in every API process; the conditional update
behind ``devices.service.take_silent_offline`` hands each silent device to exactly one of them,
and the unique open-alert index makes a second OFFLINE impossible anyway. A report from the
device clears it (``graphql_api.devices.flows.device_reported``).
"""

import datetime as dt

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import events
from graphql_api.alerts import service as alerts_service
from graphql_api.alerts.models import AlertKind
from graphql_api.devices import service as devices_service
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.settings import Settings


def _kinds_by_threshold(settings: Settings) -> dict[dt.timedelta, list[DeviceKind]]:
    groups: dict[dt.timedelta, list[DeviceKind]] = {}
    for kind in DeviceKind:
        groups.setdefault(devices_service.offline_after(settings, kind), []).append(kind)
    return groups


def _offline_message(device: Device) -> str:
    seen = device.last_seen_at.strftime("%Y-%m-%d %H:%M:%S UTC") if device.last_seen_at else "never"
    return f"{device.name} is offline: no report since {seen}."


async def mark_silent_devices_offline(
    session: AsyncSession, settings: Settings, now: dt.datetime
) -> list[Device]:
    """Take every device silent for longer than its kind's threshold offline; return them."""
    silent: list[Device] = []
    for threshold, kinds in _kinds_by_threshold(settings).items():
        silent += await devices_service.take_silent_offline(session, now - threshold, kinds)
    for device in silent:
        events.publish(
            session,
            events.device_status_channel(device.id),
            devices_service.DeviceStatusEvent(
                device_id=device.id,
                online=False,
                last_seen_at=device.last_seen_at or now,
                state=device.state or {},
            ),
        )
        await alerts_service.raise_alert(
            session, device, AlertKind.OFFLINE, _offline_message(device), now
        )
    return silent
