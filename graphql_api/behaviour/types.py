import datetime as dt

import strawberry
from strawberry import relay

from graphql_api.alerts.types import Alert
from graphql_api.behaviour import health
from graphql_api.behaviour.activities import Activity as ActivityEnum
from graphql_api.behaviour.analysis import BehaviourChange as BehaviourChangeEnum
from graphql_api.behaviour.analysis import BehaviourEvent as BehaviourEventData
from graphql_api.behaviour.anomalies import Method as MethodEnum
from graphql_api.behaviour.anomalies import Metric as MetricEnum
from graphql_api.behaviour.corrections import ClassificationAccuracy as AccuracyData
from graphql_api.behaviour.flows import AppliedPlan
from graphql_api.behaviour.models import BehaviourAnomaly as AnomalyModel
from graphql_api.behaviour.models import BehaviourSegment as SegmentModel
from graphql_api.behaviour.models import SegmentSource as SegmentSourceEnum
from graphql_api.behaviour.recommendations import Recommendation as RecommendationData
from graphql_api.behaviour.recommendations import RecommendationKind as RecommendationKindEnum
from graphql_api.behaviour.service import (
    NutritionPlan as NutritionPlanData,
)
from graphql_api.behaviour.service import PetTimeline as PetTimelineData
from graphql_api.behaviour.service import TimelineEntry
from graphql_api.devices.types import Device
from graphql_api.payloads import Payload
from graphql_api.relay import load_nodes

Activity = strawberry.enum(
    ActivityEnum, description="What a pet was doing: SLEEP is a long rest at night."
)
SegmentSource = strawberry.enum(
    SegmentSourceEnum,
    description="What a segment was classified from: a Petty collar's reported activity level "
    "and heart rate, or raw 3-axis acceleration in 2 s windows.",
)
AnomalyMetric = strawberry.enum(MetricEnum, description="What an anomaly is about.")
AnomalyMethod = strawberry.enum(
    MethodEnum,
    description="ROBUST_Z: one day far from the pet's baseline (median/MAD); CUSUM: a sustained "
    "shift over several days.",
)
BehaviourChange = strawberry.enum(BehaviourChangeEnum, description="What a behaviour event says.")
RecommendationKind = strawberry.enum(RecommendationKindEnum, description="What is recommended.")


@strawberry.type(description="A stretch of one activity in a pet's timeline.")
class BehaviourSegment(relay.Node):
    id: relay.NodeID[int]
    activity: Activity = strawberry.field(description="What the classifier says it was.")
    corrected_activity: Activity | None = strawberry.field(
        description="What the owner says it was (correctActivity); null if not corrected."
    )
    shown_activity: Activity = strawberry.field(
        description="What the timeline counts: the owner's label when there is one."
    )
    start: dt.datetime = strawberry.field(
        description="Start, clipped to the day shown (a segment may run over midnight)."
    )
    end: dt.datetime = strawberry.field(description="End (exclusive), clipped to the day shown.")
    started_at: dt.datetime = strawberry.field(description="Start of the whole segment.")
    ended_at: dt.datetime = strawberry.field(description="End of the whole segment.")
    minutes: float = strawberry.field(description="Length of [start, end) in minutes.")
    confidence: float = strawberry.field(
        description="0-1: the share of its windows the classifier put in this activity, "
        "weighted by how sure it was."
    )
    source: SegmentSource = strawberry.field(description="What it was classified from.")

    @classmethod
    def from_model(
        cls, segment: SegmentModel, start: dt.datetime | None = None, end: dt.datetime | None = None
    ) -> "BehaviourSegment":
        start, end = start or segment.started_at, end or segment.ended_at
        return cls(
            id=segment.id,
            activity=segment.activity,
            corrected_activity=segment.corrected_activity,
            shown_activity=segment.corrected_activity or segment.activity,
            start=start,
            end=end,
            started_at=segment.started_at,
            ended_at=segment.ended_at,
            minutes=round((end - start).total_seconds() / 60.0, 2),
            confidence=segment.confidence,
            source=segment.source,
        )

    @classmethod
    def from_entry(cls, entry: TimelineEntry) -> "BehaviourSegment":
        return cls.from_model(entry.segment, entry.start, entry.end)

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(
            info.context.loaders.behaviour_segment_by_id, node_ids, cls.from_model
        )


@strawberry.type(description="Minutes spent in one activity.")
class ActivityMinutes:
    activity: Activity = strawberry.field(description="The activity.")
    minutes: float = strawberry.field(description="Minutes.")


def _minutes(minutes: dict) -> list[ActivityMinutes]:
    return [ActivityMinutes(activity=a, minutes=m) for a, m in minutes.items()]


