"""Recommendations: rules over the health score, anomalies and the feeding plan, each with
its kind, a reason in words and the figures behind it.

| kind | when |
| --- | --- |
| VET_VISIT | a resting heart-rate finding, or a sustained (CUSUM) shift in another metric |
| MORE_ACTIVITY | the activity component is below 80 (less than 80 % of the target) |
| PORTION_CHANGE | the feeder plan changes the daily grams by 10 g and 10 % or more |
| WEIGHT_CHECK | the weight changes by more than 5 % per 30 days |
| SLEEP_ROUTINE | the sleep regularity component is below 60 |
"""

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from graphql_api.behaviour.anomalies import Finding, Method, Metric
from graphql_api.behaviour.health import HealthScore
from graphql_api.behaviour.nutrition import FeederPlan

Figure = float | int | str | None


class RecommendationKind(enum.StrEnum):
    VET_VISIT = "VET_VISIT"
    MORE_ACTIVITY = "MORE_ACTIVITY"
    PORTION_CHANGE = "PORTION_CHANGE"
    WEIGHT_CHECK = "WEIGHT_CHECK"
    SLEEP_ROUTINE = "SLEEP_ROUTINE"


@dataclass(frozen=True, slots=True)
class Recommendation:
    kind: RecommendationKind
    priority: int  # 1 first
    reason: str
    data: dict[str, Figure]


def recommend(
    health: HealthScore | None = None,
    findings: Sequence[Finding] = (),
    feeder_plan: FeederPlan | None = None,
) -> list[Recommendation]:
    found: list[Recommendation] = []
    found += _vet(findings)
    if health is not None:
        found += _from_health(health)
    if feeder_plan is not None:
        found += _portion(feeder_plan)
    return sorted(found, key=lambda r: r.priority)


def _vet(findings: Sequence[Finding]) -> list[Recommendation]:
    worrying = [
        f for f in findings if f.metric is Metric.RESTING_HEART_RATE or f.method is Method.CUSUM
    ]
    return [
        Recommendation(
            RecommendationKind.VET_VISIT,
            1,
            f"{f.message} If it goes on or comes with other signs, see a vet.",
            {
                "metric": f.metric.value,
                "method": f.method.value,
                "since": f.since.isoformat(),
                "value": f.value,
                "baselineMedian": f.baseline_median,
                "change": f.change,
                "changePercent": f.change_percent,
                "score": f.score,
            },
        )
        for f in worrying
    ]


def _component(health: HealthScore, name: str):
    return next((c for c in health.components if c.name == name and c.score is not None), None)


def _from_health(health: HealthScore) -> list[Recommendation]:
    found = []
    activity = _component(health, "activity")
    if activity is not None and activity.score < 80:
        found.append(
            Recommendation(
                RecommendationKind.MORE_ACTIVITY,
                2,
                f"{activity.explanation} A little more walking or play each day would help.",
                {
                    "activeMinutesPerDay": activity.value,
                    "target": activity.target,
                    "score": activity.score,
                },
            )
        )
    weight = _component(health, "weight")
    if weight is not None and abs(weight.value) > 5.0:
        found.append(
            Recommendation(
                RecommendationKind.WEIGHT_CHECK,
                2,
                f"{weight.explanation} Check the portions and the body condition with a vet.",
                {"percentPer30Days": weight.value, "score": weight.score},
            )
        )
    sleep = _component(health, "sleep")
    if sleep is not None and sleep.score < 60:
        found.append(
            Recommendation(
                RecommendationKind.SLEEP_ROUTINE,
                3,
                f"{sleep.explanation} Regular evening walks and bedtimes steady sleep.",
                {"onsetSdMinutes": sleep.value, "score": sleep.score},
            )
        )
    return found


def _portion(plan: FeederPlan) -> list[Recommendation]:
    old, new = plan.old_grams_per_day, plan.new_grams_per_day
    if old and (abs(new - old) < 10 or abs(new - old) < 0.1 * old):
        return []
    direction = "more" if new > old else "less"
    return [
        Recommendation(
            RecommendationKind.PORTION_CHANGE,
            2,
            f"The nutrition plan needs {plan.target_grams_per_day:.0f} g/day; the feeder gives "
            f"{old} g. Apply the plan for {new} g/day ({abs(new - old)} g {direction}).",
            {
                "oldGramsPerDay": old,
                "newGramsPerDay": new,
                "targetGramsPerDay": plan.target_grams_per_day,
            },
        )
    ]
