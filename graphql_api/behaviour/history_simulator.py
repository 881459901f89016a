"""Simulated multi-day histories (one ``DaySummary`` per local day) with injectable changes,
to evaluate anomaly detection where no labelled real histories exist.

Each pet has its own level of daily activity, resting heart rate and night restlessness, and
ordinary days vary the way real ones do: weekends are ~15 % more active, a rainy or busy day
(5 %) halves activity, an outing (3 %) adds 60 %, the resting heart rate wanders slowly (AR(1))
around its level with 2.5 bpm of daily noise, a disturbed night (4 %, fireworks, storms) adds
restlessness, and on 5 % of days the collar was off for part of the day. Changes start on a
given day and ramp in over ``ramp_days``: a drop in activity (a share), a rise in resting heart
rate (bpm) or restless nights (added share of the night spent awake and moving)."""

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from graphql_api.behaviour.activities import Activity
from graphql_api.behaviour.anomalies import AnomalyRules, Metric, detect
from graphql_api.behaviour.timeline import DaySummary

MINUTES_PER_DAY = 1440.0


class ChangeKind(enum.StrEnum):
    ACTIVITY_DROP = "ACTIVITY_DROP"
    RESTING_HR_RISE = "RESTING_HR_RISE"
    RESTLESS_NIGHTS = "RESTLESS_NIGHTS"


@dataclass(frozen=True, slots=True)
class InjectedChange:
    kind: ChangeKind
    start_index: int  # day index in the history where the change begins
    magnitude: float  # share of activity lost, bpm added, or share of the night added
    ramp_days: int = 3

    def weight(self, index: int) -> float:
        """0 before the change, rising linearly to 1 over the ramp."""
        if index < self.start_index:
            return 0.0
        return min(1.0, (index - self.start_index + 1) / max(1, self.ramp_days))


@dataclass(frozen=True, slots=True)
class PetProfile:
    pet_id: str
    species: str
    active_minutes: float
    activity_cv: float
    resting_heart_rate: float
    night_restlessness: float
    sleep_onset_minutes: float
    sleep_minutes: float


def random_profile(rng: np.random.Generator, pet_id: str) -> PetProfile:
    cat = rng.random() < 0.25
    return PetProfile(
        pet_id=pet_id,
        species="CAT" if cat else "DOG",
        active_minutes=float(rng.uniform(30, 70) if cat else rng.uniform(50, 160)),
        activity_cv=float(rng.uniform(0.12, 0.25)),
        resting_heart_rate=float(rng.uniform(130, 170) if cat else rng.uniform(60, 100)),
        night_restlessness=float(rng.uniform(0.03, 0.10)),
        sleep_onset_minutes=float(rng.uniform(-120, 0)),
        sleep_minutes=float(rng.uniform(420, 540)),
    )


def simulate_history(
    profile: PetProfile,
    start: dt.date,
    days: int,
    changes: Sequence[InjectedChange] = (),
    seed: int = 0,
) -> list[DaySummary]:
    rng = np.random.default_rng(seed)
    heart_drift = 0.0
    history = []
    for index in range(days):
        day = start + dt.timedelta(days=index)
        effect = {kind: 0.0 for kind in ChangeKind}
        for change in changes:
            effect[change.kind] += change.magnitude * change.weight(index)
        heart_drift = 0.85 * heart_drift + rng.normal(0.0, 1.0)
        history.append(_day(profile, day, rng, effect, heart_drift))
    return history


def _day(profile: PetProfile, day: dt.date, rng, effect: dict, heart_drift: float) -> DaySummary:
    activity = profile.active_minutes * (1.15 if day.weekday() >= 5 else 1.0)
    activity *= float(np.exp(rng.normal(0.0, profile.activity_cv)))
    event = rng.random()
    if event < 0.05:
        activity *= 0.5
    elif event < 0.08:
        activity *= 1.6
    activity *= max(0.0, 1.0 - effect[ChangeKind.ACTIVITY_DROP])
    coverage = float(rng.uniform(0.5, 0.9)) if rng.random() < 0.05 else 1.0
    heart = profile.resting_heart_rate + heart_drift + rng.normal(0.0, 2.5)
    heart += effect[ChangeKind.RESTING_HR_RISE]
    restless = profile.night_restlessness + rng.normal(0.0, 0.015)
    if rng.random() < 0.04:
        restless += rng.uniform(0.08, 0.15)
    restless = float(np.clip(restless + effect[ChangeKind.RESTLESS_NIGHTS], 0.0, 1.0))
    sleep = profile.sleep_minutes * (1.0 - restless) + rng.normal(0.0, 20.0)
    active = activity * coverage
    walk, run, play = 0.65 * active, 0.15 * active, 0.20 * active
    covered = MINUTES_PER_DAY * coverage
    minutes = {
        Activity.WALK: round(walk, 1),
        Activity.RUN: round(run, 1),
        Activity.PLAY: round(play, 1),
        Activity.SLEEP: round(sleep * coverage, 1),
        Activity.REST: round(max(0.0, covered - active - sleep * coverage), 1),
    }
    return DaySummary(
        day=day,
        minutes=minutes,
        active_minutes=round(active, 1),
        resting_heart_rate=round(float(heart), 1),
        night_restlessness=round(restless, 4),
        sleep_minutes=round(float(sleep), 1),
        sleep_onset_minutes=round(profile.sleep_onset_minutes + rng.normal(0.0, 20.0), 1),
        covered_minutes=round(covered, 1),
    )


@dataclass(frozen=True, slots=True)
class SimulatedPet:
    profile: PetProfile
    history: list[DaySummary]
    changes: list[InjectedChange]


