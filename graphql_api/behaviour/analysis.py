"""The incremental behaviour analysis of one pet's stored collar data (``service.analyse_pending``
runs it in short batches as a periodic job). Per pet:

1. take the readings (Petty) and raw acceleration points (Hetri) stored since the pet's
   cursor (at most ``READINGS_PER_PASS`` / ``POINTS_PER_PASS`` a pass; the rest next pass);
2. re-cut the stretch of time they touch: widened by ``SPAN_CONTEXT`` on both sides and to
   the segments already stored there, it is classified again (``windows``), merged into
   segments (``timeline.merge_segments``: smoothing, sleep at night in the owner's zone) and
   replaces what was stored for that stretch; owners' corrections are kept by time and label
   the new segments;
3. update the daily summaries of the local days touched, then look for anomalies on them
   against the pet's own baseline: a new finding is stored once (pet, day, metric), raises an
   ANOMALY alert on the collar and notifies the owner with what changed and by how much;
4. when the pet's current activity changed, push it on ``pet.{id}.behaviour``.

Business rules of the domain, like ``service``: flushes, never commits.
"""

import datetime as dt
import enum
from dataclasses import dataclass

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import events
from graphql_api.alerts import service as alerts_service
from graphql_api.alerts.models import AlertKind
from graphql_api.behaviour import anomalies, timeline, windows
from graphql_api.behaviour.activities import Activity
from graphql_api.behaviour.classifiers import PettyLevelClassifier, VedbaCutPoints
from graphql_api.behaviour.models import (
    BehaviourDay,
    BehaviourSegment,
    BehaviourState,
    SegmentSource,
)
from graphql_api.behaviour.repository import (
    AnomalyRepository,
    CollarDataRepository,
    CorrectionRepository,
    DayRepository,
    SegmentRepository,
    StateRepository,
)
from graphql_api.notifications import service as notifications_service
from graphql_api.notifications.models import NotificationKind
from graphql_api.pets.models import Pet

# The unadapted WALK/RUN heart-rate ratio (a slots dataclass keeps defaults on instances).
DEFAULT_RUN_HEART_RATIO = PettyLevelClassifier().run_heart_ratio
READINGS_PER_PASS = 5_000
POINTS_PER_PASS = 60_000
SPAN_CONTEXT = dt.timedelta(minutes=30)
# The night before a day belongs to its summary (restlessness, sleep onset).
SUMMARY_LOOKBACK = dt.timedelta(hours=6)
HISTORY_DAYS = 45
RESTING_HEART_DAYS = 14
# A correction labels a segment it covers at least this share of.
CORRECTION_COVER = 0.5


class BehaviourChange(enum.StrEnum):
    ACTIVITY_CHANGED = "ACTIVITY_CHANGED"
    ANOMALY = "ANOMALY"


class BehaviourEvent(BaseModel):
    """Published on ``pet.{id}.behaviour`` after the analysis that found it commits."""

    pet_id: int
    change: BehaviourChange
    activity: Activity | None = None
    since: dt.datetime | None = None
    confidence: float | None = None
    anomaly_id: int | None = None
    metric: str | None = None
    message: str | None = None


@dataclass(slots=True)
class AnalysisReport:
    pets: int = 0
    readings: int = 0
    points: int = 0
    segments: int = 0
    anomalies: int = 0
    skipped: int = 0


# ---- one pet ------------------------------------------------------------------------------------


async def analyse_pet(
    session: AsyncSession,
    pet: Pet,
    zone: str,
    state: BehaviourState,
    now: dt.datetime,
    report: AnalysisReport | None = None,
) -> None:
    """Analyse what the pet's collars sent since its cursor (see the module docstring)."""
    report = report if report is not None else AnalysisReport()
    data = CollarDataRepository(session)
    collars = await data.collar_ids(pet.id)
    if not collars:
        return
    r_first, r_last, r_newest = await data.reading_span_after(
        collars, state.last_reading_id, READINGS_PER_PASS
    )
    p_first, p_last, p_newest = await data.point_span_after(
        collars, state.last_point_id, POINTS_PER_PASS
    )
    firsts = [moment for moment in (r_first, p_first) if moment is not None]
    lasts = [moment for moment in (r_last, p_last) if moment is not None]
    state.last_reading_id, state.last_point_id = r_newest, p_newest
    state.analysed_at = now
    if firsts:
        await _recut(session, pet, zone, state, collars, min(firsts), max(lasts), now, report)
    await StateRepository(session).flush()


