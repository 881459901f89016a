"""Tomorrow's schedule, when and for whom (the fetch itself is ``pipeline.fetch``):

fetch_schedule         on demand, staff only (the fetchBatterySchedule mutation)
fetch_now              the operator's CLI (`pawgraph fetch-schedule`)
fetch_due_schedules    the daily job body: once per battery and day, at the site's local
                       fetch time, safe with several API processes; alerts staff when
                       tomorrow's schedule is still missing at the deadline
prune_archive          drops raw responses older than the retention setting
"""

import datetime as dt

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.alerts.models import AlertKind
from graphql_api.auth import Viewer, require_writer
from graphql_api.batteries import lifecycle, pipeline
from graphql_api.batteries.archive import ScheduleArchive, default_archive
from graphql_api.batteries.errors import (
    BatteryNotFound,
    ScheduleProviderNotSet,
)
from graphql_api.batteries.models import (
    ArchiveOutcome,
    BatteryProfile,
    FetchState,
)
from graphql_api.batteries.profiles import zone_of
from graphql_api.batteries.repository import (
    FetchRepository,
    ProfileRepository,
)
from graphql_api.devices.repository import DeviceRepository
from graphql_api.errors import PermissionDenied
from graphql_api.settings import Settings

_FETCH_BATCH = 20


async def fetch_schedule(
    session: AsyncSession,
    settings: Settings,
    viewer: Viewer | None,
    device_id: int,
    now: dt.datetime,
    *,
    archive: ScheduleArchive | None = None,
) -> pipeline.FetchResult:
    """Staff: fetch the battery's schedule for tomorrow now, whatever the daily job did."""
    viewer = require_writer(viewer)
    if not viewer.is_staff:
        raise PermissionDenied("Only staff can fetch battery schedules.")
    if await DeviceRepository(session).get_readable(viewer, device_id) is None:
        raise BatteryNotFound(field="deviceId")
    device, profile = await pipeline.configured_battery(session, device_id)
    pipeline.provider_url(settings, profile)
    result = await pipeline.fetch(
        session, settings, archive or default_archive(), device, profile, now
    )
    if result.outcome is ArchiveOutcome.ACCEPTED:
        await _mark_done(session, device.id, result.for_date, now)
    return result


async def fetch_now(
    session: AsyncSession, settings: Settings, device_id: int, now: dt.datetime
) -> pipeline.FetchResult:
    """The operator's fetch (``pawgraph fetch-schedule``): as ``fetch_schedule``, run with the
    server's own rights from the command line, which only operators reach."""
    device, profile = await pipeline.configured_battery(session, device_id)
    result = await pipeline.fetch(session, settings, default_archive(), device, profile, now)
    if result.outcome is ArchiveOutcome.ACCEPTED:
        await _mark_done(session, device.id, result.for_date, now)
    return result


async def _mark_done(session: AsyncSession, device_id: int, for_date: dt.date, now) -> None:
    fetches = FetchRepository(session)
    await fetches.ensure(device_id, for_date, now)
    fetch = await fetches.get(device_id, for_date)
    if fetch is not None:
        fetch.state = FetchState.DONE
        await fetches.flush()


# ---- the daily job -----------------------------------------------------------------------------


def _local_time(settings: Settings, profile: BatteryProfile, now: dt.datetime) -> dt.time:
    return now.astimezone(zone_of(profile.time_zone)).time()


async def _plan(session: AsyncSession, settings: Settings, now: dt.datetime) -> None:
    """A fetch row for every battery whose site has reached its fetch time today."""
    fetches = FetchRepository(session)
    for device, profile in await ProfileRepository(session).list_configured():
        fetch_at = profile.fetch_local_time or settings.schedule_fetch_local_time
        if _local_time(settings, profile, now) >= fetch_at:
            await fetches.ensure(device.id, pipeline.tomorrow_in(profile.time_zone, now), now)


async def _run_fetch(session: AsyncSession, settings: Settings, fetch, now: dt.datetime) -> None:
    device, profile = await pipeline.configured_battery(session, fetch.device_id)
    if pipeline.tomorrow_in(profile.time_zone, now) != fetch.for_date:
        fetch.state = FetchState.REJECTED
        fetch.last_error = "the day passed before the fetch ran"
        return
    if not (profile.provider_url or settings.schedule_provider_url):
        # Not this battery's failure alone: the others in this run still get fetched.
        fetch.state = FetchState.REJECTED
        fetch.last_error = ScheduleProviderNotSet.default_message
        return
    result = await pipeline.fetch(session, settings, default_archive(), device, profile, now)
    if result.outcome is ArchiveOutcome.ACCEPTED:
        fetch.state = FetchState.DONE
    elif result.outcome is ArchiveOutcome.REJECTED:
        fetch.state = FetchState.REJECTED
        fetch.last_error = f"rejected: {len(result.reasons)} reasons"
    else:
        fetch.failures += 1
        fetch.last_error = result.reasons[0].reason[:300]
        fetch.next_attempt_at = now + settings.schedule_retry_after * 2 ** (fetch.failures - 1)


async def _alert_missing(session: AsyncSession, settings: Settings, now: dt.datetime) -> None:
    fetches = FetchRepository(session)
    for device, profile in await ProfileRepository(session).list_configured():
        if _local_time(settings, profile, now) < settings.schedule_missing_deadline:
            continue
        for_date = pipeline.tomorrow_in(profile.time_zone, now)
        await fetches.ensure(device.id, for_date, now)
        fetch = await fetches.get(device.id, for_date)
        if fetch is None or fetch.state is FetchState.DONE:
            continue
        if await fetches.claim_missing_alert(fetch.id, now):
            why = fetch.last_error or "not fetched yet"
            await lifecycle.alert_staff(
                session,
                device,
                AlertKind.SCHEDULE_MISSING,
                f"{device.name}: no valid schedule for {for_date} by "
                f"{settings.schedule_missing_deadline:%H:%M} {profile.time_zone} ({why})",
                now,
            )


async def fetch_due_schedules(session: AsyncSession, settings: Settings, now: dt.datetime) -> int:
    """The daily job body: plan, then run every due fetch once; how many ran.

    Due rows are read ``FOR UPDATE SKIP LOCKED``: a row another process is fetching is skipped,
    and once that process commits the row is no longer PENDING, so each (battery, day) is fetched
    once across processes (a failed fetch waits ``schedule_retry_after``, doubling, to retry).
    """
    await _plan(session, settings, now)
    await FetchRepository(session).flush()
    due = await FetchRepository(session).lock_due(now, _FETCH_BATCH)
    for fetch in due:
        await _run_fetch(session, settings, fetch, now)
    await FetchRepository(session).flush()
    await _alert_missing(session, settings, now)
    return len(due)


async def prune_archive(session: AsyncSession, settings: Settings, now: dt.datetime) -> int:
    """Drop raw responses older than ``schedule_archive_retention``; how many went."""
    return await default_archive().prune(session, now - settings.schedule_archive_retention)
