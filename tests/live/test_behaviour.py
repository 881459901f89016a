"""Behaviour end to end: a Petty collar's readings over the wire, the analysis job, the
timeline and corrections over GraphQL, live behaviour events across processes, and a
nutrition plan written into a feeder whose firmware then feeds the new portion."""

import asyncio
import datetime as dt
from collections.abc import AsyncIterator

import pytest
from gql.transport.exceptions import TransportQueryError
from strawberry import relay

from firmware.feeder_unit import FeederUnit
from firmware.petio_feeder import FeederClient
from graphql_api.db import create_engine, create_sessionmaker
from graphql_api.events import EventBus
from graphql_api.jobs.registry import job_named
from graphql_api.jobs.runner import run_once
from graphql_api.settings import Settings
from graphql_api.state import AppState
from tests.factories.collar_readings import ingest, petty_reading, register_collar
from tests.factories.devices import RegisteredDevice, register_device
from tests.factories.pets import create_pet
from tests.factories.schedules import create_schedule_live
from tests.live.alerting import on, until_subscribed
from tests.live.test_owner_app_flow import feeder_loop, running
from tests.support.graphql_client import GraphQLClient, next_result

pytestmark = pytest.mark.live

PET_TIMELINE = """
query PetTimeline($petId: ID!, $date: Date) {
  petTimeline(petId: $petId, date: $date) {
    date timeZone activeMinutes
    segments { id activity correctedActivity shownActivity start end confidence source }
    minutes { activity minutes }
  }
}
"""
CORRECT_ACTIVITY = """
mutation Correct($input: CorrectActivityInput!) {
  correctActivity(input: $input) {
    segment { id activity correctedActivity shownActivity }
    userErrors { field code message }
  }
}
"""
ACCURACY = """
query Accuracy($petId: ID!) {
  classificationAccuracy(petId: $petId) {
    corrections agreeing accuracy byActivity { activity corrections agreeing recall }
  }
}
"""
BEHAVIOUR_EVENT = """
subscription Behaviour($petId: ID!) {
  behaviourEvent(petId: $petId) { petId change activity since confidence }
}
"""
APPLY_PLAN = """
mutation Apply($input: ApplyNutritionPlanInput!) {
  applyNutritionPlan(input: $input) {
    applied { id oldGramsPerDay newGramsPerDay portions { scheduleId time oldGrams newGrams } }
    plan { restingEnergyKcal kcalPerDay gramsPerDay }
    userErrors { field code message }
  }
}
"""
UNDO_PLAN = """
mutation Undo($input: UndoNutritionPlanInput!) {
  undoNutritionPlan(input: $input) {
    applied { id undoneAt portions { time oldGrams newGrams } }
    userErrors { field code message }
  }
}
"""
SCHEDULES = """
query Schedules($deviceId: ID!) {
  feedingSchedules(deviceId: $deviceId) { edges { node { time grams } } }
}
"""
WAIT_S = 20.0


def pk(global_id: str) -> int:
    return int(relay.GlobalID.from_id(global_id).node_id)


@pytest.fixture
async def analysis_job(settings: Settings, test_environment) -> AsyncIterator[AppState]:
    """What an API process runs, in the test's process: the behaviour job on the shared
    database, publishing to the shared Redis under the servers' channel prefix."""
    engine = create_engine(settings.database_url)
    bus = EventBus(test_environment.redis_url, channel_prefix=settings.event_channel_prefix)
    await bus.connect()
    job_settings = settings.model_copy(update={"behaviour_batch_pets": 1000})
    yield AppState(job_settings, engine, create_sessionmaker(engine), bus)
    await bus.disconnect()
    await engine.dispose()


async def pet_with_collar(owner: GraphQLClient) -> tuple[dict, RegisteredDevice]:
    pet = await create_pet(
        owner, "Rex", weightKg=10.0, neutered=True, birthdate="2021-05-01", foodKcalPerKg=3500
    )
    return pet, await register_collar(owner, petId=pet["id"])


