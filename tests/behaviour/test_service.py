"""The behaviour domain's database side, in process: incremental analysis into segments and
daily summaries, the timeline, corrections and their accuracy, anomalies raising alerts, the
health score and the nutrition plan; every read refused for another owner's pet."""

import datetime as dt
import json

import pytest
from sqlalchemy import select

from graphql_api import events
from graphql_api.alerts.models import Alert, AlertKind
from graphql_api.behaviour import gait_simulator
from graphql_api.behaviour import service as behaviour_service
from graphql_api.behaviour.activities import Activity
from graphql_api.behaviour.errors import NutritionFactsMissing, SegmentNotFound
from graphql_api.behaviour.models import BehaviourState, SegmentSource
from graphql_api.behaviour.recommendations import RecommendationKind
from graphql_api.behaviour.repository import DayRepository
from graphql_api.devices.models import DeviceKind
from graphql_api.notifications.models import Notification
from graphql_api.pets.errors import PetNotFound
from graphql_api.schedules import service as schedules_service
from graphql_api.schedules.service import ScheduleData
from graphql_api.telemetry.repository import TelemetryRepository
from tests.factories.accounts import viewer_of
from tests.factories.behaviour import dog_with_collar, store_readings
from tests.factories.devices_db import create_device

DAY = dt.date(2026, 12, 3)
MORNING = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.UTC)


def behaviour_events(session, pet_id: int) -> list[dict]:
    channel = events.pet_behaviour_channel(pet_id)
    pending = session.info.get("pawgraph.pending_events", [])
    return [json.loads(message) for name, message in pending if name == channel]


async def day_of(session, owner, pet, day=DAY):
    return await behaviour_service.timeline_for(session, viewer_of(owner), pet.id, day, NOW)


class TestAnalysis:
    async def test_readings_become_merged_segments_with_minutes_per_activity(self, session, owner):
        # given: 30 min at rest, a 20 min walk, 10 min of play
        pet, collar = await dog_with_collar(session, owner)
        await store_readings(session, collar, MORNING, [(30, 0, 70), (20, 1, 95), (10, 2, 120)])

        # when
        report = await behaviour_service.analyse_pets(session, [pet.id], NOW)
        timeline = await day_of(session, owner, pet)

        # then
        assert report.pets == 1 and report.readings == 360
        assert [entry.activity for entry in timeline.entries] == [
            Activity.REST,
            Activity.WALK,
            Activity.PLAY,
        ]
        assert timeline.minutes[Activity.REST] == pytest.approx(30, abs=0.5)
        assert timeline.minutes[Activity.WALK] == pytest.approx(20, abs=0.5)
        assert timeline.minutes[Activity.PLAY] == pytest.approx(10, abs=0.5)
        assert timeline.active_minutes == pytest.approx(30, abs=0.5)
        assert all(0 < entry.segment.confidence <= 1 for entry in timeline.entries)

    async def test_later_readings_extend_the_stored_segments_instead_of_repeating_them(
        self, session, owner
    ):
        # given
        pet, collar = await dog_with_collar(session, owner)
        ended = await store_readings(session, collar, MORNING, [(15, 0, 70)])
        await behaviour_service.analyse_pets(session, [pet.id], NOW)

        # when: ten more minutes of rest arrive, then a batch with nothing new
        await store_readings(session, collar, ended, [(10, 0, 70)])
        await behaviour_service.analyse_pets(session, [pet.id], NOW)
        again = await behaviour_service.analyse_pets(session, [pet.id], NOW)
        timeline = await day_of(session, owner, pet)

        # then
        assert [entry.activity for entry in timeline.entries] == [Activity.REST]
        assert timeline.minutes[Activity.REST] == pytest.approx(25, abs=0.5)
        assert (again.readings, again.segments) == (0, 0)

    async def test_a_long_rest_at_night_is_sleep(self, session, owner):
        # given: 22:00 to 01:00 at rest (the owner's zone is UTC)
        pet, collar = await dog_with_collar(session, owner)
        await store_readings(
            session, collar, dt.datetime(2026, 12, 2, 22, 0, tzinfo=dt.UTC), [(180, 0, 60)]
        )

        # when
        await behaviour_service.analyse_pets(session, [pet.id], NOW)
        timeline = await day_of(session, owner, pet)

        # then: the day starts at local midnight, asleep
        assert [entry.activity for entry in timeline.entries] == [Activity.SLEEP]
        assert timeline.minutes[Activity.SLEEP] == pytest.approx(60, abs=0.5)

    async def test_a_change_of_activity_is_announced_on_the_pets_channel(self, session, owner):
        # given
        pet, collar = await dog_with_collar(session, owner)
        await store_readings(session, collar, MORNING, [(10, 0, 70), (10, 2, 120)])

        # when
        await behaviour_service.analyse_pets(session, [pet.id], NOW)

        # then
        [event] = behaviour_events(session, pet.id)
        assert (event["change"], event["activity"]) == ("ACTIVITY_CHANGED", "PLAY")

    async def test_the_pending_batch_finds_the_pet_with_new_readings(
        self, session, owner, settings
    ):
        # given
        pet, collar = await dog_with_collar(session, owner)
        await store_readings(session, collar, MORNING, [(5, 0, 70)])

        # when
        await behaviour_service.analyse_pending(
            session, settings.model_copy(update={"behaviour_batch_pets": 1000}), NOW
        )

        # then
        state = (
            await session.execute(select(BehaviourState).where(BehaviourState.pet_id == pet.id))
        ).scalar_one()
        assert state.last_reading_id > 0 and state.current_activity is Activity.REST


