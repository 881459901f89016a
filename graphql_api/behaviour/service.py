"""Behaviour analytics for owners: the analysis job's body, the daily timeline, corrections and
the accuracy they measure, anomalies, the health score, nutrition and recommendations.

Every read goes through the pet: a pet the viewer may not read is PetNotFound, so another
owner's timeline, anomalies or plan look exactly like a pet that does not exist. Corrections
are the owner's alone (staff read, never label).
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import events
from graphql_api.auth import Viewer, require_viewer
from graphql_api.behaviour import analysis, anomalies, corrections, health, nutrition, timeline
from graphql_api.behaviour import recommendations as rules
from graphql_api.behaviour.activities import MOVING, Activity
from graphql_api.behaviour.analysis import (
    AnalysisReport,
    BehaviourEvent,
)
from graphql_api.behaviour.errors import NutritionFactsMissing
from graphql_api.behaviour.models import (
    BehaviourAnomaly,
    BehaviourSegment,
)
from graphql_api.behaviour.repository import (
    AnomalyRepository,
    DayRepository,
    PetContextRepository,
    SegmentRepository,
    StateRepository,
)
from graphql_api.pets.errors import PetNotFound
from graphql_api.pets.models import Pet
from graphql_api.pets.repository import PetRepository
from graphql_api.settings import Settings

ADAPT_FROM_CORRECTIONS = 50
MEASURED_DAYS = 14
ANOMALY_DAYS = 30


# ---- the analysis job ----------------------------------------------------------------------------


async def analyse_pending(
    session: AsyncSession, settings: Settings, now: dt.datetime
) -> AnalysisReport:
    """One short batch of the incremental analysis (``analysis``): at most
    ``settings.behaviour_batch_pets`` pets whose collars sent data it has not seen. Each pet's
    state row is claimed with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL, so several API
    processes running this job analyse a pet once."""
    pet_ids = await StateRepository(session).pets_with_new_data(settings.behaviour_batch_pets)
    return await analyse_pets(session, pet_ids, now)


async def analyse_pets(
    session: AsyncSession, pet_ids: Sequence[int], now: dt.datetime
) -> AnalysisReport:
    """Analyse these pets' unseen data now; a pet another process holds is skipped."""
    states = StateRepository(session)
    report = AnalysisReport()
    if not pet_ids:
        return report
    await states.ensure(pet_ids)
    contexts = await PetContextRepository(session).with_zones(pet_ids)
    for pet_id in pet_ids:
        state = await states.claim(pet_id)
        if state is None or pet_id not in contexts:
            report.skipped += 1
            continue
        pet, zone = contexts[pet_id]
        await analysis.analyse_pet(session, pet, zone, state, now, report)
        report.pets += 1
    return report


# ---- reading a pet -------------------------------------------------------------------------------


async def _readable_pet(session, viewer: Viewer | None, pet_id: int) -> tuple[Pet, str]:
    viewer = require_viewer(viewer)
    pet = await PetRepository(session).get_readable(viewer, pet_id)
    if pet is None:
        raise PetNotFound(field="petId")
    contexts = await PetContextRepository(session).with_zones([pet.id])
    return pet, contexts[pet.id][1]


def local_today(zone: str, now: dt.datetime) -> dt.date:
    return now.astimezone(timeline.zone_of(zone)).date()


def age_years(pet: Pet, today: dt.date) -> float | None:
    if pet.birthdate is None:
        return None
    return max(0.0, (today - pet.birthdate).days / 365.25)


# ---- the daily timeline --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A stored segment as shown on one local day (clipped at its midnights)."""

    segment: BehaviourSegment
    start: dt.datetime
    end: dt.datetime

    @property
    def activity(self) -> Activity:
        """What the day counts it as: the owner's label when there is one."""
        return self.segment.corrected_activity or self.segment.activity

    @property
    def minutes(self) -> float:
        return (self.end - self.start).total_seconds() / 60.0


@dataclass(frozen=True, slots=True)
class PetTimeline:
    pet_id: int
    day: dt.date
    zone: str
    entries: list[TimelineEntry]
    minutes: dict[Activity, float]

    @property
    def active_minutes(self) -> float:
        return round(sum(self.minutes[activity] for activity in MOVING), 2)

    @property
    def covered_minutes(self) -> float:
        return round(sum(self.minutes.values()), 2)


