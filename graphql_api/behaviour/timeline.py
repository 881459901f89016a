"""Classified windows become a timeline: merged segments, sleep, minutes per local day.

- Each window owns the time from its start to the next window's start (windows overlap by
  half; sparse readings cover the interval to the next one), or its own length before a gap
  longer than ``max_gap``; segments therefore never overlap and leave no hole.
- A majority filter over ``smoothing_windows`` neighbours removes one-window flicker.
- Consecutive windows of one activity merge into a segment; a gap longer than ``max_gap``
  (no data) ends it. A segment's confidence is the sum of the confidences of its windows that
  the classifier gave that activity, over all its windows: flicker lowers it.
- Sleep is a long rest at night in the owner's local time: the night part (``night_start`` to
  ``night_end``) of a REST segment becomes SLEEP when it lasts ``sleep_min_duration`` or more.
- Days are local days of the owner's time zone; a segment over midnight is split there.
"""

import datetime as dt
import zoneinfo
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from graphql_api.behaviour.activities import MOVING, RESTING, Activity

UTC = dt.UTC


@dataclass(frozen=True, slots=True)
class ClassifiedWindow:
    start: dt.datetime  # timezone-aware
    end: dt.datetime
    activity: Activity
    confidence: float


@dataclass(frozen=True, slots=True)
class Segment:
    activity: Activity
    start: dt.datetime
    end: dt.datetime
    confidence: float
    window_count: int

    @property
    def minutes(self) -> float:
        return (self.end - self.start).total_seconds() / 60.0


@dataclass(frozen=True, slots=True)
class TimelineRules:
    max_gap: dt.timedelta = dt.timedelta(minutes=2)
    smoothing_windows: int = 5
    sleep_min_duration: dt.timedelta = dt.timedelta(minutes=20)
    night_start: dt.time = dt.time(21, 0)
    night_end: dt.time = dt.time(7, 0)
    # Fewer rest-window heart rates than this give no resting heart rate for the day.
    min_resting_heart_samples: int = 5


@dataclass(frozen=True, slots=True)
class DayTimeline:
    day: dt.date
    zone: str
    segments: list[Segment]
    minutes: dict[Activity, float]

    @property
    def active_minutes(self) -> float:
        return sum(self.minutes[activity] for activity in MOVING)


@dataclass(frozen=True, slots=True)
class DaySummary:
    """One pet's local day, the unit of baselines and anomalies.

    ``night_restlessness`` is the share (0-1) of the night ending that morning (``night_start``
    the evening before to ``night_end``) spent neither resting nor asleep;
    ``sleep_onset_minutes`` is when that night's first sleep began, in minutes from the day's
    local midnight (-90 is 22:30 the evening before)."""

    day: dt.date
    minutes: dict[Activity, float]
    active_minutes: float
    resting_heart_rate: float | None
    night_restlessness: float | None
    sleep_minutes: float
    sleep_onset_minutes: float | None
    covered_minutes: float


def zone_of(zone: str | dt.tzinfo | None) -> dt.tzinfo:
    if zone is None:
        return UTC
    if isinstance(zone, dt.tzinfo):
        return zone
    return zoneinfo.ZoneInfo(zone)


def windows_from(
    recording_start: dt.datetime,
    start_seconds: Sequence[float],
    window_seconds: float,
    activities: Sequence[Activity],
    confidence: Sequence[float],
) -> list[ClassifiedWindow]:
    """Windows of one recording (``features.WindowFeatures.start_seconds`` + a classification)."""
    length = dt.timedelta(seconds=window_seconds)
    windows = []
    for offset, activity, sure in zip(start_seconds, activities, confidence, strict=True):
        start = recording_start + dt.timedelta(seconds=float(offset))
        windows.append(ClassifiedWindow(start, start + length, activity, float(sure)))
    return windows


def merge_segments(
    windows: Iterable[ClassifiedWindow],
    zone: str | dt.tzinfo | None = None,
    rules: TimelineRules = TimelineRules(),
) -> list[Segment]:
    ordered = sorted(windows, key=lambda window: window.start)
    segments: list[Segment] = []
    for block in _contiguous_blocks(ordered, rules.max_gap):
        segments += _merge_block(block, rules.smoothing_windows)
    return _mark_sleep(segments, zone_of(zone), rules)


def _contiguous_blocks(windows: list[ClassifiedWindow], max_gap: dt.timedelta):
    block: list[ClassifiedWindow] = []
    for window in windows:
        if block and window.start - block[-1].end > max_gap:
            yield block
            block = []
        block.append(window)
    if block:
        yield block


def _smoothed(activities: list[Activity], width: int) -> list[Activity]:
    if width <= 1 or len(activities) < 3:
        return activities
    half = width // 2
    result = []
    for index, activity in enumerate(activities):
        votes = Counter(activities[max(0, index - half) : index + half + 1])
        best, count = votes.most_common(1)[0]
        result.append(activity if votes[activity] == count else best)
    return result


def _merge_block(block: list[ClassifiedWindow], width: int) -> list[Segment]:
    labels = _smoothed([window.activity for window in block], width)
    # Within a block the next window is at most max_gap away: each window owns the time up to
    # it (half of a 50 %-overlap window, or the interval between sparse readings).
    owned_end = [
        block[index + 1].start if index + 1 < len(block) else window.end
        for index, window in enumerate(block)
    ]
    segments: list[Segment] = []
    first = 0
    for index in range(1, len(block) + 1):
        if index < len(block) and labels[index] == labels[first]:
            continue
        members = block[first:index]
        agreeing = sum(w.confidence for w in members if w.activity == labels[first])
        segments.append(
            Segment(
                activity=labels[first],
                start=members[0].start,
                end=owned_end[index - 1],
                confidence=round(agreeing / len(members), 4),
                window_count=len(members),
            )
        )
        first = index
    return segments