class TestTimelineAccess:
    async def test_another_owners_pet_is_not_found(self, session, owner, stranger):
        # given
        pet, _ = await dog_with_collar(session, owner)

        # when / then
        with pytest.raises(PetNotFound):
            await day_of(session, stranger, pet)


class TestCorrections:
    async def test_the_owners_label_is_shown_counted_and_kept_through_reanalysis(
        self, session, owner
    ):
        # given: a walk the owner says was a run
        pet, collar = await dog_with_collar(session, owner)
        ended = await store_readings(session, collar, MORNING, [(10, 0, 70), (20, 1, 95)])
        await behaviour_service.analyse_pets(session, [pet.id], NOW)
        rest, walk = (await day_of(session, owner, pet)).entries

        # when: the owner corrects the walk and confirms the rest; more data arrives
        await behaviour_service.correct_activity(
            session, viewer_of(owner), walk.segment.id, Activity.RUN, NOW
        )
        await behaviour_service.correct_activity(
            session, viewer_of(owner), rest.segment.id, Activity.REST, NOW
        )
        await store_readings(session, collar, ended, [(1, 1, 95)])
        await behaviour_service.analyse_pets(session, [pet.id], NOW)
        timeline = await day_of(session, owner, pet)
        accuracy = await behaviour_service.accuracy(session, viewer_of(owner), pet.id)

        # then
        assert [e.segment.corrected_activity for e in timeline.entries] == [
            Activity.REST,
            Activity.RUN,
        ]
        assert timeline.minutes[Activity.RUN] == pytest.approx(21, abs=0.5)
        assert (accuracy.corrections, accuracy.agreeing, accuracy.accuracy) == (2, 1, 0.5)
        assert {(c.activity, c.corrections, c.agreeing) for c in accuracy.by_activity} == {
            (Activity.REST, 1, 1),
            (Activity.RUN, 1, 0),
        }

    async def test_runs_labelled_by_the_owner_adapt_the_pets_heart_rate_cut(self, session, owner):
        # given: resting heart rate 60 from past days; "active" readings at 70 bpm and at 80
        # bpm (ratio 1.33, below the default 1.45 RUN cut): both classified WALK
        pet, collar = await dog_with_collar(session, owner)
        await DayRepository(session).upsert(
            [
                {
                    "pet_id": pet.id,
                    "day": NOW.date() - dt.timedelta(days=offset),
                    "minutes": {},
                    "active_minutes": 60.0,
                    "resting_heart_rate": 60.0,
                    "night_restlessness": 0.05,
                    "sleep_minutes": 480.0,
                    "sleep_onset_minutes": -60.0,
                    "covered_minutes": 1440.0,
                    "updated_at": NOW,
                }
                for offset in range(1, 4)
            ]
        )
        await store_readings(session, collar, MORNING, [(10, 1, 70), (5, 0, 60), (10, 1, 80)])
        await behaviour_service.analyse_pets(session, [pet.id], NOW)
        slow, _, walk = (await day_of(session, owner, pet)).entries

        # when: the owner confirms the slow walk and says the faster one was a run
        await behaviour_service.correct_activity(
            session, viewer_of(owner), slow.segment.id, Activity.WALK, NOW
        )
        await behaviour_service.correct_activity(
            session, viewer_of(owner), walk.segment.id, Activity.RUN, NOW
        )

        # then
        state = (
            await session.execute(select(BehaviourState).where(BehaviourState.pet_id == pet.id))
        ).scalar_one()
        assert walk.segment.activity is Activity.WALK
        assert 70 / 60 < state.adaptation["run_heart_ratio"] <= 80 / 60

    async def test_another_owner_cannot_label_the_segment(self, session, owner, stranger):
        # given
        pet, collar = await dog_with_collar(session, owner)
        await store_readings(session, collar, MORNING, [(5, 0, 70)])
        await behaviour_service.analyse_pets(session, [pet.id], NOW)
        [entry] = (await day_of(session, owner, pet)).entries

        # when / then
        with pytest.raises(SegmentNotFound):
            await behaviour_service.correct_activity(
                session, viewer_of(stranger), entry.segment.id, Activity.PLAY, NOW
            )