@strawberry.type(description="A pet's local day: its segments and minutes per activity.")
class PetTimeline:
    date: dt.date = strawberry.field(description="The local day, in the owner's time zone.")
    time_zone: str = strawberry.field(description="The owner's time zone the day is in.")
    segments: list[BehaviourSegment] = strawberry.field(
        description="Merged segments in time order, with start, end and confidence."
    )
    minutes: list[ActivityMinutes] = strawberry.field(
        description="Minutes per activity (owner's corrections count as corrected)."
    )
    active_minutes: float = strawberry.field(description="Minutes of walk, run and play.")
    covered_minutes: float = strawberry.field(
        description="Minutes with collar data; the rest of the day is unknown, not rest."
    )

    @classmethod
    def from_data(cls, data: PetTimelineData) -> "PetTimeline":
        return cls(
            date=data.day,
            time_zone=data.zone,
            segments=[BehaviourSegment.from_entry(entry) for entry in data.entries],
            minutes=_minutes(data.minutes),
            active_minutes=data.active_minutes,
            covered_minutes=data.covered_minutes,
        )


@strawberry.type(description="Classifier accuracy for one activity, by the owner's labels.")
class ActivityAccuracy:
    activity: Activity = strawberry.field(description="The activity the owner labelled.")
    corrections: int = strawberry.field(description="Segments the owner labelled so.")
    agreeing: int = strawberry.field(description="Of them, the classifier had it right.")
    recall: float = strawberry.field(description="agreeing / corrections.")


@strawberry.type(
    description="The classifier against the owner's corrections: the real-world evaluation set "
    "for this pet (a confirmation counts as an agreeing correction)."
)
class ClassificationAccuracy:
    corrections: int = strawberry.field(description="Segments the owner labelled.")
    agreeing: int = strawberry.field(description="Labels that matched the classifier.")
    accuracy: float | None = strawberry.field(
        description="agreeing / corrections; null before any correction."
    )
    corrected_minutes: float = strawberry.field(description="Minutes the owner labelled.")
    minute_accuracy: float | None = strawberry.field(
        description="Share of labelled minutes the classifier had right."
    )
    by_activity: list[ActivityAccuracy] = strawberry.field(
        description="Per activity the owner labelled."
    )

    @classmethod
    def from_data(cls, data: AccuracyData) -> "ClassificationAccuracy":
        return cls(
            corrections=data.corrections,
            agreeing=data.agreeing,
            accuracy=data.accuracy,
            corrected_minutes=data.corrected_minutes,
            minute_accuracy=data.minute_accuracy,
            by_activity=[
                ActivityAccuracy(
                    activity=item.activity,
                    corrections=item.corrections,
                    agreeing=item.agreeing,
                    recall=round(item.agreeing / item.corrections, 4),
                )
                for item in data.by_activity
            ],
        )


@strawberry.type(description="A change in a pet against its own recent baseline.")
class BehaviourAnomaly:
    day: dt.date = strawberry.field(description="The local day it was found on.")
    since: dt.date = strawberry.field(description="When the change began (CUSUM), else the day.")
    metric: AnomalyMetric = strawberry.field(description="What changed.")
    method: AnomalyMethod = strawberry.field(description="How it was found.")
    value: float = strawberry.field(description="The day's value (or the mean since the shift).")
    baseline_median: float = strawberry.field(description="The pet's baseline median.")
    baseline_days: int = strawberry.field(description="Days the baseline was taken over.")
    change: float = strawberry.field(description="value - baseline median.")
    change_percent: float | None = strawberry.field(description="The change in percent.")
    score: float = strawberry.field(description="Robust z-score, or the CUSUM sum.")
    message: str = strawberry.field(description="What changed and by how much, in words.")
    alert_id: strawberry.Private[int | None]

    @classmethod
    def from_model(cls, row: AnomalyModel) -> "BehaviourAnomaly":
        return cls(
            day=row.day,
            since=row.since,
            metric=MetricEnum(row.metric),
            method=MethodEnum(row.method),
            value=row.value,
            baseline_median=row.baseline_median,
            baseline_days=row.baseline_days,
            change=row.change,
            change_percent=row.change_percent,
            score=row.score,
            message=row.message,
            alert_id=row.alert_id,
        )

    @strawberry.field(description="The ANOMALY alert it raised, if it raised one.")
    async def alert(self, info: strawberry.Info) -> Alert | None:
        if self.alert_id is None:
            return None
        alert = await info.context.loaders.alert_by_id.load(self.alert_id)
        return Alert.from_model(alert) if alert else None