def walk_after_rest(collar: RegisteredDevice, start: dt.datetime) -> dict:
    """5 minutes at rest, then 3 minutes walking, a reading every 10 s."""
    readings = []
    for index in range(48):
        at = start + dt.timedelta(seconds=10 * index)
        level, heart_rate = (0, 70) if index < 30 else (1, 95)
        readings.append(petty_reading(collar, at, activity_level=level, heart_rate=heart_rate))
    return {"readings": readings}


async def timeline_when_analysed(
    owner: GraphQLClient, pet_id: str, day: dt.date, job: AppState
) -> dict:
    """Run the job (another process may hold the pet: then it does the work) until the day
    shows segments, bounded."""

    async def poll() -> dict:
        while True:
            await run_once(job, job_named("behaviour-analysis"))
            found = await owner.execute(PET_TIMELINE, {"petId": pet_id, "date": day.isoformat()})
            if found["petTimeline"]["segments"]:
                return found["petTimeline"]
            await asyncio.sleep(0.2)

    return await asyncio.wait_for(poll(), WAIT_S)


class TestTimeline:
    async def test_readings_become_the_pets_day_and_the_owner_corrects_it(
        self, owner, analysis_job
    ):
        # given
        pet, collar = await pet_with_collar(owner)
        start = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=20)
        await ingest(owner.server, collar, walk_after_rest(collar, start))

        # when
        day = await timeline_when_analysed(owner, pet["id"], start.date(), analysis_job)
        rest, walk = day["segments"]
        corrected = await owner.execute(
            CORRECT_ACTIVITY, {"input": {"segmentId": walk["id"], "activity": "RUN"}}
        )
        accuracy = await owner.execute(ACCURACY, {"petId": pet["id"]})
        after = await owner.execute(PET_TIMELINE, {"petId": pet["id"], "date": day["date"]})

        # then
        assert (day["timeZone"], day["date"]) == ("UTC", start.date().isoformat())
        assert (rest["activity"], walk["activity"]) == ("REST", "WALK")
        assert rest["source"] == "PETTY_LEVEL" and 0 < walk["confidence"] <= 1
        assert corrected["correctActivity"] == {
            "segment": {
                "id": walk["id"],
                "activity": "WALK",
                "correctedActivity": "RUN",
                "shownActivity": "RUN",
            },
            "userErrors": [],
        }
        assert accuracy["classificationAccuracy"] == {
            "corrections": 1,
            "agreeing": 0,
            "accuracy": 0.0,
            "byActivity": [{"activity": "RUN", "corrections": 1, "agreeing": 0, "recall": 0.0}],
        }
        minutes = {m["activity"]: m["minutes"] for m in after["petTimeline"]["minutes"]}
        assert minutes["WALK"] == 0 and minutes["RUN"] > 0

    async def test_another_owner_gets_not_found_for_the_timeline_and_the_segment(
        self, owner, other_owner, analysis_job
    ):
        # given
        pet, collar = await pet_with_collar(owner)
        start = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=20)
        await ingest(owner.server, collar, walk_after_rest(collar, start))
        day = await timeline_when_analysed(owner, pet["id"], start.date(), analysis_job)

        # when
        with pytest.raises(TransportQueryError) as refused:
            await other_owner.execute(PET_TIMELINE, {"petId": pet["id"]})
        correction = await other_owner.execute(
            CORRECT_ACTIVITY,
            {"input": {"segmentId": day["segments"][0]["id"], "activity": "PLAY"}},
        )

        # then
        assert refused.value.errors[0]["extensions"]["code"] == "PET_NOT_FOUND"
        assert correction["correctActivity"]["segment"] is None
        assert [e["code"] for e in correction["correctActivity"]["userErrors"]] == [
            "SEGMENT_NOT_FOUND"
        ]


