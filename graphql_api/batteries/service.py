"""MAX300 batteries: site profiles, following schedules, delivery to the edge agent, and what
the agent reports back (acks, slot reports, heartbeats).

Device-facing functions take the authenticated device (the MQTT door resolved it from the
topic the broker let it publish on), never a viewer. Fetching from the provider, archiving and
validating are in ``flows.py``.
"""

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import events
from graphql_api.alerts.models import AlertKind
from graphql_api.auth import Viewer, require_viewer
from graphql_api.batteries import lifecycle
from graphql_api.batteries.errors import BatteryNotFound
from graphql_api.batteries.logs import log
from graphql_api.batteries.models import (
    BatteryProfile,
    BatterySchedule,
    BatteryScheduleEvent,
    BatterySlot,
    ScheduleArchiveEntry,
    ScheduleStatus,
    SlotStatus,
)
from graphql_api.batteries.profiles import zone_of
from graphql_api.batteries.repository import (
    ArchiveRepository,
    EventRepository,
    ProfileRepository,
    ScheduleRepository,
    SlotRepository,
)
from graphql_api.devices import service as devices_service
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.errors import PermissionDenied
from graphql_api.pagination import Page, PageArgs
from graphql_api.settings import Settings

SCHEDULE_TOPIC = "cmd/schedule"
MAX_DETAIL = 300
_DELIVERY_BATCH = 100


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A message to publish to a device once the transaction that decided it has committed."""

    device_id: int
    subtopic: str
    payload: dict[str, Any]
    message_id: str
    # The broker drops it undelivered after this (MQTT 5 message expiry): the day is over.
    expiry_seconds: int | None = None


@dataclass(frozen=True, slots=True)
class SlotReport:
    message_id: str
    slot: int
    status: SlotStatus
    detail: str | None = None


# ---- profiles ----------------------------------------------------------------------------------


async def profiles_by_device_ids(
    session: AsyncSession, ids: list[int]
) -> list[BatteryProfile | None]:
    return await ProfileRepository(session).get_by_device_ids(ids)


# ---- following schedules -----------------------------------------------------------------------


async def get_schedule(
    session: AsyncSession, viewer: Viewer | None, device_id: int, for_date: dt.date
) -> BatterySchedule | None:
    """The battery's current schedule for the date; DeviceNotFound for a device not visible."""
    viewer = require_viewer(viewer)
    await devices_service.require_readable(session, viewer, device_id)
    return await ScheduleRepository(session).get_current_readable(viewer, device_id, for_date)


async def timeline(
    session: AsyncSession, viewer: Viewer | None, message_id: str
) -> tuple[BatterySchedule, list[BatteryScheduleEvent]] | None:
    """The schedule a message_id names and every step it went through, oldest first."""
    viewer = require_viewer(viewer)
    schedule = await ScheduleRepository(session).get_readable_by_message_id(viewer, message_id)
    if schedule is None:
        return None
    return schedule, await EventRepository(session).list_for_message(message_id)


async def list_archive(
    session: AsyncSession, viewer: Viewer | None, page: PageArgs, *, device_id: int | None = None
) -> tuple[Page[ScheduleArchiveEntry], Callable[[], Awaitable[int]]]:
    """Raw provider responses, newest first: staff and admins only."""
    viewer = require_viewer(viewer)
    if not viewer.is_staff:
        raise PermissionDenied("Only staff can read the schedule archive.")
    repository = ArchiveRepository(session)
    statement = repository.list_statement(device_id)
    return await repository.page(statement, page), repository.counter(statement)


async def slots_by_schedule_ids(session: AsyncSession, ids: list[int]) -> list[list[BatterySlot]]:
    return await SlotRepository(session).list_by_schedule_ids(ids)


async def schedules_by_ids(
    session: AsyncSession, viewer: Viewer | None, ids: list[int]
) -> list[BatterySchedule | None]:
    return await ScheduleRepository(session).get_readable_by_ids(require_viewer(viewer), ids)


async def require_watchable(session: AsyncSession, viewer: Viewer | None, device_id: int) -> str:
    """The live channel of the battery's schedules, if the viewer may follow them."""
    device = await devices_service.require_readable(session, viewer, device_id)
    if device.kind is not DeviceKind.BATTERY:
        raise BatteryNotFound(field="deviceId")
    return events.battery_schedule_channel(device.id)


