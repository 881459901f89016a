"""Behaviour analytics on one core, pure computation (no database), against Petty's targets:
< 2 s per analysis and 100 analyses per minute.

    .venv/bin/python bench/behaviour.py [--analyses 30] [--seconds 30] [--hours 1]

One *analysis* is what the service runs for one pet when new collar data arrives: an hour of
raw 3-axis acceleration at 50 Hz (3,599 windows of 2 s with 50 % overlap) through feature
extraction, the bundled gradient-boosting model, merging into timeline segments, the day's
summary, anomaly detection against a 28-day history, the health score, the energy and food
plan fitted onto a feeder, and the recommendations. A *Petty analysis* is the same for a
Petty collar's hour: 360 readings of activity level and heart rate, no raw data.

Printed in the same run, each bounded by ``--analyses`` runs and ``--seconds``:
- the bare feature-extraction cost (windows/s), the ceiling for anything downstream;
- classification windows/s of the cut points and of the model (features included);
- full analyses: p50/p95/max latency and analyses per minute, raw and Petty;
- the bundled model's first-use training time and its cached load time (why it is trained at
  first use rather than committed, see training.py).

Rates come from CPU time (``time.process_time``), the cost on one core even when the machine
is shared; wall-clock medians are printed beside them.

BLAS and OpenMP pools are limited to one thread (threadpoolctl), so the figures are one core's.
"""

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from graphql_api.behaviour import anomalies, features, health, nutrition, recommendations, training
from graphql_api.behaviour import timeline as tl
from graphql_api.behaviour.activities import Activity
from graphql_api.behaviour.classifiers import PettyLevelClassifier, PettyReading, VedbaCutPoints
from graphql_api.behaviour.gait_simulator import random_animals, simulate_session
from graphql_api.behaviour.history_simulator import random_profile, simulate_history

TARGET_SECONDS, TARGET_PER_MINUTE = 2.0, 100.0
ZONE = "Europe/Helsinki"
START = dt.datetime(2026, 6, 2, 6, 0, tzinfo=dt.UTC)
PET = nutrition.PetFacts("DOG", 20.0, 4.0, True)
FEEDER = [nutrition.FeederSlot(dt.time(7, 30), 80, 1), nutrition.FeederSlot(dt.time(18), 80, 2)]


def _hour_plan(hours: float) -> list[tuple[Activity, float]]:
    block = [
        (Activity.REST, 1200.0),
        (Activity.WALK, 1200.0),
        (Activity.RUN, 300.0),
        (Activity.PLAY, 300.0),
        (Activity.REST, 600.0),
    ]
    return block * max(1, round(hours))


def _timed(work, runs: int, seconds: float) -> tuple[list[float], list[float]]:
    """CPU seconds and wall seconds of each run."""
    cpu, wall, deadline = [], [], time.perf_counter() + seconds
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        work()
        cpu.append(time.process_time() - began_cpu)
        wall.append(time.perf_counter() - began)
        if time.perf_counter() > deadline:
            break
    return cpu, wall


def _analysis(samples, rate, model, history):
    extracted = features.extract(samples, rate)
    classified = model.classify(extracted.values)
    windows = tl.windows_from(
        START,
        extracted.start_seconds,
        extracted.window_seconds,
        classified.activities,
        classified.confidence,
    )
    return _downstream(windows, history)


def _petty_analysis(readings, history):
    classified = PettyLevelClassifier(resting_heart_rate=80.0).classify_readings(readings)
    starts = [10.0 * i for i in range(len(readings))]
    windows = tl.windows_from(START, starts, 10.0, classified.activities, classified.confidence)
    return _downstream(windows, history)


def _downstream(windows, history):
    segments = tl.merge_segments(windows, ZONE)
    today = START.date()
    summary = tl.summarize_day(segments, today, ZONE)
    days = [*history, summary]
    findings = anomalies.new_findings(days, today)
    score = health.health_score(PET.species, PET.age_years, PET.weight_kg, days, [], today)
    energy = nutrition.energy_plan(PET, summary.minutes)
    food = nutrition.food_plan(energy.mer_kcal, 3600.0)
    plan = nutrition.fit_to_feeder(food.grams_per_day, FEEDER)
    return recommendations.recommend(score, findings, plan)


