"""Each pet against its own recent past: robust z-scores for acute changes, CUSUM for
sustained ones, on daily active minutes, resting heart rate and night restlessness.

- Baseline: the pet's previous days (at most ``max_baseline_days``, at least
  ``min_baseline_days`` with data), summarised by the median and the MAD scaled by 1.4826 (the
  standard deviation for normal data) with a per-metric floor, so a very regular pet does not
  turn every small wobble into a large z.
- Robust z: today's value against that baseline; a finding at |z| >= ``z_threshold`` in the
  concerning direction (activity down, heart rate up, restlessness up).
- CUSUM: over the last ``cusum_days`` days, the one-sided sum S = max(0, S + z - k) of z-scores
  against the baseline that precedes them (so a slow shift cannot hide in its own baseline),
  each day's z clipped at ``cusum_clip`` (a single wild day is not a shift); a finding when
  S >= ``cusum_threshold``. ``since`` is where the sum last left zero.
- Daily active minutes are scaled to a full day and days with less than ``min_coverage`` of
  collar data are left out (a collar on the charger is not a lazy dog).
"""

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from graphql_api.behaviour.timeline import DaySummary

MAD_TO_SD = 1.4826


class Metric(enum.StrEnum):
    ACTIVE_MINUTES = "ACTIVE_MINUTES"
    RESTING_HEART_RATE = "RESTING_HEART_RATE"
    NIGHT_RESTLESSNESS = "NIGHT_RESTLESSNESS"


class Method(enum.StrEnum):
    ROBUST_Z = "ROBUST_Z"
    CUSUM = "CUSUM"


# +1: a rise is the concern; -1: a drop is.
CONCERN: dict[Metric, int] = {
    Metric.ACTIVE_MINUTES: -1,
    Metric.RESTING_HEART_RATE: +1,
    Metric.NIGHT_RESTLESSNESS: +1,
}
UNITS = {
    Metric.ACTIVE_MINUTES: "min",
    Metric.RESTING_HEART_RATE: "bpm",
    Metric.NIGHT_RESTLESSNESS: "% of the night",
}
LABELS = {
    Metric.ACTIVE_MINUTES: "Daily active minutes",
    Metric.RESTING_HEART_RATE: "Resting heart rate",
    Metric.NIGHT_RESTLESSNESS: "Night restlessness",
}


@dataclass(frozen=True, slots=True)
class AnomalyRules:
    min_baseline_days: int = 14
    max_baseline_days: int = 28
    z_threshold: float = 3.5
    # A robust-z finding needs the threshold crossed on this many of the last 3 days with data
    # per metric: one storm night is not a restless pet, one lazy day can be a sick one.
    z_confirm: tuple[tuple[Metric, int], ...] = (
        (Metric.ACTIVE_MINUTES, 1),
        (Metric.RESTING_HEART_RATE, 1),
        (Metric.NIGHT_RESTLESSNESS, 2),
    )
    cusum_days: int = 10
    # k, in baseline SDs: the smallest shift worth accumulating. The resting heart rate wanders
    # by a few bpm over weeks on its own, so it needs a larger shift than the other two.
    cusum_slack: tuple[tuple[Metric, float], ...] = (
        (Metric.ACTIVE_MINUTES, 0.5),
        (Metric.RESTING_HEART_RATE, 1.0),
        (Metric.NIGHT_RESTLESSNESS, 0.5),
    )
    cusum_threshold: float = 5.0  # h
    # Each day adds at most this many SDs: one wild day is the z-score's job, not CUSUM's.
    cusum_clip: float = 2.0
    min_coverage_minutes: float = 960.0
    scale_floor: tuple[tuple[Metric, float], ...] = (
        (Metric.ACTIVE_MINUTES, 5.0),
        (Metric.RESTING_HEART_RATE, 2.0),
        (Metric.NIGHT_RESTLESSNESS, 0.015),
    )


@dataclass(frozen=True, slots=True)
class Baseline:
    median: float
    scale: float
    days: int


@dataclass(frozen=True, slots=True)
class Finding:
    """What changed and by how much. ``value`` is the day's value (robust z) or the mean since
    the shift began (CUSUM); ``change`` is ``value`` minus the baseline median."""

    metric: Metric
    method: Method
    day: dt.date
    since: dt.date
    value: float
    baseline_median: float
    baseline_days: int
    change: float
    change_percent: float | None
    score: float
    message: str


def metric_value(summary: DaySummary, metric: Metric, rules: AnomalyRules) -> float | None:
    if metric is Metric.ACTIVE_MINUTES:
        if summary.covered_minutes < rules.min_coverage_minutes:
            return None
        return summary.active_minutes * 1440.0 / summary.covered_minutes
    if metric is Metric.RESTING_HEART_RATE:
        return summary.resting_heart_rate
    return summary.night_restlessness


