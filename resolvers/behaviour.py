"""Behaviour analytics: a pet's timeline, corrections, anomalies, health, nutrition (and the
plan written into a feeder), recommendations, and live behaviour events."""

import datetime as dt
from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry import relay

from graphql_api.behaviour import flows as behaviour_flows
from graphql_api.behaviour import service as behaviour_service
from graphql_api.behaviour.types import (
    AppliedNutritionPlan,
    ApplyNutritionPlanInput,
    ApplyNutritionPlanPayload,
    BehaviourAnomaly,
    BehaviourEvent,
    BehaviourSegment,
    ClassificationAccuracy,
    CorrectActivityInput,
    CorrectActivityPayload,
    HealthScore,
    NutritionPlan,
    PetTimeline,
    Recommendation,
    UndoNutritionPlanInput,
    UndoNutritionPlanPayload,
)
from graphql_api.devices.types import Device
from graphql_api.execution import shared_events
from graphql_api.mutation import MutationBoundary
from graphql_api.pets.types import Pet
from graphql_api.relay import decode_id

PetId = Annotated[relay.GlobalID, strawberry.argument(description="One of your pets.")]


@strawberry.type
class BehaviourQueries:
    @strawberry.field(
        description="A pet's local day (the owner's time zone): merged segments with start, end "
        "and confidence, owner corrections, minutes per activity. Today when `date` is omitted."
    )
    async def pet_timeline(
        self,
        info: strawberry.Info,
        pet_id: PetId,
        date: Annotated[
            dt.date | None, strawberry.argument(description="The local day; default today.")
        ] = None,
    ) -> PetTimeline:
        context = info.context
        found = await behaviour_service.timeline_for(
            context.session, context.viewer, decode_id(pet_id, Pet, "petId"), date, context.now()
        )
        return PetTimeline.from_data(found)

    @strawberry.field(description="The classifier's accuracy against your corrections, per pet.")
    async def classification_accuracy(
        self, info: strawberry.Info, pet_id: PetId
    ) -> ClassificationAccuracy:
        found = await behaviour_service.accuracy(
            info.context.session, info.context.viewer, decode_id(pet_id, Pet, "petId")
        )
        return ClassificationAccuracy.from_data(found)

    @strawberry.field(description="A pet's anomalies of the last 30 days, newest first.")
    async def pet_anomalies(self, info: strawberry.Info, pet_id: PetId) -> list[BehaviourAnomaly]:
        context = info.context
        rows = await behaviour_service.recent_anomalies(
            context.session, context.viewer, decode_id(pet_id, Pet, "petId"), context.now()
        )
        return [BehaviourAnomaly.from_model(row) for row in rows]

    @strawberry.field(description="A pet's 0-100 health score with every component shown.")
    async def health_score(self, info: strawberry.Info, pet_id: PetId) -> HealthScore:
        context = info.context
        score = await behaviour_service.health_score(
            context.session, context.viewer, decode_id(pet_id, Pet, "petId"), context.now()
        )
        return HealthScore.from_data(score)

    @strawberry.field(description="A pet's daily energy and food, from its data and its food.")
    async def nutrition_plan(self, info: strawberry.Info, pet_id: PetId) -> NutritionPlan:
        context = info.context
        plan = await behaviour_service.nutrition_plan(
            context.session, context.viewer, decode_id(pet_id, Pet, "petId"), context.now()
        )
        return NutritionPlan.from_data(plan)

    @strawberry.field(description="What to do for a pet, each with its reason and data.")
    async def recommendations(self, info: strawberry.Info, pet_id: PetId) -> list[Recommendation]:
        context = info.context
        found = await behaviour_service.recommendations(
            context.session, context.viewer, decode_id(pet_id, Pet, "petId"), context.now()
        )
        return [Recommendation.from_data(item) for item in found]


@strawberry.type
class BehaviourMutations:
    @strawberry.mutation(
        description="Say what your pet really did in a timeline segment. It is shown in the "
        "timeline, counted in classificationAccuracy, and adapts this pet's classification.",
        extensions=[MutationBoundary()],
    )
    async def correct_activity(
        self, info: strawberry.Info, input: CorrectActivityInput
    ) -> CorrectActivityPayload:
        context = info.context
        segment = await behaviour_service.correct_activity(
            context.session,
            context.viewer,
            decode_id(input.segment_id, BehaviourSegment, "segmentId"),
            input.activity,
            context.now(),
        )
        return CorrectActivityPayload(segment=BehaviourSegment.from_model(segment))

    @strawberry.mutation(
        description="Write a pet's nutrition plan into a feeder's schedules, in one go: new "
        "portions (10-160 g in 10 g steps) at its existing schedule times. Undo with "
        "undoNutritionPlan.",
        extensions=[MutationBoundary()],
    )
    async def apply_nutrition_plan(
        self, info: strawberry.Info, input: ApplyNutritionPlanInput
    ) -> ApplyNutritionPlanPayload:
        context = info.context
        applied = await behaviour_flows.apply_nutrition_plan(
            context.session,
            context.viewer,
            decode_id(input.pet_id, Pet, "petId"),
            decode_id(input.feeder_id, Device, "feederId"),
            context.now(),
        )
        return ApplyNutritionPlanPayload(
            applied=AppliedNutritionPlan.from_applied(applied),
            plan=NutritionPlan.from_data(applied.plan) if applied.plan else None,
        )

    @strawberry.mutation(
        description="Put back the portions a nutrition plan replaced and remove the schedules "
        "it created.",
        extensions=[MutationBoundary()],
    )
    async def undo_nutrition_plan(
        self, info: strawberry.Info, input: UndoNutritionPlanInput
    ) -> UndoNutritionPlanPayload:
        context = info.context
        applied = await behaviour_flows.undo_nutrition_plan(
            context.session,
            context.viewer,
            decode_id(input.application_id, AppliedNutritionPlan, "applicationId"),
            context.now(),
        )
        return UndoNutritionPlanPayload(applied=AppliedNutritionPlan.from_applied(applied))


@strawberry.type
class BehaviourSubscriptions:
    @strawberry.subscription(
        description="A pet's activity changes and anomalies, as the analysis finds them, from "
        "any API process. Only its owner (and staff) may subscribe."
    )
    async def behaviour_event(
        self, info: strawberry.Info, pet_id: PetId
    ) -> AsyncGenerator[BehaviourEvent, None]:
        context = info.context
        pet_pk = decode_id(pet_id, Pet, "petId")
        channel = await context.in_short_session(
            lambda session: behaviour_service.live_channel(session, context.viewer, pet_pk)
        )
        async with context.subscribe(channel) as messages:
            async for event in shared_events(messages, _behaviour_event):
                yield event


def _behaviour_event(message: str) -> BehaviourEvent:
    # One object for every subscriber of the pet: they share its execution too.
    return BehaviourEvent.from_event(behaviour_service.event_of(message))
