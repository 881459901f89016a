"""Owners' corrections of their pets' timelines: stored by time (they label the segments a
later analysis cuts), counted against the classifier per pet (the real-world evaluation set),
and used to adapt that pet's classifier (``classifiers.adapt``: the WALK/RUN heart-rate ratio
for Petty readings, the VeDBA cut points for raw acceleration).

Business rules, like ``service``: flushes, never commits. Only the pet's owner labels.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer, require_writer
from graphql_api.behaviour import analysis, features
from graphql_api.behaviour import windows as windowing
from graphql_api.behaviour.activities import Activity
from graphql_api.behaviour.analysis import DEFAULT_RUN_HEART_RATIO
from graphql_api.behaviour.classifiers import (
    Corrections,
    PettyLevelClassifier,
    PettyReading,
    adapt,
)
from graphql_api.behaviour.errors import InvalidCorrection, SegmentNotFound
from graphql_api.behaviour.models import BehaviourCorrection, BehaviourSegment
from graphql_api.behaviour.repository import (
    CollarDataRepository,
    CorrectionRepository,
    SegmentRepository,
    StateRepository,
)

ADAPT_FROM_CORRECTIONS = 50


async def correct_activity(
    session: AsyncSession,
    viewer: Viewer | None,
    segment_id: int,
    activity: Activity,
    now: dt.datetime,
) -> BehaviourSegment:
    """The owner says what the pet really did in a segment: stored (shown in the timeline,
    counted in the accuracy) and used to adapt this pet's classification."""
    viewer = require_writer(viewer)
    [segment] = await SegmentRepository(session).get_by_ids(viewer.user_id, [segment_id])
    if segment is None:
        raise SegmentNotFound(field="segmentId")
    if not isinstance(activity, Activity):
        raise InvalidCorrection("Unknown activity.", field="activity")
    corrections = CorrectionRepository(session)
    corrections.add(
        BehaviourCorrection(
            pet_id=segment.pet_id,
            started_at=segment.started_at,
            ended_at=segment.ended_at,
            predicted_activity=segment.activity,
            corrected_activity=activity,
            corrected_by=viewer.user_id,
            created_at=now,
        )
    )
    segment.corrected_activity = activity
    await corrections.flush()
    await _adapt(session, segment.pet_id, now)
    return segment


async def _adapt(session: AsyncSession, pet_id: int, now: dt.datetime) -> None:
    """Refit the pet's classifier parameters to its latest corrections (classifiers.adapt)."""
    states = StateRepository(session)
    await states.ensure([pet_id])
    state = await states.get(pet_id)
    recent = (await CorrectionRepository(session).for_pet(pet_id))[-ADAPT_FROM_CORRECTIONS:]
    data = CollarDataRepository(session)
    collars = await data.collar_ids(pet_id)
    if state is None or not recent or not collars:
        return
    start = min(c.started_at for c in recent)
    end = max(c.ended_at for c in recent)
    adaptation = dict(state.adaptation or {})
    resting = await analysis.resting_heart_rate(session, pet_id, now.date())
    petty = PettyLevelClassifier(
        resting_heart_rate=resting,
        run_heart_ratio=adaptation.get("run_heart_ratio", DEFAULT_RUN_HEART_RATIO),
    )
    readings = await data.readings_between(collars, start, end)
    pairs = [
        (PettyReading(r.activity_level, float(r.heart_rate)), label)
        for r in readings
        if (label := _label_at(recent, r.measured_at)) is not None
    ]
    adaptation["run_heart_ratio"] = adapt(petty, pairs).run_heart_ratio
    adaptation.update(await _adapted_cut_points(data, collars, recent, start, end, adaptation))
    state.adaptation = adaptation
    await states.flush()


async def _adapted_cut_points(data, collars, recent, start, end, adaptation) -> dict:
    points = await data.accel_between(collars, start, end)
    samples = windowing.accel_samples(points)
    rows, labels = [], []
    for run in windowing.runs(samples):
        extracted = windowing.run_features(run)
        if extracted is None:
            continue
        first = run[0].at
        for offset, row in zip(extracted.start_seconds, extracted.values, strict=True):
            label = _label_at(recent, first + dt.timedelta(seconds=float(offset)))
            if label is not None:
                rows.append(row)
                labels.append(label)
    if not rows:
        return {}
    cut = adapt(
        analysis.cut_points(adaptation),
        Corrections(np.array(rows).reshape(len(rows), len(features.FEATURE_NAMES)), labels),
    )
    return {
        "rest_below": cut.rest_below,
        "walk_below": cut.walk_below,
        "run_peak_share": cut.run_peak_share,
    }


def _label_at(corrections: Sequence[BehaviourCorrection], moment: dt.datetime) -> Activity | None:
    for correction in reversed(corrections):
        if correction.started_at <= moment < correction.ended_at:
            return correction.corrected_activity
    return None


@dataclass(frozen=True, slots=True)
class ClassAccuracy:
    activity: Activity
    corrections: int
    agreeing: int


@dataclass(frozen=True, slots=True)
class ClassificationAccuracy:
    """How the classifier did against the owner's labels (the real-world evaluation set)."""

    corrections: int
    agreeing: int
    corrected_minutes: float
    agreeing_minutes: float
    by_activity: list[ClassAccuracy]

    @property
    def accuracy(self) -> float | None:
        return round(self.agreeing / self.corrections, 4) if self.corrections else None

    @property
    def minute_accuracy(self) -> float | None:
        if not self.corrected_minutes:
            return None
        return round(self.agreeing_minutes / self.corrected_minutes, 4)


async def accuracy(
    session: AsyncSession, viewer: Viewer | None, pet_id: int
) -> ClassificationAccuracy:
    """Only for a pet the caller already found readable (``service.accuracy``)."""
    corrections = await CorrectionRepository(session).for_pet(pet_id)
    by_class = {activity: [0, 0] for activity in Activity}
    minutes = agreeing_minutes = 0.0
    for correction in corrections:
        length = (correction.ended_at - correction.started_at).total_seconds() / 60.0
        agrees = correction.predicted_activity == correction.corrected_activity
        by_class[correction.corrected_activity][0] += 1
        by_class[correction.corrected_activity][1] += int(agrees)
        minutes += length
        agreeing_minutes += length if agrees else 0.0
    return ClassificationAccuracy(
        corrections=len(corrections),
        agreeing=sum(agree for _, agree in by_class.values()),
        corrected_minutes=round(minutes, 2),
        agreeing_minutes=round(agreeing_minutes, 2),
        by_activity=[
            ClassAccuracy(activity, total, agree)
            for activity, (total, agree) in by_class.items()
            if total
        ],
    )