def baseline(values: Sequence[float], metric: Metric, rules: AnomalyRules) -> Baseline | None:
    if len(values) < rules.min_baseline_days:
        return None
    data = np.asarray(values[-rules.max_baseline_days :], dtype=float)
    median = float(np.median(data))
    mad = float(np.median(np.abs(data - median))) * MAD_TO_SD
    return Baseline(median, max(mad, dict(rules.scale_floor)[metric]), len(data))


def _series(history: Sequence[DaySummary], metric: Metric, day: dt.date, rules: AnomalyRules):
    """(day, value) of days up to and including ``day`` that have a value, oldest first."""
    pairs = []
    for summary in sorted(history, key=lambda s: s.day):
        if summary.day > day:
            break
        value = metric_value(summary, metric, rules)
        if value is not None:
            pairs.append((summary.day, float(value)))
    return pairs


def detect(
    history: Sequence[DaySummary], day: dt.date, rules: AnomalyRules = AnomalyRules()
) -> list[Finding]:
    """Findings on ``day``: at most one per metric (an acute z-score first, else CUSUM)."""
    findings = []
    for metric in Metric:
        series = _series(history, metric, day, rules)
        finding = _robust_z(series, metric, day, rules) or _cusum(series, metric, day, rules)
        if finding is not None:
            findings.append(finding)
    return findings


def new_findings(
    history: Sequence[DaySummary], day: dt.date, rules: AnomalyRules = AnomalyRules()
) -> list[Finding]:
    """Findings on ``day`` for metrics that had none the day before: what to alert about."""
    before = {f.metric for f in detect(history, day - dt.timedelta(days=1), rules)}
    return [f for f in detect(history, day, rules) if f.metric not in before]


def _robust_z(series, metric: Metric, day: dt.date, rules: AnomalyRules) -> Finding | None:
    if not series or series[-1][0] != day:
        return None
    reference = baseline([v for _, v in series[:-1]], metric, rules)
    if reference is None:
        return None
    recent = series[-3:]
    crossed = [
        (when, value)
        for when, value in recent
        if CONCERN[metric] * (value - reference.median) / reference.scale >= rules.z_threshold
    ]
    if not crossed or crossed[-1][0] != day or len(crossed) < dict(rules.z_confirm)[metric]:
        return None
    value = series[-1][1]
    z = (value - reference.median) / reference.scale
    return _finding(metric, Method.ROBUST_Z, day, crossed[0][0], value, reference, z)


def _cusum(series, metric: Metric, day: dt.date, rules: AnomalyRules) -> Finding | None:
    if not series or series[-1][0] != day:
        return None
    recent = series[-rules.cusum_days :]
    reference = baseline([v for _, v in series[: -len(recent)]], metric, rules)
    if reference is None:
        return None
    total, since_index = 0.0, 0
    slack = dict(rules.cusum_slack)[metric]
    for index, (_, value) in enumerate(recent):
        z = CONCERN[metric] * (value - reference.median) / reference.scale
        z = min(z, rules.cusum_clip)
        if total == 0.0:
            since_index = index
        total = max(0.0, total + z - slack)
    if total < rules.cusum_threshold:
        return None
    shifted = [value for _, value in recent[since_index:]]
    since = recent[since_index][0]
    return _finding(metric, Method.CUSUM, day, since, float(np.mean(shifted)), reference, total)


def _finding(metric, method, day, since, value, reference: Baseline, score) -> Finding:
    change = value - reference.median
    percent = 100.0 * change / reference.median if reference.median else None
    return Finding(
        metric=metric,
        method=method,
        day=day,
        since=since,
        value=round(value, 4),
        baseline_median=round(reference.median, 4),
        baseline_days=reference.days,
        change=round(change, 4),
        change_percent=round(percent, 1) if percent is not None else None,
        score=round(float(score), 2),
        message=_message(metric, method, day, since, value, reference, change, percent, score),
    )


def _show(metric: Metric, value: float) -> str:
    if metric is Metric.NIGHT_RESTLESSNESS:
        return f"{100 * value:.0f} % of the night"
    return f"{value:.0f} {UNITS[metric]}"


def _message(metric, method, day, since, value, reference, change, percent, score) -> str:
    label = LABELS[metric]
    verb = "rose" if change > 0 else "dropped"
    if metric is Metric.NIGHT_RESTLESSNESS:
        amount = f"{abs(100 * change):.0f} points"
    else:
        amount = f"{abs(change):.0f} {UNITS[metric]}"
    relative = f", {percent:+.0f} %" if percent is not None else ""
    baseline_text = f"its {reference.days}-day median of {_show(metric, reference.median)}"
    if method is Method.ROBUST_Z:
        return (
            f"{label} {verb} to {_show(metric, value)} on {day.isoformat()}, {amount} "
            f"from {baseline_text}{relative} (robust z {score:+.1f})."
        )
    direction = "above" if change > 0 else "below"
    return (
        f"{label} has been {amount} {direction} {baseline_text} since "
        f"{since.isoformat()}: {_show(metric, value)} on average{relative} "
        f"(CUSUM {score:.1f}, a sustained shift)."
    )