# ---- delivery ----------------------------------------------------------------------------------


def schedule_message(schedule: BatterySchedule, slots: list[BatterySlot]) -> dict[str, Any]:
    """WIRE.md section 5: ``{"message_id", "date", "intervals"}``."""
    return {
        "message_id": schedule.message_id,
        "date": schedule.for_date.isoformat(),
        "timezone": schedule.time_zone,
        "intervals": [
            {"start": slot.start, "mode": slot.mode.value, "rate_kw": slot.rate_kw}
            for slot in slots
        ],
    }


async def _give_up(
    session: AsyncSession, schedule: BatterySchedule, settings: Settings, now: dt.datetime
) -> None:
    reason = f"not acknowledged after {schedule.send_count} sends"
    moved = await ScheduleRepository(session).move_one(
        schedule.id, (ScheduleStatus.SENT,), ScheduleStatus.FAILED, finished_at=now, reason=reason
    )
    if moved is None:
        return
    lifecycle.record(session, moved, now, detail=reason)
    await lifecycle.move_command(session, moved, now, reason)
    device = await _device(session, moved.device_id)
    await lifecycle.alert_staff(
        session,
        device,
        AlertKind.SCHEDULE_FAILED,
        f"{device.name}: schedule {moved.for_date} ({moved.message_id}) {reason}",
        now,
    )


async def _device(session: AsyncSession, device_id: int) -> Device:
    device = await ProfileRepository(session).get_device(device_id)
    if device is None:
        raise BatteryNotFound()
    return device


def end_of_day(for_date: dt.date, time_zone: str) -> dt.datetime:
    zone = zone_of(time_zone)
    return dt.datetime.combine(for_date + dt.timedelta(days=1), dt.time(), zone).astimezone(dt.UTC)


def _seconds_left(schedule: BatterySchedule, now: dt.datetime) -> int:
    return max(1, int((end_of_day(schedule.for_date, schedule.time_zone) - now).total_seconds()))


async def deliver_due(
    session: AsyncSession, settings: Settings, now: dt.datetime
) -> list[Outgoing]:
    """Schedules to (re)send now, marked SENT; publish what this returns after the commit.

    A CREATED schedule is sent; a SENT one not acknowledged within ``schedule_ack_timeout`` is
    sent again with the same message_id, until ``schedule_max_sends``, then it FAILS with an
    alert. Each move is conditional on the status and send count it was read with, so of two
    processes sweeping together one sends.
    """
    repository = ScheduleRepository(session)
    outgoing: list[Outgoing] = []
    for schedule in await repository.list_to_send(
        now - settings.schedule_ack_timeout, _DELIVERY_BATCH
    ):
        if (
            schedule.status is ScheduleStatus.SENT
            and schedule.send_count >= settings.schedule_max_sends
        ):
            await _give_up(session, schedule, settings, now)
            continue
        moved = await repository.move(
            (
                repository.model.id == schedule.id,
                repository.model.status == schedule.status,
                repository.model.send_count == schedule.send_count,
            ),
            ScheduleStatus.SENT,
            last_sent_at=now,
            send_count=schedule.send_count + 1,
        )
        if not moved:
            continue
        sent = moved[0]
        lifecycle.record(session, sent, now, detail=f"send {sent.send_count}")
        await lifecycle.move_command(session, sent, now)
        (slots,) = await SlotRepository(session).list_by_schedule_ids([sent.id])
        outgoing.append(
            Outgoing(
                sent.device_id,
                SCHEDULE_TOPIC,
                schedule_message(sent, slots),
                sent.message_id,
                expiry_seconds=_seconds_left(sent, now),
            )
        )
    await repository.flush()
    return outgoing


# ---- what the agent reports --------------------------------------------------------------------

_ACKABLE = (ScheduleStatus.CREATED, ScheduleStatus.SENT)


