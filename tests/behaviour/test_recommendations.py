import datetime as dt

from graphql_api.behaviour.activities import Activity
from graphql_api.behaviour.anomalies import detect
from graphql_api.behaviour.health import health_score
from graphql_api.behaviour.nutrition import FeederSlot, fit_to_feeder
from graphql_api.behaviour.recommendations import RecommendationKind, recommend
from graphql_api.behaviour.timeline import DaySummary

TODAY = dt.date(2026, 3, 1)


def _day(offset: int, active: float, heart: float) -> DaySummary:
    day = TODAY - dt.timedelta(days=offset)
    return DaySummary(day, {Activity.WALK: active}, active, heart, 0.05, 480.0, -60.0, 1440.0)


class TestRules:
    def test_an_inactive_pet_with_a_heart_rate_jump_and_a_stale_plan_gets_three_with_data(self):
        # given
        days = [_day(i, 25.0, 95.0 if i == 0 else 70.0 + (i % 3)) for i in range(29)]
        health = health_score("DOG", 4.0, 20.0, days, [], TODAY)
        findings = detect(days, TODAY)
        plan = fit_to_feeder(200.0, [FeederSlot(dt.time(8), 50, 1), FeederSlot(dt.time(18), 50, 2)])
        # when
        found = recommend(health, findings, plan)
        # then
        kinds = [r.kind for r in found]
        assert kinds == [
            RecommendationKind.VET_VISIT,
            RecommendationKind.MORE_ACTIVITY,
            RecommendationKind.PORTION_CHANGE,
        ]
        vet, activity, portion = found
        assert vet.data["metric"] == "RESTING_HEART_RATE" and vet.data["change"] > 20
        assert activity.data["activeMinutesPerDay"] == 25.0
        assert portion.data == {
            "oldGramsPerDay": 100,
            "newGramsPerDay": 200,
            "targetGramsPerDay": 200.0,
        }
        assert all(r.reason for r in found)

    def test_a_healthy_pet_on_plan_gets_none(self):
        # given
        days = [_day(i, 70.0, 70.0 + (i % 3)) for i in range(29)]
        health = health_score("DOG", 4.0, 20.0, days, [], TODAY)
        plan = fit_to_feeder(100.0, [FeederSlot(dt.time(8), 50, 1), FeederSlot(dt.time(18), 50, 2)])
        # when
        found = recommend(health, detect(days, TODAY), plan)
        # then
        assert found == []