def _history_row(pet_id: int, day: dt.date, resting: float) -> dict:
    return {
        "pet_id": pet_id,
        "day": day,
        "minutes": {"REST": 900.0, "WALK": 60.0},
        "active_minutes": 60.0,
        "resting_heart_rate": resting,
        "night_restlessness": 0.05,
        "sleep_minutes": 480.0,
        "sleep_onset_minutes": -60.0,
        "covered_minutes": 1440.0,
        "updated_at": NOW,
    }


class TestAnomalies:
    async def test_a_rise_in_resting_heart_rate_raises_one_alert_saying_by_how_much(
        self, session, owner
    ):
        # given: 20 days at 70 +/- 1 bpm at rest, then a morning resting at 95 bpm
        pet, collar = await dog_with_collar(session, owner)
        await DayRepository(session).upsert(
            [
                _history_row(pet.id, DAY - dt.timedelta(days=offset), 70.0 + (offset % 3 - 1))
                for offset in range(1, 21)
            ]
        )
        await store_readings(session, collar, MORNING, [(30, 0, 95)])

        # when: analysed, then analysed again with a little more data
        await behaviour_service.analyse_pets(session, [pet.id], NOW)
        await store_readings(session, collar, MORNING + dt.timedelta(minutes=30), [(1, 0, 95)])
        await behaviour_service.analyse_pets(session, [pet.id], NOW)

        # then
        anomalies = await behaviour_service.recent_anomalies(session, viewer_of(owner), pet.id, NOW)
        assert [(a.metric, a.method, a.day) for a in anomalies] == [
            ("RESTING_HEART_RATE", "ROBUST_Z", DAY)
        ]
        assert anomalies[0].change == pytest.approx(25.0, abs=1.0)
        alert = (
            await session.execute(select(Alert).where(Alert.id == anomalies[0].alert_id))
        ).scalar_one()
        assert (alert.kind, alert.device_id) == (AlertKind.ANOMALY, collar.id)
        assert "Resting heart rate" in alert.message and "Rex" in alert.message
        inbox = (
            (
                await session.execute(
                    select(Notification).where(Notification.recipient_id == owner.id)
                )
            )
            .scalars()
            .all()
        )
        assert [n.text for n in inbox] == [alert.message]
        assert [e["change"] for e in behaviour_events(session, pet.id)].count("ANOMALY") == 1

    async def test_another_owner_sees_none(self, session, owner, stranger):
        # given
        pet, _ = await dog_with_collar(session, owner)

        # when / then
        with pytest.raises(PetNotFound):
            await behaviour_service.recent_anomalies(session, viewer_of(stranger), pet.id, NOW)


class TestHealthScore:
    async def test_every_component_is_shown_with_its_explanation(self, session, owner):
        # given
        pet, _ = await dog_with_collar(session, owner)
        await DayRepository(session).upsert(
            [_history_row(pet.id, NOW.date() - dt.timedelta(days=o), 70.0) for o in range(0, 28)]
        )

        # when
        score = await behaviour_service.health_score(session, viewer_of(owner), pet.id, NOW)

        # then
        assert {c.name for c in score.components} == {
            "activity",
            "resting_heart_rate",
            "sleep",
            "weight",
        }
        assert score.score is not None and 0 <= score.score <= 100
        assert str(score.score) in score.explanation