async def _acknowledged(
    session: AsyncSession, schedule: BatterySchedule, now: dt.datetime, detail: str
) -> BatterySchedule:
    moved = await ScheduleRepository(session).move_one(
        schedule.id, _ACKABLE, ScheduleStatus.ACKNOWLEDGED, acknowledged_at=now
    )
    if moved is None:
        return schedule
    lifecycle.record(session, moved, now, detail=detail)
    await lifecycle.move_command(session, moved, now)
    return moved


async def battery(session: AsyncSession, device_id: int) -> Device:
    """The battery a device topic names (the broker let only that device publish on it)."""
    device = await ProfileRepository(session).get_device(device_id)
    if device is None or device.kind is not DeviceKind.BATTERY:
        raise BatteryNotFound(field="deviceId")
    return device


async def record_ack(
    session: AsyncSession,
    device_id: int,
    message_id: str,
    now: dt.datetime,
    *,
    rejected_reason: str | None = None,
) -> BatterySchedule | None:
    """The agent stored the schedule (or refused it: then it FAILS). A repeat changes nothing;
    an unknown message_id is logged and ignored."""
    device = await battery(session, device_id)
    schedule = await ScheduleRepository(session).get_for_device(device.id, message_id)
    if schedule is None:
        log("ack.unknown", message_id=message_id, device_id=device.id, level=30)
        return None
    if rejected_reason is None:
        return await _acknowledged(session, schedule, now, "acknowledged by the agent")
    reason = f"refused by the agent: {rejected_reason}"[:MAX_DETAIL]
    moved = await ScheduleRepository(session).move_one(
        schedule.id, _ACKABLE, ScheduleStatus.FAILED, finished_at=now, reason=reason
    )
    if moved is not None:
        lifecycle.record(session, moved, now, detail=reason)
        await lifecycle.move_command(session, moved, now, reason)
        await lifecycle.alert_staff(
            session, device, AlertKind.SCHEDULE_FAILED, f"{device.name}: schedule {reason}", now
        )
    return moved or schedule


def _rolled_up(counts: dict[SlotStatus, int]) -> ScheduleStatus | None:
    if counts.get(SlotStatus.PENDING):
        return None
    if not counts.get(SlotStatus.FAILED):
        return ScheduleStatus.EXECUTED
    if not counts.get(SlotStatus.EXECUTED):
        return ScheduleStatus.FAILED
    return ScheduleStatus.PARTIAL


async def record_report(
    session: AsyncSession, device_id: int, report: SlotReport, now: dt.datetime
) -> BatterySchedule | None:
    """One slot ran (or could not): PENDING → EXECUTED | FAILED with the agent's detail. The
    last slot rolls the schedule up. A repeated report changes nothing."""
    device = await battery(session, device_id)
    repository = ScheduleRepository(session)
    schedule = await repository.get_for_device(device.id, report.message_id)
    if schedule is None or schedule.status is ScheduleStatus.SUPERSEDED:
        log("report.ignored", message_id=report.message_id, device_id=device.id, slot=report.slot)
        return schedule
    if schedule.status in _ACKABLE:  # the ack was lost; a report proves the agent has it
        schedule = await _acknowledged(session, schedule, now, "acknowledged by a slot report")
    detail = (report.detail or "")[:MAX_DETAIL] or None
    slot = await SlotRepository(session).settle(
        schedule.id, report.slot, report.status, detail, now
    )
    if slot is None:
        return schedule
    lifecycle.record(session, schedule, now, slot=slot.slot, slot_status=slot.status, detail=detail)
    final = _rolled_up(await SlotRepository(session).count_by_status(schedule.id))
    if final is None:
        return schedule
    moved = await repository.move_one(
        schedule.id, (ScheduleStatus.ACKNOWLEDGED,), final, finished_at=now
    )
    if moved is None:
        return schedule
    lifecycle.record(session, moved, now)
    reason = None if final is ScheduleStatus.EXECUTED else f"schedule {final.value.lower()}"
    await lifecycle.move_command(session, moved, now, reason)
    return moved


async def record_heartbeat(
    session: AsyncSession, device_id: int, reported: dict[str, Any], now: dt.datetime
) -> Device:
    """The agent is alive: online on ``deviceStatus`` with its state of charge and slot."""
    device = await battery(session, device_id)
    await devices_service.merge_reported_state(session, device, reported, now)
    devices_service.publish_status(session, device, now)
    return device
