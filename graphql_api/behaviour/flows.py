"""Cross-line: a pet's nutrition plan written into its PETio feeder's schedules, and undone.

``apply_nutrition_plan`` computes the plan (``service.plan_for``), fits it to the feeder
(``nutrition.fit_to_feeder``: 10-160 g in 10 g steps at the feeder's existing enabled schedule
times, new schedules at default meal times only when it has none), and writes every portion
through the schedules service in the mutation's one unit of work, so the feeder's next
check-schedule poll fires the new portion. What each schedule held before is kept with the
application; ``undo_nutrition_plan`` puts it back and removes the schedules the plan created.
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer, require_writer
from graphql_api.behaviour import nutrition
from graphql_api.behaviour import service as behaviour_service
from graphql_api.behaviour.errors import (
    FeederNotForPet,
    PlanAlreadyUndone,
    PlanDoesNotFit,
    PlanNotFound,
)
from graphql_api.behaviour.models import NutritionPlanApplication
from graphql_api.behaviour.repository import PetContextRepository, PlanRepository
from graphql_api.devices.errors import DeviceNotFound
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.devices.repository import DeviceRepository
from graphql_api.pets.errors import PetNotFound
from graphql_api.pets.repository import PetRepository
from graphql_api.schedules import local_time
from graphql_api.schedules import service as schedules_service
from graphql_api.schedules.errors import NotAFeeder, ScheduleNotFound
from graphql_api.schedules.service import ScheduleData

PLAN_LABEL = "Nutrition plan"


@dataclass(frozen=True, slots=True)
class AppliedPlan:
    application: NutritionPlanApplication
    plan: behaviour_service.NutritionPlan | None
    feeder_plan: nutrition.FeederPlan | None


async def _writable_feeder(session, viewer: Viewer, feeder_id: int, pet_id: int) -> Device:
    feeder = await DeviceRepository(session).get_writable(viewer, feeder_id)
    if feeder is None:
        raise DeviceNotFound(field="feederId")
    if feeder.kind is not DeviceKind.FEEDER:
        raise NotAFeeder(field="feederId")
    if feeder.pet_id is not None and feeder.pet_id != pet_id:
        raise FeederNotForPet(field="feederId")
    return feeder


async def apply_nutrition_plan(
    session: AsyncSession, viewer: Viewer | None, pet_id: int, feeder_id: int, now: dt.datetime
) -> AppliedPlan:
    viewer = require_writer(viewer)
    pet = await PetRepository(session).get_writable(viewer, pet_id)
    if pet is None:
        raise PetNotFound(field="petId")
    feeder = await _writable_feeder(session, viewer, feeder_id, pet.id)
    zone = (await PetContextRepository(session).with_zones([pet.id]))[pet.id][1]
    plan = await behaviour_service.plan_for(session, pet, zone, now)
    slots = await behaviour_service.feeder_slots(session, feeder.id)
    fitted = nutrition.fit_to_feeder(plan.food.grams_per_day, slots)
    if fitted.unmet_grams_per_day:
        raise PlanDoesNotFit(" ".join(fitted.notes), field="feederId")
    changes = []
    for change in fitted.changes:
        schedule_id = await _write_portion(session, viewer, feeder.id, change, now)
        changes.append(
            {
                "schedule_id": schedule_id,
                "time": local_time.format_hhmm(change.time),
                "old_grams": change.old_grams,
                "new_grams": change.new_grams,
            }
        )
    repository = PlanRepository(session)
    application = repository.add(
        NutritionPlanApplication(
            pet_id=pet.id,
            feeder_id=feeder.id,
            applied_by=viewer.user_id,
            target_grams_per_day=fitted.target_grams_per_day,
            kcal_per_day=plan.food.kcal_per_day,
            changes=changes,
            notes=list(fitted.notes),
            applied_at=now,
        )
    )
    await repository.flush()
    return AppliedPlan(application, plan, fitted)


async def _write_portion(session, viewer, feeder_id: int, change, now) -> int:
    if change.slot_id is not None:
        await schedules_service.update(
            session, viewer, change.slot_id, ScheduleData(grams=change.new_grams), now
        )
        return change.slot_id
    created = await schedules_service.create(
        session,
        viewer,
        feeder_id,
        ScheduleData(
            time=local_time.format_hhmm(change.time), grams=change.new_grams, label=PLAN_LABEL
        ),
        now,
    )
    return created.id


async def undo_nutrition_plan(
    session: AsyncSession, viewer: Viewer | None, application_id: int, now: dt.datetime
) -> AppliedPlan:
    """Each schedule the plan changed gets its old portion back (if it still exists); the
    schedules it created are deleted."""
    viewer = require_writer(viewer)
    repository = PlanRepository(session)
    application = await repository.get_owned(viewer.user_id, application_id)
    if application is None:
        raise PlanNotFound(field="applicationId")
    if application.undone_at is not None:
        raise PlanAlreadyUndone(field="applicationId")
    for change in application.changes:
        try:
            if change["old_grams"] is None:
                await schedules_service.delete(session, viewer, change["schedule_id"])
            else:
                await schedules_service.update(
                    session,
                    viewer,
                    change["schedule_id"],
                    ScheduleData(grams=change["old_grams"]),
                    now,
                )
        except ScheduleNotFound:
            continue  # the owner deleted it since: nothing to restore
    application.undone_at = now
    await repository.flush()
    return AppliedPlan(application, None, None)