def _day_of(pet_id: int, day: dt.date, zone: str, stored: Sequence[BehaviourSegment]):
    start, end = timeline.local_day_bounds(day, zone)
    entries = [
        TimelineEntry(segment, max(segment.started_at, start), min(segment.ended_at, end))
        for segment in stored
        if segment.pet_id == pet_id and segment.started_at < end and segment.ended_at > start
    ]
    minutes = dict.fromkeys(Activity, 0.0)
    for entry in entries:
        minutes[entry.activity] += entry.minutes
    return PetTimeline(pet_id, day, zone, entries, {k: round(v, 2) for k, v in minutes.items()})


async def timelines(
    session: AsyncSession, viewer: Viewer | None, keys: Sequence[tuple[int, dt.date]]
) -> list[PetTimeline | None]:
    """Timelines for (pet, local day) keys, None for pets the viewer may not read: three
    statements whatever the number of keys (the Pet.timeline loader's batch)."""
    if viewer is None or not keys:
        return [None] * len(keys)
    pet_ids = sorted({pet_id for pet_id, _ in keys})
    readable = await PetRepository(session).get_readable_by_ids(viewer, pet_ids)
    visible = [pet.id for pet in readable if pet is not None]
    zones = {
        pet_id: zone
        for pet_id, (_, zone) in (await PetContextRepository(session).with_zones(visible)).items()
    }
    if not zones:
        return [None] * len(keys)
    bounds = [timeline.local_day_bounds(day, zones[p]) for p, day in keys if p in zones]
    stored = await SegmentRepository(session).overlapping(
        list(zones), min(b[0] for b in bounds), max(b[1] for b in bounds)
    )
    return [
        _day_of(pet_id, day, zones[pet_id], stored) if pet_id in zones else None
        for pet_id, day in keys
    ]


async def timeline_for(
    session: AsyncSession, viewer: Viewer | None, pet_id: int, day: dt.date | None, now
) -> PetTimeline:
    """One pet's local day (today in the owner's zone when ``day`` is None)."""
    _, zone = await _readable_pet(session, viewer, pet_id)
    [found] = await timelines(session, viewer, [(pet_id, day or local_today(zone, now))])
    if found is None:
        raise PetNotFound(field="petId")
    return found