async def _recut(
    session: AsyncSession,
    pet: Pet,
    zone: str,
    state: BehaviourState,
    collars: list[int],
    first: dt.datetime,
    last: dt.datetime,
    now: dt.datetime,
    report: AnalysisReport,
) -> None:
    segments = SegmentRepository(session)
    start, end = first - SPAN_CONTEXT, last + SPAN_CONTEXT
    stored = await segments.overlapping([pet.id], start, end)
    if stored:
        start = min(start, stored[0].started_at)
        end = max(end, max(segment.ended_at for segment in stored))
    resting = await resting_heart_rate(session, pet.id, now.date())
    merged, sources, counts = await _classified(session, collars, start, end, zone, state, resting)
    report.readings += counts[0]
    report.points += counts[1]
    corrections = await CorrectionRepository(session).overlapping(pet.id, start, end)
    rows = [
        _segment_row(pet.id, s, sources, corrections) for s in timeline.clip(merged, start, end)
    ]
    await segments.replace_span(pet.id, start, end, rows)
    report.segments += len(rows)
    await _update_days(session, pet, zone, collars, start, end, now, report)
    await _announce_activity(session, pet.id, state)


async def _classified(session, collars, start, end, zone, state, resting):
    data = CollarDataRepository(session)
    adaptation = state.adaptation or {}
    petty = PettyLevelClassifier(
        resting_heart_rate=resting,
        run_heart_ratio=adaptation.get("run_heart_ratio", DEFAULT_RUN_HEART_RATIO),
    )
    readings = await data.readings_between(collars, start, end)
    level_windows = windows.petty_windows(
        [windows.LevelReading(r.measured_at, r.activity_level, r.heart_rate) for r in readings],
        petty,
    )
    points = await data.accel_between(collars, start, end)
    accel = windows.accel_windows(windows.accel_samples(points), cut_points(adaptation))
    raw_spans = windows.covered_by(accel)
    combined = accel + windows.without(level_windows, raw_spans)
    merged = timeline.merge_segments(combined, zone)
    return merged, raw_spans, (len(readings), len(points))


def cut_points(adaptation: dict[str, float]) -> VedbaCutPoints:
    defaults = VedbaCutPoints()
    return VedbaCutPoints(
        rest_below=adaptation.get("rest_below", defaults.rest_below),
        walk_below=adaptation.get("walk_below", defaults.walk_below),
        run_peak_share=adaptation.get("run_peak_share", defaults.run_peak_share),
    )


def _segment_row(pet_id: int, segment: timeline.Segment, raw_spans, corrections) -> dict:
    raw = any(segment.start < end and segment.end > start for start, end in raw_spans)
    return {
        "pet_id": pet_id,
        "activity": segment.activity,
        "started_at": segment.start,
        "ended_at": segment.end,
        "confidence": segment.confidence,
        "window_count": segment.window_count,
        "source": SegmentSource.ACCELERATION if raw else SegmentSource.PETTY_LEVEL,
        "corrected_activity": _owner_label(segment.start, segment.end, corrections),
    }


def _owner_label(start: dt.datetime, end: dt.datetime, corrections) -> Activity | None:
    """The newest correction covering at least half of [start, end), if any."""
    length = (end - start).total_seconds()
    for correction in reversed(corrections):
        covered = min(end, correction.ended_at) - max(start, correction.started_at)
        if length > 0 and covered.total_seconds() >= CORRECTION_COVER * length:
            return correction.corrected_activity
    return None


