"""Feeding logs: what feeders report they dispensed, and the owner's view of it.

A feeder posts a log after every dispense. One that carries out a feed-now (source
``REMOTE_COMMAND``) is linked to the command the unit acknowledged just before, so the owner
follows "feed now" from tap to bowl; the link is unique, so a command is never logged twice.
Device clocks are not trusted for ordering: the receive time is always stored, and a log's
time is the device's only when that is plausible.
"""

import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.accounts.repository import UserRepository
from graphql_api.alerts import service as alerts_service
from graphql_api.alerts.models import AlertKind
from graphql_api.auth import Viewer, require_viewer
from graphql_api.devices import service as devices_service
from graphql_api.devices.models import Device
from graphql_api.feeding.errors import InvalidFeedingLog, InvalidTimeRange
from graphql_api.feeding.models import FeedingLog, FeedingSource
from graphql_api.feeding.repository import FeedingFilters, FeedingLogRepository

__all__ = [
    "DailyTotal",
    "FeedingFilters",
    "ReportedFeeding",
    "daily_totals",
    "history",
    "record_logs",
]
from graphql_api.pagination import Page, PageArgs
from graphql_api.pets.errors import PetNotFound
from graphql_api.pets.repository import PetRepository

MAX_GRAMS = 1000.0
MAX_NOTES = 200
MAX_DAYS = 366
# A unit posts its log right after acknowledging the feed-now it ran; allow for retries.
COMMAND_LINK_WINDOW = dt.timedelta(minutes=5)
# Before this a device clock has not synced NTP (it reads 1970).
EARLIEST_DEVICE_TIME = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
# A device clock this far ahead of ours is wrong, not early.
MAX_CLOCK_AHEAD = dt.timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class ReportedFeeding:
    """One dispense as a feeder reported it."""

    grams: float
    source: FeedingSource
    device_time: dt.datetime | None = None
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class DailyTotal:
    day: dt.date
    grams: float
    feeds: int


def _validate(reports: Sequence[ReportedFeeding]) -> None:
    """Check every report before writing any: a batch is stored whole or not at all."""
    if not reports:
        raise InvalidFeedingLog("A batch needs at least one log.", field="logs")
    for index, report in enumerate(reports):
        where = f"logs.{index}." if len(reports) > 1 else ""
        if not 0 <= report.grams <= MAX_GRAMS:
            raise InvalidFeedingLog(
                f"{where}portion_dispensed must be 0 to {MAX_GRAMS:g} grams.",
                field=f"{where}portion_dispensed",
            )
        if report.notes is not None and len(report.notes) > MAX_NOTES:
            raise InvalidFeedingLog(
                f"{where}notes must have at most {MAX_NOTES} characters.", field=f"{where}notes"
            )


def plausible(device_time: dt.datetime | None, received_at: dt.datetime) -> bool:
    return (
        device_time is not None
        and EARLIEST_DEVICE_TIME <= device_time <= received_at + MAX_CLOCK_AHEAD
    )


async def _record_one(
    session: AsyncSession, device: Device, report: ReportedFeeding, received_at: dt.datetime
) -> FeedingLog | None:
    repository = FeedingLogRepository(session)
    trusted = plausible(report.device_time, received_at)
    # A unit that resends a log it already delivered (a lost response) repeats its timestamp.
    if trusted and await repository.is_duplicate(
        device.id, report.device_time, report.source, report.grams
    ):
        return None
    command = None
    if report.source is FeedingSource.REMOTE_COMMAND:
        command = await repository.latest_unlinked_feed_command(
            device.id, received_at - COMMAND_LINK_WINDOW
        )
    log = repository.add(
        FeedingLog(
            device_id=device.id,
            pet_id=device.pet_id,
            grams=report.grams,
            source=report.source,
            fed_at=report.device_time if trusted else received_at,
            device_time=report.device_time,
            received_at=received_at,
            notes=(report.notes or "").strip() or None,
            command_id=command.id if command else None,
        )
    )
    # Flushed one by one so the next remote log of a batch sees this command as taken.
    await repository.flush()
    return log


async def record_logs(
    session: AsyncSession,
    device: Device,
    reports: Sequence[ReportedFeeding],
    received_at: dt.datetime,
) -> list[FeedingLog]:
    """Store what the feeder reports it dispensed; the logs created (repeats are skipped).

    A log whose notes report a jam (a feed the unit could not finish) raises a JAM alert; a
    log of a feed that went through clears it."""
    _validate(reports)
    created = []
    for report in reports:
        log = await _record_one(session, device, report, received_at)
        if log is not None:
            created.append(log)
            if alerts_service.reports_jam(log.notes):
                jam = log.notes or ""
                await alerts_service.report_feeder_jam(session, device, jam, received_at)
            elif log.grams > 0:
                # A dispense went through: the wheel turns again.
                await alerts_service.clear_condition(session, device, AlertKind.JAM, received_at)
    return created


async def history(
    session: AsyncSession, viewer: Viewer | None, page: PageArgs, filters: FeedingFilters
) -> tuple[Page[FeedingLog], Callable[[], Awaitable[int]]]:
    """Newest first: one feeder's or one pet's logs, or those of all the viewer's feeders."""
    viewer = require_viewer(viewer)
    if filters.device_id is not None:
        await devices_service.require_readable(session, viewer, filters.device_id)
    if (
        filters.pet_id is not None
        and await PetRepository(session).get_readable(viewer, filters.pet_id) is None
    ):
        raise PetNotFound(field="petId")
    filters = replace(filters, since=_aware(filters.since), until=_aware(filters.until))
    if filters.since and filters.until and filters.since >= filters.until:
        raise InvalidTimeRange("`from` must be before `to`.", field="from")
    repository = FeedingLogRepository(session)
    statement = repository.list_statement(viewer, filters)
    return await repository.page(statement, page), repository.counter(statement)


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    # A time without an offset from a client is read as UTC, as the schema documents.
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=dt.UTC)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


async def daily_totals(
    session: AsyncSession,
    viewer: Viewer | None,
    device_id: int,
    first_day: dt.date,
    last_day: dt.date,
) -> list[DailyTotal]:
    """Grams and feeds per local day (the owner's time zone), ``first_day``..``last_day``
    inclusive, days without feeds included."""
    device = await devices_service.require_readable(session, viewer, device_id)
    if last_day < first_day:
        raise InvalidTimeRange("`from` must not be after `to`.", field="from")
    if (last_day - first_day).days >= MAX_DAYS:
        raise InvalidTimeRange(f"Ask for at most {MAX_DAYS} days.", field="to")
    owner = await UserRepository(session).get_by_id(device.owner_id)
    zone = _zone(owner.time_zone if owner else "UTC")
    since = dt.datetime.combine(first_day, dt.time(), zone).astimezone(dt.UTC)
    until = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(), zone).astimezone(dt.UTC)
    days = (last_day - first_day).days + 1
    totals = {first_day + dt.timedelta(days=offset): [0.0, 0] for offset in range(days)}
    for fed_at, grams in await FeedingLogRepository(session).amounts(device.id, since, until):
        total = totals.get(fed_at.astimezone(zone).date())
        if total is not None:
            total[0] += grams
            total[1] += 1
    return [DailyTotal(day=day, grams=grams, feeds=feeds) for day, (grams, feeds) in totals.items()]
