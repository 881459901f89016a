"""Feeding schedules: CRUD for owners, and the firing decision ``/api/check-schedule/`` asks for.

The decision is made here, on the server, in the owner's time zone (PETio firmware compares its
array against UTC and skips an id equal to the last one it ran, WIRE.md section 1). A schedule
fires when local now is 0-180 s after its time on one of its days, at most once per local day;
the ``schedule_firings`` unique constraint enforces that across polls, processes and retries.
"""

import datetime as dt
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, fields
from typing import Any, TypeAlias

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.accounts.repository import UserRepository
from graphql_api.auth import Viewer, require_viewer, require_writer
from graphql_api.devices import service as devices_service
from graphql_api.devices.errors import DeviceNotFound
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.devices.repository import DeviceRepository
from graphql_api.pagination import Page, PageArgs
from graphql_api.partial import UNSET
from graphql_api.schedules import local_time
from graphql_api.schedules.errors import (
    InvalidDaysOfWeek,
    InvalidPortion,
    InvalidScheduleLabel,
    InvalidScheduleTime,
    NotAFeeder,
    ScheduleNotFound,
    TooManySchedules,
)
from graphql_api.schedules.models import FeedingSchedule
from graphql_api.schedules.repository import FiringRepository, ScheduleRepository
from graphql_api.settings import Settings

MIN_GRAMS, MAX_GRAMS, GRAMS_STEP = 10, 160, 10
MAX_LABEL_LENGTH = 32
# The feeder reads responses through a 1 KB TLS buffer and gets its whole array in one
# response; six entries keep config and check-schedule bodies under it.
MAX_SCHEDULES_PER_FEEDER = 6

# The row `check` and `feeder_schedules` hand the feeder's front door to put on the wire. Front
# doors name it by this alias: they import no ORM `models` module (pyproject.toml's front-door
# contract).
FeederSchedule: TypeAlias = FeedingSchedule


@dataclass(frozen=True, slots=True)
class ScheduleData:
    """A schedule's fields as given; UNSET ones keep their value (on update)."""

    time: str = UNSET
    days_of_week: Sequence[str] | None = UNSET
    grams: int = UNSET
    label: str | None = UNSET
    enabled: bool = UNSET


@dataclass(frozen=True, slots=True)
class ScheduleCheck:
    """What one check-schedule poll answers."""

    local_now: dt.datetime
    schedules: list[FeedingSchedule]
    triggered: FeedingSchedule | None = None
    firing_id: int | None = None

    @property
    def should_feed(self) -> bool:
        return self.triggered is not None

    @property
    def grams(self) -> float:
        return float(self.triggered.grams) if self.triggered else 0.0


# ---- validation --------------------------------------------------------------------------------


def _clean_time(value: str) -> dt.time:
    parsed = local_time.parse_hhmm(value or "")
    if parsed is None:
        raise InvalidScheduleTime(field="time")
    return parsed


def _clean_grams(value: int) -> int:
    if not MIN_GRAMS <= value <= MAX_GRAMS or value % GRAMS_STEP:
        raise InvalidPortion(field="grams")
    return value


def _clean_days(names: Sequence[str] | None) -> int:
    if names is None:
        return local_time.EVERY_DAY
    mask = local_time.days_mask(names)
    if not mask:
        raise InvalidDaysOfWeek(field="daysOfWeek")
    return mask


def _clean_label(label: str | None) -> str:
    label = (label or "").strip()
    if len(label) > MAX_LABEL_LENGTH:
        raise InvalidScheduleLabel(
            f"The label must have at most {MAX_LABEL_LENGTH} characters.", field="label"
        )
    return label


def _apply(schedule: FeedingSchedule, data: ScheduleData) -> None:
    cleaners: dict[str, tuple[str, Callable[[Any], Any]]] = {
        "time": ("time_of_day", _clean_time),
        "days_of_week": ("days_mask", _clean_days),
        "grams": ("grams", _clean_grams),
        "label": ("label", _clean_label),
        "enabled": ("enabled", bool),
    }
    for field in fields(data):
        value = getattr(data, field.name)
        if value is not UNSET:
            column, clean = cleaners[field.name]
            setattr(schedule, column, clean(value))


# ---- owners' CRUD -------------------------------------------------------------------------------


async def _writable_feeder(session: AsyncSession, viewer: Viewer, device_id: int) -> Device:
    device = await DeviceRepository(session).get_writable(viewer, device_id)
    if device is None:
        raise DeviceNotFound(field="deviceId")
    if device.kind is not DeviceKind.FEEDER:
        raise NotAFeeder(field="deviceId")
    return device


