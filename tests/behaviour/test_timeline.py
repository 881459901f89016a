import datetime as dt
import zoneinfo

import numpy as np
import pytest

from graphql_api.behaviour.activities import MOVING, Activity
from graphql_api.behaviour.gait_simulator import day_plan
from graphql_api.behaviour.timeline import (
    ClassifiedWindow,
    day_timeline,
    merge_segments,
    summarize_day,
)

HELSINKI = "Europe/Helsinki"
UTC = dt.UTC


def _windows(start: dt.datetime, plan, confidence=0.9, hop=1.0):
    """2 s windows every ``hop`` seconds for a plan of (activity, seconds)."""
    windows, elapsed = [], 0.0
    for activity, seconds in plan:
        count = round((elapsed + seconds) / hop) - round(elapsed / hop)
        for index in range(count):
            at = start + dt.timedelta(seconds=(round(elapsed / hop) + index) * hop)
            windows.append(ClassifiedWindow(at, at + dt.timedelta(seconds=2), activity, confidence))
        elapsed += seconds
    return windows


class TestMerging:
    def test_consecutive_windows_of_one_activity_become_one_segment(self):
        # given
        start = dt.datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
        windows = _windows(start, [(Activity.WALK, 600), (Activity.RUN, 120), (Activity.REST, 300)])
        # when
        segments = merge_segments(windows, HELSINKI)
        # then
        assert [(s.activity, round(s.minutes, 2)) for s in segments] == [
            (Activity.WALK, 10.0),
            (Activity.RUN, 2.0),
            (Activity.REST, 5.02),
        ]
        assert segments[0].end == segments[1].start
        assert segments[0].confidence == pytest.approx(0.9)

    def test_a_one_window_flicker_is_smoothed_away_and_lowers_confidence(self):
        # given
        start = dt.datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
        windows = _windows(start, [(Activity.WALK, 30), (Activity.PLAY, 1), (Activity.WALK, 30)])
        # when
        segments = merge_segments(windows, HELSINKI)
        # then
        assert [s.activity for s in segments] == [Activity.WALK]
        assert segments[0].confidence == pytest.approx(0.9 * 60 / 61, abs=1e-3)

    def test_a_gap_without_data_ends_a_segment(self):
        # given
        start = dt.datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
        later = start + dt.timedelta(minutes=30)
        windows = _windows(start, [(Activity.WALK, 60)]) + _windows(later, [(Activity.WALK, 60)])
        # when
        segments = merge_segments(windows, HELSINKI)
        # then
        assert len(segments) == 2
        assert segments[1].start == later


class TestSleep:
    def test_a_long_rest_at_local_night_is_sleep_and_a_nap_is_rest(self):
        # given: Helsinki is UTC+3 in June; 19:00-20:00 UTC is 22:00-23:00 local
        evening = dt.datetime(2026, 6, 1, 19, 0, tzinfo=UTC)
        nap = dt.datetime(2026, 6, 2, 10, 0, tzinfo=UTC)
        windows = _windows(evening, [(Activity.REST, 3600)], hop=10.0) + _windows(
            nap, [(Activity.REST, 3600)], hop=10.0
        )
        # when
        segments = merge_segments(windows, HELSINKI)
        # then
        assert [s.activity for s in segments] == [Activity.SLEEP, Activity.REST]

    def test_only_the_night_part_of_a_rest_becomes_sleep(self):
        # given: 20:00-22:00 local rest; night starts at 21:00
        start = dt.datetime(2026, 6, 1, 17, 0, tzinfo=UTC)
        windows = _windows(start, [(Activity.REST, 7200)], hop=10.0)
        # when
        segments = merge_segments(windows, HELSINKI)
        # then
        assert [(s.activity, round(s.minutes)) for s in segments] == [
            (Activity.REST, 60),
            (Activity.SLEEP, 60),
        ]
        assert segments[1].start == dt.datetime(
            2026, 6, 1, 21, 0, tzinfo=dt.timezone(dt.timedelta(hours=3))
        )

    def test_the_same_utc_night_is_not_night_in_another_zone(self):
        # given: 19:00-20:00 UTC is 15:00-16:00 in New York
        evening = dt.datetime(2026, 6, 1, 19, 0, tzinfo=UTC)
        windows = _windows(evening, [(Activity.REST, 3600)], hop=10.0)
        # when
        segments = merge_segments(windows, "America/New_York")
        # then
        assert [s.activity for s in segments] == [Activity.REST]