def _summary(label: str, timed, units: float = 1.0, unit: str = "") -> str:
    cpu, wall = timed
    p50 = statistics.median(cpu)
    p95 = sorted(cpu)[max(0, int(0.95 * len(cpu)) - 1)]
    rate = f"{units / p50:,.0f} {unit}/s" if unit else f"{60.0 / p50:,.0f} analyses/min"
    return (
        f"{label:<44} {rate:>20}   CPU p50 {1000 * p50:7.1f} ms  p95 {1000 * p95:7.1f} ms"
        f"   wall p50 {1000 * statistics.median(wall):7.1f} ms   ({len(cpu)} runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--analyses", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--hours", type=float, default=1.0)
    args = parser.parse_args()
    runs, seconds = max(3, args.analyses), max(1.0, args.seconds)

    with threadpool_limits(limits=1):
        animal = random_animals(1, seed=3)[0]
        recording = simulate_session(animal, _hour_plan(args.hours), seed=3)
        samples, rate = recording.samples, recording.sample_rate
        history = simulate_history(
            random_profile(np.random.default_rng(1), "bench"),
            START.date() - dt.timedelta(days=28),
            28,
            seed=1,
        )
        readings = [
            PettyReading(i % 3 if i % 7 else 1, 80.0 + 40.0 * (i % 3))
            for i in range(int(360 * args.hours))
        ]

        with tempfile.TemporaryDirectory() as cache:
            began = time.process_time()
            model = training.bundled_classifier(Path(cache))
            trained_s = time.process_time() - began
            training.forget_bundled_classifier()
            began = time.process_time()
            training.bundled_classifier(Path(cache))
            loaded_s = time.process_time() - began

        windows = len(features.extract(samples, rate))
        extracted = features.extract(samples, rate).values
        cut = VedbaCutPoints()
        print(f"one core; {args.hours:g} h of 50 Hz collar data = {windows} windows per analysis")
        print(
            f"bundled model: trained at first use in {trained_s:.1f} CPU s, loaded from the "
            f"cache in {1000 * loaded_s:.0f} CPU ms"
        )
        print(
            _summary(
                "bare feature extraction",
                _timed(lambda: features.extract(samples, rate), runs, seconds),
                windows,
                "windows",
            )
        )
        print(
            _summary(
                "classify: cut points (features included)",
                _timed(lambda: cut.classify(features.extract(samples, rate).values), runs, seconds),
                windows,
                "windows",
            )
        )
        print(
            _summary(
                "classify: gradient boosting (features incl.)",
                _timed(
                    lambda: model.classify(features.extract(samples, rate).values), runs, seconds
                ),
                windows,
                "windows",
            )
        )
        print(
            _summary(
                "  of which the model alone",
                _timed(lambda: model.classify(extracted), runs, seconds),
                windows,
                "windows",
            )
        )
        raw = _timed(lambda: _analysis(samples, rate, model, history), runs, seconds)
        petty = _timed(lambda: _petty_analysis(readings, history), runs, seconds)
        print(_summary("full analysis, raw collar hour", raw))
        print(_summary("full analysis, Petty hour (level + HR)", petty))
        worst = max(statistics.median(raw[0]), statistics.median(petty[0]))
        print(
            f"Petty targets: < {TARGET_SECONDS:g} s per analysis, {TARGET_PER_MINUTE:g}/min; "
            f"slowest CPU p50 {worst:.3f} s -> {60.0 / worst:,.0f}/min on one core: "
            f"{'met' if worst < TARGET_SECONDS and 60 / worst >= TARGET_PER_MINUTE else 'NOT met'}"
        )


if __name__ == "__main__":
    main()
