"""A 0-100 health score made of shown components, never an unexplained number.

Components (weight), each 0-100 with the value, the target and a sentence:

- activity (0.35): mean active minutes per day over the last 7 days with enough collar data,
  against a target for species, age and size; 100 at or above the target, proportionally less.
- resting heart-rate trend (0.25): the last 7 days' median against the 21 days before; 100 up to
  +2 bpm, 10 points less per bpm above that. A falling resting heart rate is not penalised.
- sleep regularity (0.20): the standard deviation of sleep onset over 14 nights (100 up to
  30 min, 0 at 180 min) averaged with the variation of sleep duration (100 up to a 10 %
  coefficient of variation, 0 at 35 %).
- weight trend (0.20): the change per 30 days of a line through the last 90 days of weights;
  100 within ±2 %, 12.5 points less per % beyond, 0 at ±10 %.

The total is the weighted mean of the components that have data (their weights rescaled to 1);
the ones without data are listed as such. Activity targets are owner-guidance rules of thumb
(about an hour a day for an adult dog, less for small and senior dogs, 5 minutes per month of
age for puppies, short play sessions for cats), not clinical standards.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from graphql_api.behaviour.timeline import DaySummary

WEIGHTS = {"activity": 0.35, "resting_heart_rate": 0.25, "sleep": 0.20, "weight": 0.20}
MIN_COVERAGE_MINUTES = 960.0


def activity_target_minutes(
    species: str, age_years: float | None, weight_kg: float | None
) -> float:
    """Active minutes per day to aim for (walks, runs and play)."""
    if species == "CAT":
        if age_years is not None and age_years < 1.0:
            return 60.0
        return 25.0 if age_years is not None and age_years >= 11.0 else 40.0
    if age_years is not None and age_years < 1.0:
        return min(60.0, 10.0 * max(2.0, age_years * 12.0))  # 5 min per month, twice a day
    target = 60.0
    if weight_kg is not None and weight_kg < 10.0:
        target = 45.0
    elif weight_kg is not None and weight_kg >= 25.0:
        target = 90.0
    if age_years is not None and age_years >= 8.0:
        target *= 0.75
    return target


@dataclass(frozen=True, slots=True)
class HealthComponent:
    name: str
    weight: float
    score: float | None  # None: no data
    value: float | None
    target: str
    explanation: str


@dataclass(frozen=True, slots=True)
class HealthScore:
    score: int | None
    components: list[HealthComponent]
    explanation: str


def health_score(
    species: str,
    age_years: float | None,
    weight_kg: float | None,
    days: Sequence[DaySummary],
    weights: Sequence[tuple[dt.date, float]],
    today: dt.date,
) -> HealthScore:
    recent = sorted((d for d in days if d.day <= today), key=lambda d: d.day)
    components = [
        _activity(species, age_years, weight_kg, recent, today),
        _resting_heart(recent, today),
        _sleep(recent, today),
        _weight(weights, today),
    ]
    scored = [c for c in components if c.score is not None]
    if not scored:
        return HealthScore(None, components, "No data yet for any component.")
    total_weight = sum(c.weight for c in scored)
    score = sum(c.score * c.weight for c in scored) / total_weight
    parts = " + ".join(f"{c.name} {c.score:.0f} × {c.weight / total_weight:.2f}" for c in scored)
    missing = [c.name for c in components if c.score is None]
    explanation = f"{round(score)} = {parts}" + (
        f"; no data for {', '.join(missing)}" if missing else ""
    )
    return HealthScore(round(score), components, explanation)


def _window(days: Sequence[DaySummary], today: dt.date, length: int, offset: int = 0):
    first = today - dt.timedelta(days=offset + length - 1)
    last = today - dt.timedelta(days=offset)
    return [d for d in days if first <= d.day <= last]


def _clamp(value: float) -> float:
    return float(max(0.0, min(100.0, value)))


def _activity(species, age_years, weight_kg, days, today) -> HealthComponent:
    target = activity_target_minutes(species, age_years, weight_kg)
    week = [d for d in _window(days, today, 7) if d.covered_minutes >= MIN_COVERAGE_MINUTES]
    if not week:
        return HealthComponent(
            "activity",
            WEIGHTS["activity"],
            None,
            None,
            f"{target:.0f} min/day",
            "No full day of collar data this week.",
        )
    mean = float(np.mean([d.active_minutes * 1440.0 / d.covered_minutes for d in week]))
    score = _clamp(100.0 * mean / target)
    return HealthComponent(
        "activity",
        WEIGHTS["activity"],
        round(score, 1),
        round(mean, 1),
        f"{target:.0f} min/day",
        f"{mean:.0f} active min/day over {len(week)} days against a target of {target:.0f} "
        f"for this {species.lower()}: {score:.0f}.",
    )


def _resting_heart(days, today) -> HealthComponent:
    last = [d.resting_heart_rate for d in _window(days, today, 7) if d.resting_heart_rate]
    before = [
        d.resting_heart_rate for d in _window(days, today, 21, offset=7) if d.resting_heart_rate
    ]
    if len(last) < 3 or len(before) < 7:
        return HealthComponent(
            "resting_heart_rate",
            WEIGHTS["resting_heart_rate"],
            None,
            None,
            "within +2 bpm of the previous 3 weeks",
            "Needs 3 days of resting heart rate this week and 7 before.",
        )
    rise = float(np.median(last) - np.median(before))
    score = _clamp(100.0 - 10.0 * max(0.0, rise - 2.0))
    return HealthComponent(
        "resting_heart_rate",
        WEIGHTS["resting_heart_rate"],
        round(score, 1),
        round(rise, 1),
        "within +2 bpm of the previous 3 weeks",
        f"Resting heart rate {np.median(last):.0f} bpm this week, {rise:+.1f} bpm against "
        f"{np.median(before):.0f} bpm the 3 weeks before: {score:.0f}.",
    )


def _sleep(days, today) -> HealthComponent:
    nights = [d for d in _window(days, today, 14) if d.sleep_onset_minutes is not None]
    target = "onset within ±30 min, duration within ±10 %"
    if len(nights) < 5:
        return HealthComponent(
            "sleep",
            WEIGHTS["sleep"],
            None,
            None,
            target,
            "Needs 5 nights with sleep in the last 14.",
        )
    onset_sd = float(np.std([d.sleep_onset_minutes for d in nights]))
    durations = np.array([d.sleep_minutes for d in nights])
    cv = float(durations.std() / durations.mean()) if durations.mean() else 1.0
    onset_score = _clamp(100.0 * (180.0 - onset_sd) / 150.0)
    duration_score = _clamp(100.0 * (0.35 - cv) / 0.25)
    score = (onset_score + duration_score) / 2.0
    return HealthComponent(
        "sleep",
        WEIGHTS["sleep"],
        round(score, 1),
        round(onset_sd, 1),
        target,
        f"Sleep starts within ±{onset_sd:.0f} min ({onset_score:.0f}) and lasts "
        f"{durations.mean() / 60:.1f} h ± {100 * cv:.0f} % ({duration_score:.0f}) over "
        f"{len(nights)} nights: {score:.0f}.",
    )


def _weight(weights, today) -> HealthComponent:
    recent = sorted((d, w) for d, w in weights if today - dt.timedelta(days=90) <= d <= today)
    target = "within ±2 % per 30 days"
    if len(recent) < 2 or (recent[-1][0] - recent[0][0]).days < 7:
        return HealthComponent(
            "weight",
            WEIGHTS["weight"],
            None,
            None,
            target,
            "Needs two weighings at least a week apart in 90 days.",
        )
    x = np.array([(d - recent[0][0]).days for d, _ in recent], dtype=float)
    y = np.array([w for _, w in recent], dtype=float)
    slope = float(np.polyfit(x, y, 1)[0]) if len(set(x)) > 1 else 0.0
    percent = 100.0 * slope * 30.0 / float(np.mean(y))
    score = _clamp(100.0 - 12.5 * max(0.0, abs(percent) - 2.0))
    return HealthComponent(
        "weight",
        WEIGHTS["weight"],
        round(score, 1),
        round(percent, 2),
        target,
        f"Weight {y[-1]:.1f} kg, changing {percent:+.1f} % per 30 days over "
        f"{len(recent)} weighings: {score:.0f}.",
    )
