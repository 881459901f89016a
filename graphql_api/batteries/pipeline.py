"""One fetch of tomorrow's schedule: GET the provider (with retries) → archive every raw
response → validate → create the schedule (superseding the day's previous one) for delivery,
or reject it with every reason and alert staff. Nothing here raises a domain error once a
response is archived: a rejection is a result, so the archive row commits with it.

Callers (``flows``) decide when and for whom: on demand, or the daily job."""

import asyncio
import datetime as dt
import uuid
from dataclasses import dataclass, field

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import events
from graphql_api.alerts import service as alerts_service
from graphql_api.alerts.models import AlertKind
from graphql_api.batteries import lifecycle
from graphql_api.batteries import service as batteries_service
from graphql_api.batteries.archive import ScheduleArchive
from graphql_api.batteries.errors import (
    BatteryNotConfigured,
    BatteryNotFound,
    ScheduleProviderNotSet,
)
from graphql_api.batteries.logs import log
from graphql_api.batteries.models import (
    ArchiveOutcome,
    BatteryProfile,
    BatterySchedule,
    BatterySlot,
    ScheduleArchiveEntry,
    ScheduleStatus,
    SlotStatus,
)
from graphql_api.batteries.profiles import zone_of
from graphql_api.batteries.provider import ProviderQuery, RawResponse, get_tomorrow
from graphql_api.batteries.repository import (
    ArchiveRepository,
    ProfileRepository,
    ScheduleRepository,
    SlotRepository,
)
from graphql_api.batteries.validation import Interval, Rating, Reason, validate
from graphql_api.commands import arguments as commands_arguments
from graphql_api.commands import lifecycle as commands_lifecycle
from graphql_api.commands.models import Command, CommandKind, CommandStatus
from graphql_api.commands.repository import CommandRepository
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.settings import Settings


class ScheduleCreated(BaseModel):
    """Wakes the MQTT bridges' outbox sweep (``events.DEVICE_OUTBOX_CHANNEL``)."""

    message_id: str


@dataclass(slots=True)
class FetchResult:
    device_id: int
    for_date: dt.date
    outcome: ArchiveOutcome
    archived: list[ScheduleArchiveEntry] = field(default_factory=list)
    schedule: BatterySchedule | None = None
    reasons: list[Reason] = field(default_factory=list)


def tomorrow_in(time_zone: str, now: dt.datetime) -> dt.date:
    return now.astimezone(zone_of(time_zone)).date() + dt.timedelta(days=1)


def provider_url(settings: Settings, profile: BatteryProfile) -> str:
    url = profile.provider_url or settings.schedule_provider_url
    if not url:
        raise ScheduleProviderNotSet(field="deviceId")
    return url


# ---- fetch, archive, validate ------------------------------------------------------------------


async def _get_with_retries(
    session: AsyncSession,
    settings: Settings,
    archive: ScheduleArchive,
    query: ProviderQuery,
    device: Device,
    result: FetchResult,
) -> RawResponse:
    """GET until a response is not worth retrying or the tries run out; each one archived."""
    timeout = settings.schedule_fetch_timeout.total_seconds()
    backoff = settings.schedule_fetch_backoff.total_seconds()
    for attempt in range(1, settings.schedule_fetch_attempts + 1):
        response = await get_tomorrow(query, timeout)
        entry = await archive.store(session, response, device.id, result.for_date)
        result.archived.append(entry)
        log(
            "provider.response",
            message_id=None,
            device_id=device.id,
            archive_id=entry.id,
            attempt=attempt,
            status_code=response.status_code,
            sha256=entry.body_sha256,
            error=response.error,
        )
        if not response.retryable or attempt == settings.schedule_fetch_attempts:
            return response
        outcome = ArchiveOutcome.UNREACHABLE if response.error else ArchiveOutcome.HTTP_ERROR
        await ArchiveRepository(session).set_outcome(entry.id, outcome, [])
        await asyncio.sleep(backoff * 2 ** (attempt - 1))
    raise AssertionError("unreachable: the loop returns on its last attempt")


def _failure_reason(response: RawResponse) -> tuple[ArchiveOutcome, Reason]:
    if response.error is not None:
        return ArchiveOutcome.UNREACHABLE, Reason(None, f"provider unreachable: {response.error}")
    return ArchiveOutcome.HTTP_ERROR, Reason(None, f"provider answered HTTP {response.status_code}")


async def fetch(
    session: AsyncSession,
    settings: Settings,
    archive: ScheduleArchive,
    device: Device,
    profile: BatteryProfile,
    now: dt.datetime,
) -> FetchResult:
    result = FetchResult(device.id, tomorrow_in(profile.time_zone, now), ArchiveOutcome.PENDING)
    query = ProviderQuery(
        provider_url(settings, profile),
        device.hardware_id,
        profile.time_zone,
        profile.max_charge_kw,
        profile.max_discharge_kw,
        profile.capacity_kwh,
    )
    response = await _get_with_retries(session, settings, archive, query, device, result)
    entry = result.archived[-1]
    if response.status_code != 200 or response.body is None:
        result.outcome, reason = _failure_reason(response)
        result.reasons = [reason]
    else:
        rating = Rating(profile.max_charge_kw, profile.max_discharge_kw)
        intervals, result.reasons = validate(
            response.body, result.for_date, profile.time_zone, rating
        )
        if intervals is None:
            result.outcome = ArchiveOutcome.REJECTED
            await _reject(session, device, result, now)
        else:
            result.outcome = ArchiveOutcome.ACCEPTED
            result.schedule = await _create_schedule(
                session, device, profile, result.for_date, intervals, entry.id, now
            )
    reasons = [reason.as_dict() for reason in result.reasons]
    await ArchiveRepository(session).set_outcome(entry.id, result.outcome, reasons)
    return result