async def segments_by_ids(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[BehaviourSegment | None]:
    if viewer is None:
        return [None] * len(ids)
    owner = None if viewer.is_staff else viewer.user_id
    return await SegmentRepository(session).get_by_ids(owner, ids)


# ---- corrections --------------------------------------------------------------------------------


async def correct_activity(
    session: AsyncSession,
    viewer: Viewer | None,
    segment_id: int,
    activity: Activity,
    now: dt.datetime,
) -> BehaviourSegment:
    """The owner's label for a segment (``corrections``)."""
    return await corrections.correct_activity(session, viewer, segment_id, activity, now)


async def accuracy(
    session: AsyncSession, viewer: Viewer | None, pet_id: int
) -> corrections.ClassificationAccuracy:
    """The classifier against the owner's labels for a pet the viewer may read."""
    await _readable_pet(session, viewer, pet_id)
    return await corrections.accuracy(session, viewer, pet_id)


# ---- anomalies, health ---------------------------------------------------------------------------


async def recent_anomalies(
    session: AsyncSession, viewer: Viewer | None, pet_id: int, now: dt.datetime
) -> list[BehaviourAnomaly]:
    """The pet's anomalies of the last 30 days, newest first."""
    _, zone = await _readable_pet(session, viewer, pet_id)
    since = local_today(zone, now) - dt.timedelta(days=ANOMALY_DAYS)
    return await AnomalyRepository(session).recent(pet_id, since)


def finding_of(row: BehaviourAnomaly) -> anomalies.Finding:
    return anomalies.Finding(
        metric=anomalies.Metric(row.metric),
        method=anomalies.Method(row.method),
        day=row.day,
        since=row.since,
        value=row.value,
        baseline_median=row.baseline_median,
        baseline_days=row.baseline_days,
        change=row.change,
        change_percent=row.change_percent,
        score=row.score,
        message=row.message,
    )


async def _summaries(session, pet_id: int, today: dt.date, days: int):
    rows = await DayRepository(session).history(pet_id, today - dt.timedelta(days=days), today)
    return [analysis.summary_of(row) for row in rows]


async def health_score(
    session: AsyncSession, viewer: Viewer | None, pet_id: int, now: dt.datetime
) -> health.HealthScore:
    pet, zone = await _readable_pet(session, viewer, pet_id)
    today = local_today(zone, now)
    weight = float(pet.weight_kg) if pet.weight_kg is not None else None
    # pawgraph keeps the current weight only: one point, so no trend yet (shown as no data).
    weights = [(pet.updated_at.astimezone(timeline.zone_of(zone)).date(), weight)] if weight else []
    return health.health_score(
        pet.species.value,
        age_years(pet, today),
        weight,
        await _summaries(session, pet.id, today, 60),
        weights,
        today,
    )


# ---- nutrition and recommendations ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NutritionPlan:
    pet: Pet
    energy: nutrition.EnergyPlan
    food: nutrition.FoodPlan
    measured_days: int
    measured_minutes: dict[Activity, float]


def _facts(pet: Pet, today: dt.date) -> nutrition.PetFacts:
    if pet.weight_kg is None:
        raise NutritionFactsMissing("Set the pet's weight first.", field="petId")
    if not pet.food_kcal_per_kg:
        raise NutritionFactsMissing(
            "Set the pet's food energy (foodKcalPerKg) first.", field="petId"
        )
    return nutrition.PetFacts(
        species=pet.species.value,
        weight_kg=float(pet.weight_kg),
        age_years=age_years(pet, today),
        neutered=pet.neutered,
    )


async def measured_minutes(session, pet_id: int, today: dt.date) -> tuple[int, dict]:
    """Average minutes per day by activity over the last 14 well-covered days."""
    days = [
        day
        for day in await _summaries(session, pet_id, today, MEASURED_DAYS)
        if day.covered_minutes >= health.MIN_COVERAGE_MINUTES
    ]
    if not days:
        return 0, {}
    totals = dict.fromkeys(Activity, 0.0)
    for day in days:
        scale = 1440.0 / day.covered_minutes
        for activity, minutes in day.minutes.items():
            totals[activity] += minutes * scale
    return len(days), {activity: round(total / len(days), 1) for activity, total in totals.items()}


async def plan_for(session: AsyncSession, pet: Pet, zone: str, now: dt.datetime) -> NutritionPlan:
    today = local_today(zone, now)
    facts = _facts(pet, today)
    count, minutes = await measured_minutes(session, pet.id, today)
    try:
        energy = nutrition.energy_plan(facts, minutes or None)
        food = nutrition.food_plan(energy.mer_kcal, float(pet.food_kcal_per_kg))
    except nutrition.NutritionError as error:
        raise NutritionFactsMissing(str(error), field="petId") from error
    return NutritionPlan(pet, energy, food, count, minutes)


async def nutrition_plan(
    session: AsyncSession, viewer: Viewer | None, pet_id: int, now: dt.datetime
) -> NutritionPlan:
    pet, zone = await _readable_pet(session, viewer, pet_id)
    return await plan_for(session, pet, zone, now)


async def recommendations(
    session: AsyncSession, viewer: Viewer | None, pet_id: int, now: dt.datetime
) -> list[rules.Recommendation]:
    """Rules over the health score, the last week's anomalies and the portion the plan would
    set on the pet's feeder (its first), each with its reason and figures."""
    pet, zone = await _readable_pet(session, viewer, pet_id)
    today = local_today(zone, now)
    score = await health_score(session, viewer, pet_id, now)
    findings = [
        finding_of(row)
        for row in await AnomalyRepository(session).recent(pet.id, today - dt.timedelta(days=7))
    ]
    return rules.recommend(score, findings, await _feeder_plan(session, pet, zone, now))


async def _feeder_plan(session, pet: Pet, zone: str, now) -> nutrition.FeederPlan | None:
    feeders = await PetContextRepository(session).feeders_of(pet.id)
    if not feeders:
        return None
    try:
        plan = await plan_for(session, pet, zone, now)
    except NutritionFactsMissing:
        return None
    slots = await feeder_slots(session, feeders[0].id)
    return nutrition.fit_to_feeder(plan.food.grams_per_day, slots)


async def feeder_slots(session: AsyncSession, feeder_id: int) -> list[nutrition.FeederSlot]:
    schedules = await PetContextRepository(session).schedules_of(feeder_id)
    return [
        nutrition.FeederSlot(s.time_of_day, s.grams, s.id, s.days_mask, s.enabled)
        for s in schedules
    ]


# ---- live ----------------------------------------------------------------------------------------


async def live_channel(session: AsyncSession, viewer: Viewer | None, pet_id: int) -> str:
    """The channel a readable pet's behaviour events arrive on; PetNotFound otherwise."""
    await _readable_pet(session, viewer, pet_id)
    return events.pet_behaviour_channel(pet_id)


def event_of(message: str) -> BehaviourEvent:
    return BehaviourEvent.model_validate_json(message)
