import datetime as dt

import pytest

from graphql_api.behaviour.activities import Activity
from graphql_api.behaviour.health import activity_target_minutes, health_score
from graphql_api.behaviour.timeline import DaySummary

TODAY = dt.date(2026, 3, 1)


def _day(offset: int, active=60.0, heart=70.0, onset=-60.0, sleep=480.0) -> DaySummary:
    day = TODAY - dt.timedelta(days=offset)
    return DaySummary(day, {Activity.WALK: active}, active, heart, 0.05, sleep, onset, 1440.0)


class TestTargets:
    def test_targets_follow_species_age_and_size(self):
        # when / then
        assert activity_target_minutes("DOG", 4.0, 20.0) == 60.0
        assert activity_target_minutes("DOG", 4.0, 30.0) == 90.0
        assert activity_target_minutes("DOG", 10.0, 30.0) == 67.5
        assert activity_target_minutes("DOG", 0.25, 5.0) == 30.0
        assert activity_target_minutes("CAT", 5.0, 4.0) == 40.0


class TestScore:
    def test_a_steady_pet_on_target_scores_100_with_every_component_shown(self):
        # given
        days = [_day(i) for i in range(28)]
        weights = [(TODAY - dt.timedelta(days=60), 20.0), (TODAY, 20.1)]
        # when
        score = health_score("DOG", 4.0, 20.0, days, weights, TODAY)
        # then
        assert score.score == 100
        assert [c.name for c in score.components] == [
            "activity",
            "resting_heart_rate",
            "sleep",
            "weight",
        ]
        assert all(c.explanation for c in score.components)
        assert score.explanation.startswith("100 = activity 100 × 0.35")

    def test_half_the_activity_target_and_a_heart_rate_rise_lower_their_components(self):
        # given: 30 of 60 minutes; resting heart rate 77 this week against 70 before
        days = [_day(i, active=30.0, heart=77.0 if i < 7 else 70.0) for i in range(28)]
        # when
        score = health_score("DOG", 4.0, 20.0, days, [], TODAY)
        # then
        parts = {c.name: c for c in score.components}
        assert parts["activity"].score == pytest.approx(50.0)
        assert parts["resting_heart_rate"].score == pytest.approx(50.0)
        assert parts["weight"].score is None
        assert "no data for weight" in score.explanation
        # weighted mean of the three with data: (50*.35 + 50*.25 + 100*.2) / .8
        assert score.score == round((50 * 0.35 + 50 * 0.25 + 100 * 0.2) / 0.8)

    def test_no_data_gives_no_score(self):
        # when
        score = health_score("CAT", 3.0, 4.0, [], [], TODAY)
        # then
        assert score.score is None
        assert all(c.score is None for c in score.components)