def _night_intervals(start: dt.datetime, end: dt.datetime, zone: dt.tzinfo, rules: TimelineRules):
    """Local nights overlapping [start, end), as aware datetimes."""
    day = start.astimezone(zone).date() - dt.timedelta(days=1)
    last = end.astimezone(zone).date()
    while day <= last:
        night_from = dt.datetime.combine(day, rules.night_start, zone)
        night_to = dt.datetime.combine(day + dt.timedelta(days=1), rules.night_end, zone)
        yield night_from, night_to
        day += dt.timedelta(days=1)


def _mark_sleep(segments: list[Segment], zone: dt.tzinfo, rules: TimelineRules) -> list[Segment]:
    result: list[Segment] = []
    for segment in segments:
        if segment.activity is not Activity.REST:
            result.append(segment)
            continue
        result += _split_sleep(segment, zone, rules)
    return result


def _split_sleep(segment: Segment, zone: dt.tzinfo, rules: TimelineRules) -> list[Segment]:
    pieces: list[Segment] = []
    cursor = segment.start
    for night_from, night_to in _night_intervals(segment.start, segment.end, zone, rules):
        asleep_from, asleep_to = max(cursor, night_from), min(segment.end, night_to)
        if asleep_to - asleep_from < rules.sleep_min_duration:
            continue
        if asleep_from > cursor:
            pieces.append(_part(segment, cursor, asleep_from, Activity.REST))
        pieces.append(_part(segment, asleep_from, asleep_to, Activity.SLEEP))
        cursor = asleep_to
    if cursor < segment.end:
        pieces.append(_part(segment, cursor, segment.end, Activity.REST))
    return pieces


def _part(segment: Segment, start: dt.datetime, end: dt.datetime, activity: Activity) -> Segment:
    share = (end - start) / (segment.end - segment.start)
    count = max(1, round(segment.window_count * share))
    return replace(segment, activity=activity, start=start, end=end, window_count=count)


def local_day_bounds(day: dt.date, zone: str | dt.tzinfo | None) -> tuple[dt.datetime, dt.datetime]:
    tz = zone_of(zone)
    start = dt.datetime.combine(day, dt.time(0), tz)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tz)
    return start.astimezone(UTC), end.astimezone(UTC)


def clip(segments: Iterable[Segment], start: dt.datetime, end: dt.datetime) -> list[Segment]:
    clipped = []
    for segment in segments:
        lower, upper = max(segment.start, start), min(segment.end, end)
        if upper > lower:
            clipped.append(
                segment
                if (lower, upper) == (segment.start, segment.end)
                else _part(segment, lower, upper, segment.activity)
            )
    return clipped


def day_timeline(
    segments: Iterable[Segment], day: dt.date, zone: str | dt.tzinfo | None = None
) -> DayTimeline:
    """The segments of one local day (split at local midnight) and minutes per class."""
    start, end = local_day_bounds(day, zone)
    day_segments = clip(segments, start, end)
    minutes = dict.fromkeys(Activity, 0.0)
    for segment in day_segments:
        minutes[segment.activity] += segment.minutes
    name = zone if isinstance(zone, str) else str(zone_of(zone))
    return DayTimeline(day, name, day_segments, {k: round(v, 2) for k, v in minutes.items()})


def summarize_day(
    segments: Sequence[Segment],
    day: dt.date,
    zone: str | dt.tzinfo | None = None,
    heart_rates: Sequence[tuple[dt.datetime, float]] = (),
    rules: TimelineRules = TimelineRules(),
) -> DaySummary:
    """The day's figures for baselines. ``segments`` may span more than the day (the night
    before is needed); ``heart_rates`` are (time, bpm) readings."""
    tz = zone_of(zone)
    timeline = day_timeline(segments, day, tz)
    night_from = dt.datetime.combine(day - dt.timedelta(days=1), rules.night_start, tz)
    night_to = dt.datetime.combine(day, rules.night_end, tz)
    night = clip(segments, night_from.astimezone(UTC), night_to.astimezone(UTC))
    night_minutes = sum(s.minutes for s in night)
    restless = sum(s.minutes for s in night if s.activity not in RESTING)
    sleeps = [s for s in night if s.activity is Activity.SLEEP]
    midnight = dt.datetime.combine(day, dt.time(0), tz)
    onset = (sleeps[0].start - midnight).total_seconds() / 60.0 if sleeps else None
    return DaySummary(
        day=day,
        minutes=timeline.minutes,
        active_minutes=round(timeline.active_minutes, 2),
        resting_heart_rate=_resting_heart_rate(timeline.segments, heart_rates, rules),
        night_restlessness=round(restless / night_minutes, 4) if night_minutes else None,
        sleep_minutes=round(sum(s.minutes for s in sleeps), 2),
        sleep_onset_minutes=round(onset, 1) if onset is not None else None,
        covered_minutes=round(sum(s.minutes for s in timeline.segments), 2),
    )


def _resting_heart_rate(segments, heart_rates, rules: TimelineRules) -> float | None:
    resting = [s for s in segments if s.activity in RESTING]
    if not resting or not heart_rates:
        return None
    starts = np.array([s.start.timestamp() for s in resting])
    ends = np.array([s.end.timestamp() for s in resting])
    samples = []
    for when, bpm in heart_rates:
        stamp = when.timestamp()
        index = np.searchsorted(starts, stamp, side="right") - 1
        if index >= 0 and stamp < ends[index]:
            samples.append(bpm)
    if len(samples) < rules.min_resting_heart_samples:
        return None
    return round(float(np.median(samples)), 1)