@strawberry.type(description="One part of the health score, with what it was measured against.")
class HealthComponent:
    name: str = strawberry.field(description="activity, resting_heart_rate, sleep or weight.")
    weight: float = strawberry.field(description="Its weight in the score.")
    score: float | None = strawberry.field(description="0-100; null when there is no data.")
    value: float | None = strawberry.field(description="The measured value.")
    target: str = strawberry.field(description="What the value is compared with.")
    explanation: str = strawberry.field(description="How the score follows, in words.")


@strawberry.type(description="A 0-100 health score and every component it is made of.")
class HealthScore:
    score: int | None = strawberry.field(description="0-100; null when no component has data.")
    explanation: str = strawberry.field(description="The arithmetic behind the score.")
    components: list[HealthComponent] = strawberry.field(description="Its components.")

    @classmethod
    def from_data(cls, data: health.HealthScore) -> "HealthScore":
        return cls(
            score=data.score,
            explanation=data.explanation,
            components=[
                HealthComponent(
                    name=c.name,
                    weight=c.weight,
                    score=None if c.score is None else round(c.score, 1),
                    value=c.value,
                    target=c.target,
                    explanation=c.explanation,
                )
                for c in data.components
            ],
        )


@strawberry.type(
    description="Daily energy and food for a pet: RER = 70·kg^0.75, MER = factor × RER adjusted "
    "by the activity measured, grams from the food's kcal/kg with up to 10 % kept for treats."
)
class NutritionPlan:
    resting_energy_kcal: float = strawberry.field(description="RER, kcal/day.")
    factor: float = strawberry.field(description="The MER factor used.")
    factor_reason: str = strawberry.field(description="Why this factor (species, age, neuter).")
    base_maintenance_kcal: float = strawberry.field(description="factor × RER, kcal/day.")
    activity_adjustment_kcal: float = strawberry.field(
        description="kcal/day added or taken for the activity measured (±20 % at most)."
    )
    activity_reason: str = strawberry.field(description="How the adjustment was reached.")
    kcal_per_day: float = strawberry.field(description="MER: the daily energy to feed.")
    treat_kcal: float = strawberry.field(description="Kept for treats (10 %).")
    food_kcal: float = strawberry.field(description="From the food.")
    food_kcal_per_kg: float = strawberry.field(description="The food's energy, kcal/kg.")
    grams_per_day: float = strawberry.field(description="Food per day, grams.")
    grams_per_meal: list[float] = strawberry.field(description="Split into meals.")
    measured_days: int = strawberry.field(
        description="Days of collar data behind the activity adjustment (last 14)."
    )
    measured_minutes: list[ActivityMinutes] = strawberry.field(
        description="Average minutes per day by activity over those days."
    )

    @classmethod
    def from_data(cls, data: NutritionPlanData) -> "NutritionPlan":
        energy, food = data.energy, data.food
        return cls(
            resting_energy_kcal=energy.rer_kcal,
            factor=energy.factor,
            factor_reason=energy.factor_reason,
            base_maintenance_kcal=energy.base_mer_kcal,
            activity_adjustment_kcal=energy.activity_adjustment_kcal,
            activity_reason=energy.activity_reason,
            kcal_per_day=energy.mer_kcal,
            treat_kcal=food.treat_kcal,
            food_kcal=food.food_kcal,
            food_kcal_per_kg=food.kcal_per_kg_food,
            grams_per_day=food.grams_per_day,
            grams_per_meal=list(food.grams_per_meal),
            measured_days=data.measured_days,
            measured_minutes=_minutes(data.measured_minutes),
        )


@strawberry.type(description="One feeder schedule as a nutrition plan set it.")
class FeederPortion:
    schedule_id: relay.GlobalID = strawberry.field(description="The FeedingSchedule.")
    time: str = strawberry.field(description="Its local time, HH:MM (kept as it was).")
    old_grams: int | None = strawberry.field(
        description="Its portion before the plan; null for a schedule the plan created."
    )
    new_grams: int = strawberry.field(description="The portion the plan set (10-160 g).")