async def _reject(
    session: AsyncSession, device: Device, result: FetchResult, now: dt.datetime
) -> None:
    entry = result.archived[-1]
    log(
        "schedule.rejected",
        message_id=None,
        device_id=device.id,
        archive_id=entry.id,
        for_date=result.for_date,
        reasons=[reason.as_dict() for reason in result.reasons],
    )
    summary = "; ".join(
        f"slot {reason.slot}: {reason.reason}" if reason.slot is not None else reason.reason
        for reason in result.reasons[:3]
    )
    more = f" (+{len(result.reasons) - 3} more)" if len(result.reasons) > 3 else ""
    await lifecycle.alert_staff(
        session,
        device,
        AlertKind.SCHEDULE_INVALID,
        f"{device.name}: schedule for {result.for_date} rejected (archive {entry.id}): "
        f"{summary}{more}",
        now,
    )


async def _supersede(session: AsyncSession, current: BatterySchedule, by: str, now: dt.datetime):
    reason = f"superseded by {by}"
    moved = await ScheduleRepository(session).move_one(
        current.id,
        tuple(status for status in ScheduleStatus if status is not ScheduleStatus.SUPERSEDED),
        ScheduleStatus.SUPERSEDED,
        finished_at=now,
        reason=reason,
    )
    if moved is not None:
        lifecycle.record(session, moved, now, detail=reason)
        await lifecycle.move_command(session, moved, now, reason)


async def _create_schedule(
    session: AsyncSession,
    device: Device,
    profile: BatteryProfile,
    for_date: dt.date,
    intervals: list[Interval],
    archive_id: int,
    now: dt.datetime,
) -> BatterySchedule:
    """CREATED with its 48 PENDING slots and its APPLY_SCHEDULE command; the delivery sweep
    sends it. The day's previous schedule, if any, is SUPERSEDED first."""
    message_id = str(uuid.uuid4())
    # One battery's schedules are created one at a time: a fetch of the same day in another
    # transaction (the daily job beside staff's fetchBatterySchedule, the operator's CLI, a
    # second process) commits first, and this one then finds its schedule and supersedes it
    # instead of colliding with it on the day's one current schedule.
    await ProfileRepository(session).lock(device.id)
    repository = ScheduleRepository(session)
    current = await repository.get_current(device.id, for_date)
    if current is not None:
        await _supersede(session, current, message_id, now)
    commands = CommandRepository(session)
    command = commands.add(
        Command(
            device_id=device.id,
            kind=CommandKind.APPLY_SCHEDULE,
            args={"message_id": message_id, "date": for_date.isoformat()},
            confirmation=commands_arguments.confirmation(CommandKind.APPLY_SCHEDULE, device.kind),
            status=CommandStatus.QUEUED,
            created_at=now,
            expires_at=batteries_service.end_of_day(for_date, profile.time_zone)
            + dt.timedelta(hours=1),
        )
    )
    await commands.flush()
    commands_lifecycle.record(session, command, now)
    schedule = repository.add(
        BatterySchedule(
            device_id=device.id,
            for_date=for_date,
            message_id=message_id,
            status=ScheduleStatus.CREATED,
            archive_id=archive_id,
            command_id=command.id,
            time_zone=profile.time_zone,
            send_count=0,
            created_at=now,
        )
    )
    await repository.flush()
    slots = SlotRepository(session)
    for interval in intervals:
        slots.add(
            BatterySlot(
                schedule_id=schedule.id,
                slot=interval.slot,
                start=interval.start,
                mode=interval.mode,
                rate_kw=interval.rate_kw,
                status=SlotStatus.PENDING,
            )
        )
    await slots.flush()
    lifecycle.record(session, schedule, now, detail=f"from archive {archive_id}")
    # Every MQTT bridge sweeps its outbox at once: the schedule goes out without waiting.
    events.publish(session, events.DEVICE_OUTBOX_CHANNEL, ScheduleCreated(message_id=message_id))
    for kind in (AlertKind.SCHEDULE_INVALID, AlertKind.SCHEDULE_MISSING):
        await alerts_service.clear_condition(session, device, kind, now)
    return schedule


async def configured_battery(
    session: AsyncSession, device_id: int
) -> tuple[Device, BatteryProfile]:
    device = await ProfileRepository(session).get_device(device_id)
    if device is None or device.kind is not DeviceKind.BATTERY:
        raise BatteryNotFound(field="deviceId")
    profile = await ProfileRepository(session).get(device.id)
    if profile is None:
        raise BatteryNotConfigured(field="deviceId")
    return device, profile
