"""Stored collar data as classified windows, free of the database (the service hands in rows).

- Petty collars report every 10 s: each reading is one window, from its timestamp to the next
  reading's (at most ``PETTY_WINDOW``), classified by ``PettyLevelClassifier`` from its activity
  level and heart rate.
- Raw acceleration (Hetri collars) arrives as ``accel_x/y/z`` points: points of one message (one
  timestamp) are one sample; samples split into runs at gaps; each run long enough is cut into
  2 s windows with 50 % overlap (``features.extract``) and classified by the window classifier.
  Where a pet has raw acceleration, its windows win over reported levels at the same time.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from graphql_api.behaviour import features
from graphql_api.behaviour.classifiers import PettyLevelClassifier, PettyReading
from graphql_api.behaviour.timeline import ClassifiedWindow

PETTY_WINDOW = dt.timedelta(seconds=10)
# A gap between raw samples longer than this many sample periods starts a new run.
RUN_GAP_PERIODS = 5.0
# Device clocks further than this from the server's receive time are not trusted (no NTP yet).
CLOCK_TRUST = dt.timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class LevelReading:
    at: dt.datetime
    activity_level: int
    heart_rate: float | None


@dataclass(frozen=True, slots=True)
class AccelSample:
    device_id: int
    at: dt.datetime
    x: float
    y: float
    z: float


def petty_windows(
    readings: Sequence[LevelReading], classifier: PettyLevelClassifier
) -> list[ClassifiedWindow]:
    ordered = sorted(readings, key=lambda reading: reading.at)
    result = classifier.classify_readings(
        [PettyReading(r.activity_level, r.heart_rate) for r in ordered]
    )
    windows = []
    for index, reading in enumerate(ordered):
        end = reading.at + PETTY_WINDOW
        if index + 1 < len(ordered):
            end = min(end, ordered[index + 1].at)
        if end > reading.at:
            windows.append(
                ClassifiedWindow(
                    reading.at, end, result.activities[index], float(result.confidence[index])
                )
            )
    return windows


def accel_samples(rows: Sequence[tuple[int, dt.datetime | None, dt.datetime, str, float]]):
    """(device_id, device_time, received_at, key, value) points as samples, in time order; a
    sample missing an axis is dropped."""
    grouped: dict[tuple[int, dt.datetime], dict[str, float]] = {}
    for device_id, device_time, received_at, key, value in rows:
        at = received_at
        if device_time is not None and abs(device_time - received_at) <= CLOCK_TRUST:
            at = device_time
        grouped.setdefault((device_id, at), {})[key] = value
    samples = [
        AccelSample(device_id, at, axes["accel_x"], axes["accel_y"], axes["accel_z"])
        for (device_id, at), axes in grouped.items()
        if len(axes) == 3
    ]
    return sorted(samples, key=lambda sample: (sample.device_id, sample.at))


def runs(samples: Sequence[AccelSample]) -> list[list[AccelSample]]:
    runs: list[list[AccelSample]] = []
    for sample in samples:
        if runs and runs[-1][-1].device_id == sample.device_id:
            run = runs[-1]
            period = _period(run)
            gap = (sample.at - run[-1].at).total_seconds()
            if period is None or gap <= period * RUN_GAP_PERIODS:
                run.append(sample)
                continue
        runs.append([sample])
    return runs


def _period(run: Sequence[AccelSample]) -> float | None:
    if len(run) < 2:
        return None
    steps = np.diff([sample.at.timestamp() for sample in run[-50:]])
    steps = steps[steps > 0]
    return float(np.median(steps)) if len(steps) else None


def run_features(run: Sequence[AccelSample]) -> features.WindowFeatures | None:
    """The 2 s windows' features of one run; None when it is too short for a window."""
    period = _period(run)
    if period is None:
        return None
    rate = 1.0 / period
    if len(run) < features.window_length(rate):
        return None
    extracted = features.extract(np.array([(s.x, s.y, s.z) for s in run], dtype=float), rate)
    return extracted if len(extracted) else None


def accel_windows(samples: Sequence[AccelSample], classifier) -> list[ClassifiedWindow]:
    """Classified 2 s windows of every run of samples long enough to hold one."""
    windows: list[ClassifiedWindow] = []
    for run in runs(samples):
        extracted = run_features(run)
        if extracted is None:
            continue
        result = classifier.classify(extracted.values)
        length = dt.timedelta(seconds=extracted.window_seconds)
        for offset, activity, sure in zip(
            extracted.start_seconds, result.activities, result.confidence, strict=True
        ):
            start = run[0].at + dt.timedelta(seconds=float(offset))
            windows.append(ClassifiedWindow(start, start + length, activity, float(sure)))
    return windows


def covered_by(windows: Sequence[ClassifiedWindow]) -> list[tuple[dt.datetime, dt.datetime]]:
    """The spans ``windows`` cover, merged (for letting raw acceleration win)."""
    spans: list[tuple[dt.datetime, dt.datetime]] = []
    for window in sorted(windows, key=lambda w: w.start):
        if spans and window.start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], window.end))
        else:
            spans.append((window.start, window.end))
    return spans


def without(
    windows: Sequence[ClassifiedWindow], spans: Sequence[tuple[dt.datetime, dt.datetime]]
) -> list[ClassifiedWindow]:
    return [w for w in windows if not any(w.start < end and w.end > start for start, end in spans)]
