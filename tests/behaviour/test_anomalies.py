import datetime as dt

import pytest

from graphql_api.behaviour.activities import Activity
from graphql_api.behaviour.anomalies import Method, Metric, detect, new_findings
from graphql_api.behaviour.history_simulator import (
    ChangeKind,
    InjectedChange,
    PetProfile,
    evaluate_detection,
    simulate_cohort,
    simulate_history,
)
from graphql_api.behaviour.timeline import DaySummary

START = dt.date(2026, 1, 5)
PROFILE = PetProfile("rex", "DOG", 90.0, 0.15, 75.0, 0.05, -60.0, 480.0)


def _flat_day(day: dt.date, active: float, heart: float, restless: float) -> DaySummary:
    return DaySummary(day, {Activity.WALK: active}, active, heart, restless, 480.0, -60.0, 1440.0)


class TestRobustZ:
    def test_a_sudden_drop_in_activity_is_found_with_its_size(self):
        # given: 28 days around 90 active minutes, then 20
        days = [
            _flat_day(START + dt.timedelta(days=i), 90.0 + (i % 5), 75.0, 0.05) for i in range(28)
        ]
        today = START + dt.timedelta(days=28)
        days.append(_flat_day(today, 20.0, 75.0, 0.05))
        # when
        findings = detect(days, today)
        # then
        assert [(f.metric, f.method) for f in findings] == [
            (Metric.ACTIVE_MINUTES, Method.ROBUST_Z)
        ]
        finding = findings[0]
        assert finding.baseline_median == 92.0
        assert finding.change == pytest.approx(-72.0)
        assert finding.change_percent == pytest.approx(-78.3, abs=0.1)
        assert (
            "dropped to 20 min" in finding.message and "28-day median of 92 min" in finding.message
        )

    def test_fewer_than_14_baseline_days_find_nothing(self):
        # given
        days = [_flat_day(START + dt.timedelta(days=i), 90.0, 75.0, 0.05) for i in range(10)]
        today = START + dt.timedelta(days=10)
        days.append(_flat_day(today, 5.0, 120.0, 0.9))
        # when
        findings = detect(days, today)
        # then
        assert findings == []

    def test_a_day_with_little_collar_data_is_not_a_lazy_day(self):
        # given: the collar was on for 6 hours only
        days = [_flat_day(START + dt.timedelta(days=i), 90.0, 75.0, 0.05) for i in range(28)]
        today = START + dt.timedelta(days=28)
        days.append(DaySummary(today, {}, 22.0, 75.0, 0.05, 480.0, -60.0, 360.0))
        # when
        findings = detect(days, today)
        # then
        assert findings == []


class TestSustainedShift:
    def test_a_resting_heart_rate_rise_is_found_and_alerted_once(self):
        # given
        change = InjectedChange(ChangeKind.RESTING_HR_RISE, start_index=40, magnitude=12.0)
        history = simulate_history(PROFILE, START, 60, [change], seed=3)
        # when
        alert_days = [
            d.day
            for d in history[28:]
            if any(f.metric is Metric.RESTING_HEART_RATE for f in new_findings(history, d.day))
        ]
        found = [
            f
            for d in history[40:50]
            for f in detect(history, d.day)
            if f.metric is Metric.RESTING_HEART_RATE
        ]
        # then
        assert found, "the rise was not found within 10 days"
        assert alert_days[0] >= START + dt.timedelta(days=40)
        assert found[0].change > 5.0
        assert "Resting heart rate" in found[0].message and "bpm" in found[0].message

    def test_a_gradual_activity_drop_is_found_by_cusum(self):
        # given: -35 % over 5 days, too small for a single day's z-score
        change = InjectedChange(
            ChangeKind.ACTIVITY_DROP, start_index=35, magnitude=0.35, ramp_days=5
        )
        history = simulate_history(PROFILE, START, 60, [change], seed=5)
        # when
        found = [
            f
            for d in history[35:47]
            for f in detect(history, d.day)
            if f.metric is Metric.ACTIVE_MINUTES
        ]
        # then
        assert any(f.method is Method.CUSUM for f in found)
        assert "since" in next(f for f in found if f.method is Method.CUSUM).message


class TestSimulatedCohort:
    def test_recall_and_false_alarms_on_60_day_histories(self):
        # given: 120 pets, 60 days each, 3 in 4 with one injected change (not the tuning seed)
        cohort = simulate_cohort(120, days=60, seed=2026)
        # when
        report = evaluate_detection(cohort)
        # then
        print("\n".join(report.lines()))
        assert report.recall() >= 0.9
        assert all(report.recall(kind) >= 0.85 for kind in ChangeKind)
        assert report.false_alarm_episodes_per_100 <= 3.0
