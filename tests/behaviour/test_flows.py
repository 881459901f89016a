"""applyNutritionPlan's rules in process: the plan lands on the feeder's own schedule times in
10 g steps, the old portions are kept for undo, and nothing of another owner's is reachable."""

import datetime as dt

import pytest

from graphql_api.behaviour import flows as behaviour_flows
from graphql_api.behaviour.errors import (
    FeederNotForPet,
    PlanAlreadyUndone,
    PlanDoesNotFit,
    PlanNotFound,
)
from graphql_api.devices.errors import DeviceNotFound
from graphql_api.devices.models import DeviceKind
from graphql_api.pets.errors import PetNotFound
from graphql_api.schedules import service as schedules_service
from graphql_api.schedules.repository import ScheduleRepository
from graphql_api.schedules.service import ScheduleData
from tests.factories.accounts import viewer_of
from tests.factories.behaviour import dog_with_collar
from tests.factories.devices_db import create_device

NOW = dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.UTC)


async def feeder_with(session, owner, portions: dict[str, int], pet_id=None):
    feeder = await create_device(session, owner, kind=DeviceKind.FEEDER, pet_id=pet_id)
    for time, grams in portions.items():
        await schedules_service.create(
            session, viewer_of(owner), feeder.id, ScheduleData(time=time, grams=grams), NOW
        )
    return feeder


async def portions(session, feeder) -> dict[str, int]:
    schedules = await ScheduleRepository(session).list_for_device(feeder.id)
    return {s.time_of_day.strftime("%H:%M"): s.grams for s in schedules}


class TestApply:
    async def test_the_plan_replaces_the_portions_at_the_feeders_own_times(self, session, owner):
        # given: a 10 kg neutered dog (630 kcal/day, 162 g/day of a 3500 kcal/kg food)
        pet, _ = await dog_with_collar(session, owner)
        feeder = await feeder_with(session, owner, {"08:15": 30, "19:45": 40})

        # when
        applied = await behaviour_flows.apply_nutrition_plan(
            session, viewer_of(owner), pet.id, feeder.id, NOW
        )

        # then
        assert await portions(session, feeder) == {"08:15": 80, "19:45": 80}
        assert [
            (c["time"], c["old_grams"], c["new_grams"]) for c in applied.application.changes
        ] == [
            ("08:15", 30, 80),
            ("19:45", 40, 80),
        ]
        assert applied.feeder_plan.target_grams_per_day == pytest.approx(162, abs=1)

    async def test_a_feeder_without_schedules_gets_them_at_meal_times_and_undo_removes_them(
        self, session, owner
    ):
        # given
        pet, _ = await dog_with_collar(session, owner)
        feeder = await feeder_with(session, owner, {})
        applied = await behaviour_flows.apply_nutrition_plan(
            session, viewer_of(owner), pet.id, feeder.id, NOW
        )
        created = await portions(session, feeder)

        # when
        await behaviour_flows.undo_nutrition_plan(
            session, viewer_of(owner), applied.application.id, NOW
        )

        # then
        assert created == {"07:30": 80, "18:00": 80}
        assert await portions(session, feeder) == {}

    async def test_undo_restores_the_old_portions_once(self, session, owner):
        # given
        pet, _ = await dog_with_collar(session, owner)
        feeder = await feeder_with(session, owner, {"08:00": 30, "18:00": 50})
        applied = await behaviour_flows.apply_nutrition_plan(
            session, viewer_of(owner), pet.id, feeder.id, NOW
        )

        # when
        undone = await behaviour_flows.undo_nutrition_plan(
            session, viewer_of(owner), applied.application.id, NOW
        )

        # then
        assert await portions(session, feeder) == {"08:00": 30, "18:00": 50}
        assert undone.application.undone_at == NOW
        with pytest.raises(PlanAlreadyUndone):
            await behaviour_flows.undo_nutrition_plan(
                session, viewer_of(owner), applied.application.id, NOW
            )

    async def test_a_plan_too_big_for_the_schedules_is_refused_and_nothing_changes(
        self, session, owner
    ):
        # given: a 60 kg dog needs ~1200 g/day of a 1000 kcal/kg wet food: not in 2 x 160 g
        pet, _ = await dog_with_collar(session, owner, weight_kg="60", food_kcal_per_kg=1000)
        feeder = await feeder_with(session, owner, {"08:00": 30, "18:00": 50})

        # when / then
        with pytest.raises(PlanDoesNotFit, match="add a schedule"):
            await behaviour_flows.apply_nutrition_plan(
                session, viewer_of(owner), pet.id, feeder.id, NOW
            )
        assert await portions(session, feeder) == {"08:00": 30, "18:00": 50}

    async def test_a_feeder_assigned_to_another_pet_is_refused(self, session, owner):
        # given
        pet, _ = await dog_with_collar(session, owner)
        other, _ = await dog_with_collar(session, owner)
        feeder = await feeder_with(session, owner, {"08:00": 30}, pet_id=other.id)

        # when / then
        with pytest.raises(FeederNotForPet):
            await behaviour_flows.apply_nutrition_plan(
                session, viewer_of(owner), pet.id, feeder.id, NOW
            )


class TestAnotherOwner:
    async def test_cannot_apply_to_their_pet_or_with_their_feeder(self, session, owner, stranger):
        # given
        pet, _ = await dog_with_collar(session, owner)
        feeder = await feeder_with(session, owner, {"08:00": 30})
        own_pet, _ = await dog_with_collar(session, stranger)

        # when / then
        with pytest.raises(PetNotFound):
            await behaviour_flows.apply_nutrition_plan(
                session, viewer_of(stranger), pet.id, feeder.id, NOW
            )
        with pytest.raises(DeviceNotFound):
            await behaviour_flows.apply_nutrition_plan(
                session, viewer_of(stranger), own_pet.id, feeder.id, NOW
            )
        assert await portions(session, feeder) == {"08:00": 30}

    async def test_cannot_undo_their_plan(self, session, owner, stranger):
        # given
        pet, _ = await dog_with_collar(session, owner)
        feeder = await feeder_with(session, owner, {"08:00": 30})
        applied = await behaviour_flows.apply_nutrition_plan(
            session, viewer_of(owner), pet.id, feeder.id, NOW
        )

        # when / then
        with pytest.raises(PlanNotFound):
            await behaviour_flows.undo_nutrition_plan(
                session, viewer_of(stranger), applied.application.id, NOW
            )