async def resting_heart_rate(session, pet_id: int, today: dt.date) -> float | None:
    days = await DayRepository(session).history(
        pet_id, today - dt.timedelta(days=RESTING_HEART_DAYS), today
    )
    values = sorted(d.resting_heart_rate for d in days if d.resting_heart_rate is not None)
    return values[len(values) // 2] if values else None


# ---- daily summaries and anomalies --------------------------------------------------------------


def _local_days(start: dt.datetime, end: dt.datetime, zone: str) -> list[dt.date]:
    tz = timeline.zone_of(zone)
    first, last = start.astimezone(tz).date(), (end - dt.timedelta(microseconds=1)).astimezone(tz)
    days, day = [], first
    while day <= last.date():
        days.append(day)
        day += dt.timedelta(days=1)
    return days


def summary_of(day: BehaviourDay) -> timeline.DaySummary:
    return timeline.DaySummary(
        day=day.day,
        minutes={Activity(key): value for key, value in day.minutes.items()},
        active_minutes=day.active_minutes,
        resting_heart_rate=day.resting_heart_rate,
        night_restlessness=day.night_restlessness,
        sleep_minutes=day.sleep_minutes,
        sleep_onset_minutes=day.sleep_onset_minutes,
        covered_minutes=day.covered_minutes,
    )


def _effective(segment: BehaviourSegment) -> timeline.Segment:
    """A stored segment as the timeline counts it: the owner's label wins."""
    return timeline.Segment(
        activity=segment.corrected_activity or segment.activity,
        start=segment.started_at,
        end=segment.ended_at,
        confidence=segment.confidence,
        window_count=segment.window_count,
    )


async def _update_days(session, pet, zone, collars, start, end, now, report) -> None:
    days = _local_days(start, end, zone)
    first_bounds = timeline.local_day_bounds(days[0], zone)
    last_bounds = timeline.local_day_bounds(days[-1], zone)
    lower, upper = first_bounds[0] - SUMMARY_LOOKBACK, last_bounds[1]
    stored = await SegmentRepository(session).overlapping([pet.id], lower, upper)
    segments = [_effective(segment) for segment in stored]
    heart_rates = await CollarDataRepository(session).resting_heart_rates(collars, lower, upper)
    rows = []
    for day in days:
        summary = timeline.summarize_day(segments, day, zone, heart_rates)
        rows.append(_day_row(pet.id, summary, now))
    await DayRepository(session).upsert(rows)
    for day in days[-3:]:
        report.anomalies += await _find_anomalies(session, pet, collars, day, now)


def _day_row(pet_id: int, summary: timeline.DaySummary, now: dt.datetime) -> dict:
    return {
        "pet_id": pet_id,
        "day": summary.day,
        "minutes": {activity.value: minutes for activity, minutes in summary.minutes.items()},
        "active_minutes": summary.active_minutes,
        "resting_heart_rate": summary.resting_heart_rate,
        "night_restlessness": summary.night_restlessness,
        "sleep_minutes": summary.sleep_minutes,
        "sleep_onset_minutes": summary.sleep_onset_minutes,
        "covered_minutes": summary.covered_minutes,
        "updated_at": now,
    }


async def _find_anomalies(session, pet: Pet, collars: list[int], day: dt.date, now) -> int:
    history = await DayRepository(session).history(
        pet.id, day - dt.timedelta(days=HISTORY_DAYS), day
    )
    found = 0
    for finding in anomalies.new_findings([summary_of(d) for d in history], day):
        anomaly_id = await AnomalyRepository(session).insert_new(_anomaly_row(pet.id, finding))
        if anomaly_id is None:
            continue
        found += 1
        await _alert_owner(session, pet, collars[0], anomaly_id, finding, now)
    return found


def _anomaly_row(pet_id: int, finding: anomalies.Finding) -> dict:
    return {
        "pet_id": pet_id,
        "day": finding.day,
        "since": finding.since,
        "metric": finding.metric.value,
        "method": finding.method.value,
        "value": finding.value,
        "baseline_median": finding.baseline_median,
        "baseline_days": finding.baseline_days,
        "change": finding.change,
        "change_percent": finding.change_percent,
        "score": finding.score,
        "message": finding.message[:300],
    }


async def _alert_owner(session, pet: Pet, collar_id: int, anomaly_id: int, finding, now) -> None:
    """An ANOMALY alert on the collar that saw it (notified with it); while one is already
    open, the owner still gets this finding in their inbox."""
    collar = await CollarDataRepository(session).collar(collar_id)
    message = f"{pet.name}: {finding.message}"
    alert = None
    if collar is not None:
        alert = await alerts_service.raise_alert(session, collar, AlertKind.ANOMALY, message, now)
    if alert is not None:
        await AnomalyRepository(session).set_alert(anomaly_id, alert.id)
    else:
        await notifications_service.notify(
            session,
            recipient_id=pet.owner_id,
            kind=NotificationKind.BEHAVIOUR_ANOMALY,
            text=message,
            target=("Pet", pet.id),
        )
    events.publish(
        session,
        events.pet_behaviour_channel(pet.id),
        BehaviourEvent(
            pet_id=pet.id,
            change=BehaviourChange.ANOMALY,
            anomaly_id=anomaly_id,
            metric=finding.metric.value,
            message=message,
        ),
    )


async def _announce_activity(session, pet_id: int, state: BehaviourState) -> None:
    latest = await SegmentRepository(session).latest(pet_id)
    if latest is None:
        return
    activity = latest.corrected_activity or latest.activity
    if activity == state.current_activity:
        return
    state.current_activity = activity
    events.publish(
        session,
        events.pet_behaviour_channel(pet_id),
        BehaviourEvent(
            pet_id=pet_id,
            change=BehaviourChange.ACTIVITY_CHANGED,
            activity=activity,
            since=latest.started_at,
            confidence=latest.confidence,
        ),
    )