class TestNutritionPlan:
    async def test_a_10_kg_neutered_adult_dog(self, session, owner):
        # given
        pet, _ = await dog_with_collar(session, owner, food_kcal_per_kg=3500)

        # when
        plan = await behaviour_service.nutrition_plan(session, viewer_of(owner), pet.id, NOW)

        # then
        assert plan.energy.rer_kcal == pytest.approx(394, abs=1)
        assert plan.energy.mer_kcal == pytest.approx(630, abs=1)
        assert plan.food.grams_per_day == pytest.approx(630 * 0.9 / 3.5, abs=1)
        assert plan.measured_days == 0

    async def test_without_the_foods_energy_it_says_what_is_missing(self, session, owner):
        # given
        pet, _ = await dog_with_collar(session, owner, food_kcal_per_kg=None)

        # when / then
        with pytest.raises(NutritionFactsMissing, match="foodKcalPerKg"):
            await behaviour_service.nutrition_plan(session, viewer_of(owner), pet.id, NOW)

    async def test_another_owners_pet_is_not_found(self, session, owner, stranger):
        # given
        pet, _ = await dog_with_collar(session, owner)

        # when / then
        with pytest.raises(PetNotFound):
            await behaviour_service.nutrition_plan(session, viewer_of(stranger), pet.id, NOW)


class TestRawAcceleration:
    async def test_accel_points_of_a_collar_are_classified_in_windows_and_win_over_levels(
        self, session, owner
    ):
        # given: 2 min lying, then 2 min walking, sent as accel_x/y/z points at 25 Hz (as the
        # Hetri MQTT ingest stores them), and Petty levels for the same time saying "play"
        pet, collar = await dog_with_collar(session, owner)
        animal = gait_simulator.random_animals(1, seed=5)[0]
        recording = gait_simulator.simulate_session(
            animal, [(Activity.REST, 120), (Activity.WALK, 120)], seed=5, sample_rate=25.0
        )
        rows = []
        for index, (x, y, z) in enumerate(recording.samples):
            at = MORNING + dt.timedelta(seconds=index / 25.0)
            for key, value in (("accel_x", x), ("accel_y", y), ("accel_z", z)):
                rows.append(
                    {
                        "device_id": collar.id,
                        "key": key,
                        "value": float(value),
                        "device_time": at,
                        "received_at": at,
                    }
                )
        for index in range(0, len(rows), 5000):
            await TelemetryRepository(session).insert_points(rows[index : index + 5000])
        await store_readings(session, collar, MORNING, [(4, 2, 120)])

        # when
        await behaviour_service.analyse_pets(session, [pet.id], NOW)
        timeline = await day_of(session, owner, pet)

        # then
        assert {entry.segment.source for entry in timeline.entries} == {SegmentSource.ACCELERATION}
        assert timeline.minutes[Activity.PLAY] == 0
        assert timeline.minutes[Activity.REST] == pytest.approx(2, abs=0.3)
        assert timeline.minutes[Activity.WALK] == pytest.approx(2, abs=0.3)


class TestRecommendations:
    async def test_a_feeder_far_from_the_plan_and_an_anomaly_each_give_one_with_its_data(
        self, session, owner
    ):
        # given: a feeder of the dog's at 2 x 30 g (the plan wants ~160 g/day) and a resting
        # heart-rate anomaly yesterday
        pet, collar = await dog_with_collar(session, owner)
        feeder = await create_device(session, owner, kind=DeviceKind.FEEDER, pet_id=pet.id)
        for time in ("08:00", "18:00"):
            await schedules_service.create(
                session, viewer_of(owner), feeder.id, ScheduleData(time=time, grams=30), NOW
            )
        await DayRepository(session).upsert(
            [
                _history_row(pet.id, DAY - dt.timedelta(days=offset), 70.0 + (offset % 3 - 1))
                for offset in range(1, 21)
            ]
        )
        await store_readings(session, collar, MORNING, [(30, 0, 95)])
        await behaviour_service.analyse_pets(session, [pet.id], NOW)

        # when
        found = await behaviour_service.recommendations(session, viewer_of(owner), pet.id, NOW)

        # then
        kinds = [item.kind for item in found]
        assert RecommendationKind.VET_VISIT in kinds
        assert RecommendationKind.PORTION_CHANGE in kinds
        portion = next(i for i in found if i.kind is RecommendationKind.PORTION_CHANGE)
        assert portion.reason and portion.data

    @pytest.mark.parametrize(
        "read", [behaviour_service.health_score, behaviour_service.recommendations]
    )
    async def test_another_owners_pet_is_not_found(self, session, owner, stranger, read):
        # given
        pet, _ = await dog_with_collar(session, owner)

        # when / then
        with pytest.raises(PetNotFound):
            await read(session, viewer_of(stranger), pet.id, NOW)