def simulate_cohort(
    pets: int, days: int = 60, seed: int = 0, changed_share: float = 0.75
) -> list[SimulatedPet]:
    """``pets`` histories of ``days`` days; ``changed_share`` of them get one injected change
    (kind and size drawn at random) starting between day 32 and ``days`` - 14."""
    rng = np.random.default_rng(seed)
    cohort = []
    start = dt.date(2026, 1, 5)
    for index in range(pets):
        profile = random_profile(rng, f"pet-{index:03d}")
        changes = []
        if rng.random() < changed_share:
            changes.append(_random_change(rng, days))
        history = simulate_history(profile, start, days, changes, seed=int(rng.integers(2**31)))
        cohort.append(SimulatedPet(profile, history, changes))
    return cohort


def _random_change(rng, days: int) -> InjectedChange:
    kind = ChangeKind(rng.choice(list(ChangeKind)))
    magnitude = {
        ChangeKind.ACTIVITY_DROP: rng.uniform(0.3, 0.5),
        ChangeKind.RESTING_HR_RISE: rng.uniform(8.0, 15.0),
        ChangeKind.RESTLESS_NIGHTS: rng.uniform(0.08, 0.2),
    }[kind]
    start_index = int(rng.integers(32, max(33, days - 14)))
    return InjectedChange(kind, start_index, float(magnitude), ramp_days=int(rng.integers(1, 5)))


# ---- evaluation of anomaly detection on simulated cohorts ------------------------------------

CHANGED_METRIC: dict[ChangeKind, Metric] = {
    ChangeKind.ACTIVITY_DROP: Metric.ACTIVE_MINUTES,
    ChangeKind.RESTING_HR_RISE: Metric.RESTING_HEART_RATE,
    ChangeKind.RESTLESS_NIGHTS: Metric.NIGHT_RESTLESSNESS,
}


@dataclass(frozen=True, slots=True)
class DetectionReport:
    """Recall: injected changes with a finding on their metric within ``within_days`` of the
    start. False alarms: findings on a metric with no injected change in force that day,
    counted as days and as episodes (a run of consecutive days), per 100 evaluated pet-days."""

    pets: int
    pet_days: int
    changes: dict[ChangeKind, int]
    detected: dict[ChangeKind, int]
    median_delay_days: dict[ChangeKind, float | None]
    false_alarm_days: int
    false_alarm_episodes: int
    within_days: int

    def recall(self, kind: ChangeKind | None = None) -> float:
        kinds = [kind] if kind else list(ChangeKind)
        total = sum(self.changes[k] for k in kinds)
        return sum(self.detected[k] for k in kinds) / total if total else float("nan")

    @property
    def false_alarm_days_per_100(self) -> float:
        return 100.0 * self.false_alarm_days / self.pet_days

    @property
    def false_alarm_episodes_per_100(self) -> float:
        return 100.0 * self.false_alarm_episodes / self.pet_days

    def lines(self) -> list[str]:
        out = [
            f"{self.pets} pets, {self.pet_days} evaluated pet-days; detection window "
            f"{self.within_days} days"
        ]
        for kind in ChangeKind:
            delay = self.median_delay_days[kind]
            out.append(
                f"  {kind:<16} recall {self.recall(kind):6.1%} "
                f"({self.detected[kind]}/{self.changes[kind]}), median delay "
                f"{'-' if delay is None else f'{delay:.0f} d'}"
            )
        out.append(
            f"  overall recall {self.recall():.1%}; false alarms per 100 pet-days: "
            f"{self.false_alarm_episodes_per_100:.2f} episodes, "
            f"{self.false_alarm_days_per_100:.2f} days"
        )
        return out


def evaluate_detection(
    cohort: Sequence[SimulatedPet],
    rules: AnomalyRules = AnomalyRules(),
    warm_up_days: int = 28,
    within_days: int = 10,
) -> DetectionReport:
    changes = dict.fromkeys(ChangeKind, 0)
    detected = dict.fromkeys(ChangeKind, 0)
    delays: dict[ChangeKind, list[int]] = {kind: [] for kind in ChangeKind}
    pet_days = false_days = false_episodes = 0
    for pet in cohort:
        flagged = _flagged_days(pet.history, rules, warm_up_days)
        pet_days += max(0, len(pet.history) - warm_up_days)
        for change in pet.changes:
            changes[change.kind] += 1
            hits = [
                i
                for i in flagged[CHANGED_METRIC[change.kind]]
                if change.start_index <= i < change.start_index + within_days
            ]
            if hits:
                detected[change.kind] += 1
                delays[change.kind].append(hits[0] - change.start_index)
        for metric, days in flagged.items():
            in_force = [c for c in pet.changes if CHANGED_METRIC[c.kind] is metric]
            false = sorted(i for i in days if not any(i >= c.start_index for c in in_force))
            false_days += len(false)
            false_episodes += sum(1 for n, i in enumerate(false) if n == 0 or false[n - 1] != i - 1)
    return DetectionReport(
        pets=len(cohort),
        pet_days=pet_days,
        changes=changes,
        detected=detected,
        median_delay_days={k: float(np.median(v)) if v else None for k, v in delays.items()},
        false_alarm_days=false_days,
        false_alarm_episodes=false_episodes,
        within_days=within_days,
    )


def _flagged_days(history: Sequence[DaySummary], rules: AnomalyRules, warm_up: int):
    flagged: dict[Metric, list[int]] = {metric: [] for metric in Metric}
    for index in range(warm_up, len(history)):
        for finding in detect(history, history[index].day, rules):
            flagged[finding.metric].append(index)
    return flagged