class TestDays:
    def test_a_segment_over_local_midnight_is_split_between_days(self):
        # given: 23:30-00:30 local Helsinki (20:30-21:30 UTC) walking
        start = dt.datetime(2026, 6, 1, 20, 30, tzinfo=UTC)
        segments = merge_segments(_windows(start, [(Activity.WALK, 3600)], hop=10.0), HELSINKI)
        # when
        first = day_timeline(segments, dt.date(2026, 6, 1), HELSINKI)
        second = day_timeline(segments, dt.date(2026, 6, 2), HELSINKI)
        # then
        assert first.minutes[Activity.WALK] == pytest.approx(30.0)
        assert second.minutes[Activity.WALK] == pytest.approx(30.0, abs=0.2)
        assert first.active_minutes == pytest.approx(30.0)

    def test_the_day_summary_has_resting_heart_rate_from_rest_and_night_restlessness(self):
        # given: the night before 2 June (21:00-07:00 local) asleep but for 30 min of walking
        night = dt.datetime(2026, 6, 1, 18, 0, tzinfo=UTC)  # 21:00 local
        plan = [(Activity.REST, 4 * 3600), (Activity.WALK, 1800), (Activity.REST, 5.5 * 3600)]
        windows = _windows(night, plan, hop=10.0)
        asleep = night + dt.timedelta(hours=3)  # 00:00 local on 2 June
        rest_rates = [(asleep + dt.timedelta(minutes=m), 70.0) for m in range(0, 50, 5)]
        walk_rates = [(night + dt.timedelta(hours=4, minutes=m), 130.0) for m in range(0, 30, 5)]
        segments = merge_segments(windows, HELSINKI)
        # when
        summary = summarize_day(segments, dt.date(2026, 6, 2), HELSINKI, rest_rates + walk_rates)
        # then
        assert summary.resting_heart_rate == 70.0
        assert summary.night_restlessness == pytest.approx(30 / 600, abs=0.002)
        assert summary.sleep_onset_minutes == pytest.approx(-180.0)
        assert summary.sleep_minutes == pytest.approx(570.0, abs=1.0)


class TestSimulatedDay:
    def test_a_simulated_day_becomes_night_sleep_and_daytime_activity(self):
        # given: a day plan, windows labelled as planned, SLEEP handed over as plain REST
        plan = day_plan(np.random.default_rng(4))
        midnight = dt.datetime(2026, 6, 2, 0, 0, tzinfo=zoneinfo.ZoneInfo(HELSINKI))
        labelled = [(Activity.REST if a is Activity.SLEEP else a, s) for a, s in plan]
        windows = _windows(midnight.astimezone(UTC), labelled, hop=10.0)
        # when
        timeline = day_timeline(merge_segments(windows, HELSINKI), dt.date(2026, 6, 2), HELSINKI)
        # then: the planned night sleep is found again, daytime rest stays rest
        planned_sleep = sum(s for a, s in plan if a is Activity.SLEEP) / 60.0
        assert timeline.minutes[Activity.SLEEP] == pytest.approx(planned_sleep, rel=0.1)
        assert timeline.minutes[Activity.REST] > 600
        assert timeline.active_minutes == pytest.approx(
            sum(s for a, s in plan if a in MOVING) / 60.0, rel=0.05
        )
        assert sum(timeline.minutes.values()) == pytest.approx(1440.0, abs=1.0)