class TestBehaviourEvent:
    async def test_the_activity_change_reaches_the_other_process(
        self, owner, server_b, analysis_job, test_environment, settings
    ):
        # given
        pet, collar = await pet_with_collar(owner)
        start = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=20)
        async with on(server_b, owner).subscribe(BEHAVIOUR_EVENT, {"petId": pet["id"]}) as stream:
            first = asyncio.ensure_future(next_result(stream, WAIT_S))
            channel = f"{settings.event_channel_prefix}pet.{pk(pet['id'])}.behaviour"
            await until_subscribed(test_environment.redis_url, channel)

            # when
            await ingest(owner.server, collar, walk_after_rest(collar, start))
            await timeline_when_analysed(owner, pet["id"], start.date(), analysis_job)
            event = (await first)["behaviourEvent"]

        # then
        assert (event["petId"], event["change"], event["activity"]) == (
            pet["id"],
            "ACTIVITY_CHANGED",
            "WALK",
        )

    async def test_another_owner_cannot_subscribe(self, owner, other_owner, server_b):
        # given
        pet, _ = await pet_with_collar(owner)

        # when
        with pytest.raises(TransportQueryError) as refused:
            async with on(server_b, other_owner).subscribe(
                BEHAVIOUR_EVENT, {"petId": pet["id"]}
            ) as stream:
                await next_result(stream, WAIT_S)

        # then
        assert refused.value.errors[0]["extensions"]["code"] == "PET_NOT_FOUND"


def this_minute() -> str:
    return dt.datetime.now(dt.UTC).strftime("%H:%M")


def far_from_now() -> str:
    return (dt.datetime.now(dt.UTC) + dt.timedelta(hours=6)).strftime("%H:%M")


class TestNutritionPlanOnTheFeeder:
    async def test_the_feeder_firmware_feeds_the_new_portion_and_undo_puts_the_old_back(
        self, owner, server_b
    ):
        # given: a 10 kg neutered dog (630 kcal/day) on 3500 kcal/kg food, and a feeder with
        # 30 g at this very minute and 40 g in six hours
        pet = await create_pet(
            owner, "Rex", weightKg=10.0, neutered=True, birthdate="2021-05-01", foodKcalPerKg=3500
        )
        feeder = await register_device(owner)
        due, later = this_minute(), far_from_now()
        await create_schedule_live(owner, feeder.id, time=due, grams=30)
        await create_schedule_live(owner, feeder.id, time=later, grams=40)

        # when: the plan is applied on one process; the feeder polls the other
        result = await owner.execute(
            APPLY_PLAN, {"input": {"petId": pet["id"], "feederId": feeder.id}}
        )
        unit = FeederUnit(
            FeederClient(server_b.base_url, feeder.hardware_id, feeder.api_key),
            command_poll_s=0.3,
            schedule_poll_s=0.3,
            heartbeat_s=5.0,
            boot_mute_s=0,
        )
        with running(feeder_loop(unit)):
            await asyncio.wait_for(_fed(unit), WAIT_S)
        undone = await owner.execute(
            UNDO_PLAN,
            {"input": {"applicationId": result["applyNutritionPlan"]["applied"]["id"]}},
        )
        schedules = await owner.execute(SCHEDULES, {"deviceId": feeder.id})

        # then
        payload = result["applyNutritionPlan"]
        assert payload["userErrors"] == []
        assert payload["plan"]["restingEnergyKcal"] == pytest.approx(394, abs=1)
        assert payload["plan"]["kcalPerDay"] == pytest.approx(630, abs=1)
        assert [
            (p["time"], p["oldGrams"], p["newGrams"]) for p in payload["applied"]["portions"]
        ] == sorted([(due, 30, 80), (later, 40, 80)])
        assert (payload["applied"]["oldGramsPerDay"], payload["applied"]["newGramsPerDay"]) == (
            70,
            160,
        )
        assert ("fed", "scheduled", 80.0) in unit.events
        assert undone["undoNutritionPlan"]["userErrors"] == []
        assert sorted(
            (edge["node"]["time"], edge["node"]["grams"])
            for edge in schedules["feedingSchedules"]["edges"]
        ) == sorted([(due, 30), (later, 40)])


async def _fed(unit: FeederUnit) -> None:
    while not any(event[:2] == ("fed", "scheduled") for event in unit.events):
        await asyncio.sleep(0.1)