async def create(
    session: AsyncSession,
    viewer: Viewer | None,
    device_id: int,
    data: ScheduleData,
    now: dt.datetime,
) -> FeedingSchedule:
    viewer = require_writer(viewer)
    device = await _writable_feeder(session, viewer, device_id)
    repository = ScheduleRepository(session)
    if await repository.count_for_device(device.id) >= MAX_SCHEDULES_PER_FEEDER:
        raise TooManySchedules(
            f"A feeder holds at most {MAX_SCHEDULES_PER_FEEDER} schedules.", field="deviceId"
        )
    if data.time is UNSET or data.grams is UNSET:
        raise InvalidScheduleTime("A schedule needs a time and grams.", field="time")
    schedule = FeedingSchedule(
        device_id=device.id,
        days_mask=local_time.EVERY_DAY,
        label="",
        enabled=True,
        created_at=now,
        updated_at=now,
    )
    _apply(schedule, data)
    repository.add(schedule)
    await repository.flush()
    return schedule


async def _writable_schedule(
    session: AsyncSession, viewer: Viewer | None, schedule_id: int
) -> FeedingSchedule:
    viewer = require_writer(viewer)
    schedule = await ScheduleRepository(session).get_writable(viewer, schedule_id)
    if schedule is None:
        raise ScheduleNotFound(field="id")
    return schedule


async def update(
    session: AsyncSession,
    viewer: Viewer | None,
    schedule_id: int,
    data: ScheduleData,
    now: dt.datetime,
) -> FeedingSchedule:
    schedule = await _writable_schedule(session, viewer, schedule_id)
    _apply(schedule, data)
    schedule.updated_at = now
    await ScheduleRepository(session).flush()
    return schedule


async def delete(session: AsyncSession, viewer: Viewer | None, schedule_id: int) -> FeedingSchedule:
    schedule = await _writable_schedule(session, viewer, schedule_id)
    await ScheduleRepository(session).delete(schedule)
    return schedule


async def list_for_device(
    session: AsyncSession, viewer: Viewer | None, device_id: int, page: PageArgs
) -> tuple[Page[FeedingSchedule], Callable[[], Awaitable[int]]]:
    """A device's schedules, oldest first, for its owner (and staff)."""
    viewer = require_viewer(viewer)
    device = await devices_service.require_readable(session, viewer, device_id)
    repository = ScheduleRepository(session)
    statement = repository.device_statement(viewer, device.id)
    return await repository.page(statement, page), repository.counter(statement)


# ---- what the feeder is told ---------------------------------------------------------------------


async def owner_zone(session: AsyncSession, device: Device) -> dt.tzinfo:
    owner = await UserRepository(session).get_by_id(device.owner_id)
    return local_time.zone_named(owner.time_zone if owner else None)


def for_firmware(
    settings: Settings, device: Device, schedules: list[FeedingSchedule]
) -> list[FeedingSchedule]:
    """The array a feeder may see: empty for firmware that would run it against UTC."""
    rules = local_time.parse_version_rules(settings.petio_utc_flaw_firmware)
    return [] if local_time.has_utc_flaw(device.firmware_version, rules) else schedules


async def feeder_schedules(
    session: AsyncSession, settings: Settings, device: Device
) -> list[FeedingSchedule]:
    """The schedules array of the boot config (the same firmware rule as check-schedule)."""
    schedules = await ScheduleRepository(session).list_for_device(device.id)
    return for_firmware(settings, device, schedules)


async def _fire_first_due(
    session: AsyncSession, schedules: list[FeedingSchedule], now: dt.datetime, zone: dt.tzinfo
) -> tuple[FeedingSchedule | None, int | None]:
    # One firing per poll: the response carries one triggered id. A second schedule due in the
    # same window fires on the next poll, 45 s later and still inside its window.
    firings = FiringRepository(session)
    for schedule in schedules:
        if not schedule.enabled:
            continue
        local_date = local_time.due_local_date(schedule.time_of_day, schedule.days_mask, now, zone)
        if local_date is None:
            continue
        firing_id = await firings.record(schedule, local_date, now)
        if firing_id is not None:
            return schedule, firing_id
    return None, None


async def check(
    session: AsyncSession, settings: Settings, device: Device, now: dt.datetime
) -> ScheduleCheck:
    """Answer a feeder's check-schedule poll at ``now`` (injected, so tests set local times)."""
    zone = await owner_zone(session, device)
    schedules = await ScheduleRepository(session).list_for_device(device.id)
    triggered, firing_id = await _fire_first_due(session, schedules, now, zone)
    return ScheduleCheck(
        local_now=now.astimezone(zone),
        schedules=for_firmware(settings, device, schedules),
        triggered=triggered,
        firing_id=firing_id,
    )