@strawberry.type(description="A nutrition plan written into a feeder's schedules.")
class AppliedNutritionPlan:
    id: relay.GlobalID = strawberry.field(
        description="Pass it to undoNutritionPlan to restore the old portions."
    )
    applied_at: dt.datetime = strawberry.field(description="When it was applied.")
    undone_at: dt.datetime | None = strawberry.field(description="When it was undone, if it was.")
    target_grams_per_day: float = strawberry.field(description="What the plan asked for.")
    kcal_per_day: float = strawberry.field(description="The plan's daily energy.")
    old_grams_per_day: int = strawberry.field(description="Scheduled per day before.")
    new_grams_per_day: int = strawberry.field(description="Scheduled per day by the plan.")
    portions: list[FeederPortion] = strawberry.field(description="Old and new, per schedule.")
    notes: list[str] = strawberry.field(description="What the fit had to compromise on.")
    feeder_id: strawberry.Private[int]

    @classmethod
    def from_applied(cls, applied: AppliedPlan) -> "AppliedNutritionPlan":
        row = applied.application
        return cls(
            id=relay.GlobalID("AppliedNutritionPlan", str(row.id)),
            applied_at=row.applied_at,
            undone_at=row.undone_at,
            target_grams_per_day=row.target_grams_per_day,
            kcal_per_day=row.kcal_per_day,
            old_grams_per_day=sum(c["old_grams"] or 0 for c in row.changes),
            new_grams_per_day=sum(c["new_grams"] for c in row.changes),
            portions=[
                FeederPortion(
                    schedule_id=relay.GlobalID("FeedingSchedule", str(c["schedule_id"])),
                    time=c["time"],
                    old_grams=c["old_grams"],
                    new_grams=c["new_grams"],
                )
                for c in row.changes
            ],
            notes=list(row.notes),
            feeder_id=row.feeder_id,
        )

    @strawberry.field(description="The feeder it was written to.")
    async def feeder(self, info: strawberry.Info) -> Device | None:
        device = await info.context.loaders.device_by_id.load(self.feeder_id)
        return Device.from_model(device) if device else None


@strawberry.type(description="A figure a recommendation rests on.")
class RecommendationFigure:
    name: str = strawberry.field(description="What it is.")
    value: str | None = strawberry.field(description="Its value, as text.")


@strawberry.type(description="Something to do for the pet, with its reason and its data.")
class Recommendation:
    kind: RecommendationKind = strawberry.field(description="What is recommended.")
    priority: int = strawberry.field(description="1 first.")
    reason: str = strawberry.field(description="Why, in words.")
    data: list[RecommendationFigure] = strawberry.field(description="The figures behind it.")

    @classmethod
    def from_data(cls, data: RecommendationData) -> "Recommendation":
        return cls(
            kind=data.kind,
            priority=data.priority,
            reason=data.reason,
            data=[
                RecommendationFigure(name=name, value=None if value is None else str(value))
                for name, value in data.data.items()
            ],
        )


@strawberry.type(description="A pet's activity changed, or an anomaly was found.")
class BehaviourEvent:
    pet_id: relay.GlobalID = strawberry.field(description="The pet.")
    change: BehaviourChange = strawberry.field(description="What happened.")
    activity: Activity | None = strawberry.field(description="ACTIVITY_CHANGED: the activity now.")
    since: dt.datetime | None = strawberry.field(description="ACTIVITY_CHANGED: since when.")
    confidence: float | None = strawberry.field(description="ACTIVITY_CHANGED: how sure, 0-1.")
    metric: AnomalyMetric | None = strawberry.field(description="ANOMALY: what changed.")
    message: str | None = strawberry.field(description="ANOMALY: what changed and by how much.")

    @classmethod
    def from_event(cls, event: BehaviourEventData) -> "BehaviourEvent":
        return cls(
            pet_id=relay.GlobalID("Pet", str(event.pet_id)),
            change=event.change,
            activity=event.activity,
            since=event.since,
            confidence=event.confidence,
            metric=MetricEnum(event.metric) if event.metric else None,
            message=event.message,
        )


@strawberry.input(description="The owner's label for one segment of their pet's timeline.")
class CorrectActivityInput:
    segment_id: relay.GlobalID = strawberry.field(description="The BehaviourSegment.")
    activity: Activity = strawberry.field(description="What the pet really did.")


@strawberry.input(description="Write a pet's nutrition plan into one of the viewer's feeders.")
class ApplyNutritionPlanInput:
    pet_id: relay.GlobalID = strawberry.field(description="The pet.")
    feeder_id: relay.GlobalID = strawberry.field(
        description="A feeder of the viewer's, unassigned or assigned to this pet."
    )


@strawberry.input(description="Restore the portions a nutrition plan replaced.")
class UndoNutritionPlanInput:
    application_id: relay.GlobalID = strawberry.field(description="The AppliedNutritionPlan's id.")


@strawberry.type(description="Result of correctActivity.")
class CorrectActivityPayload(Payload):
    segment: BehaviourSegment | None = strawberry.field(
        default=None, description="The segment with the owner's label."
    )


@strawberry.type(description="Result of applyNutritionPlan.")
class ApplyNutritionPlanPayload(Payload):
    applied: AppliedNutritionPlan | None = strawberry.field(
        default=None, description="Old and new portions per schedule."
    )
    plan: NutritionPlan | None = strawberry.field(default=None, description="The plan applied.")


@strawberry.type(description="Result of undoNutritionPlan.")
class UndoNutritionPlanPayload(Payload):
    applied: AppliedNutritionPlan | None = strawberry.field(
        default=None, description="The plan, now undone; its old portions are back."
    )
