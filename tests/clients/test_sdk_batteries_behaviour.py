"""Battery schedules, behaviour events and video (clients/operations/batteries.graphql,
behaviour.graphql, media.graphql) through the generated SDK, live. A behaviour event is caused
for real (collar readings, the analysis job). No schedule provider runs here: the battery tests
cover what an owner and staff get for a battery nothing was fetched for, that the owner's
subscription is accepted (the server subscribes in Redis) and who is refused."""

import asyncio
import contextlib
import secrets
from datetime import UTC, datetime, timedelta

import pytest
from pawgraph_client import CreatePetInput, FetchBatteryScheduleInput, RegisterDeviceInput
from pawgraph_client.enums import Activity, BehaviourChange, DeviceKind, ErrorCode, Species
from pawgraph_client.exceptions import GraphQLClientGraphQLMultiError

from graphql_api import events
from graphql_api.auth import Role
from graphql_api.jobs.registry import job_named
from graphql_api.jobs.runner import run_once
from tests.clients.test_sdk import EVENT_TIMEOUT_S, register_feeder, signed_in
from tests.clients.test_sdk_admin import signed_in_as
from tests.clients.test_sdk_screens import listen, pk_of
from tests.factories.collar_readings import collar_hardware_id, ingest
from tests.factories.devices import RegisteredDevice
from tests.live.alerting import until_subscribed
from tests.live.test_behaviour import analysis_job, walk_after_rest  # noqa: F401 (a fixture)


async def register(client, kind: DeviceKind, prefix: str, pet_id: str | None = None):
    registered = (
        await client.register_device(
            RegisterDeviceInput(
                kind=kind, name=kind.value, hardware_id=prefix + secrets.token_hex(4), pet_id=pet_id
            )
        )
    ).register_device
    assert registered.user_errors == []
    return registered.device


async def ended_without_an_event(stream) -> bool:
    """A refused subscription: the SDK's stream ends (it drops the error payload)."""
    try:
        await asyncio.wait_for(anext(stream), EVENT_TIMEOUT_S)
    except StopAsyncIteration:
        return True
    return False


async def stop(stream, pending) -> None:
    pending.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await pending
    await stream.aclose()


class TestBatterySchedules:
    async def test_an_owner_reads_no_schedule_yet_and_may_not_fetch_or_read_the_archive(
        self, server_a
    ):
        async with signed_in(server_a) as owner, signed_in(server_a) as stranger:
            # given
            battery = await register(owner, DeviceKind.BATTERY, "max300-")
            today = datetime.now(UTC).date()
            # when
            schedule = (
                await owner.battery_schedule(device_id=battery.id, date=today)
            ).battery_schedule
            timeline = (
                await owner.battery_schedule_timeline(message_id="unknown-" + secrets.token_hex(4))
            ).battery_schedule_timeline
            fetch = (
                await owner.fetch_battery_schedule(FetchBatteryScheduleInput(device_id=battery.id))
            ).fetch_battery_schedule
            with pytest.raises(GraphQLClientGraphQLMultiError) as archive:
                await owner.schedule_archive(device_id=battery.id)
            with pytest.raises(GraphQLClientGraphQLMultiError) as theirs:
                await stranger.battery_schedule(device_id=battery.id, date=today)
            # then
            assert schedule is None and timeline is None
            assert fetch.schedule is None and fetch.outcome is None
            assert [error.code for error in fetch.user_errors] == [ErrorCode.PERMISSION_DENIED]
            assert archive.value.errors[0].extensions["code"] == "PERMISSION_DENIED"
            assert theirs.value.errors[0].extensions["code"] == "DEVICE_NOT_FOUND"

    async def test_staff_fetch_for_a_battery_without_a_provider_and_its_empty_archive(
        self, server_a, engine
    ):
        async with (
            signed_in(server_a) as owner,
            signed_in_as(server_a, engine, Role.STAFF) as staff,
        ):
            # given
            battery = await register(owner, DeviceKind.BATTERY, "max300-")
            # when
            fetch = (
                await staff.fetch_battery_schedule(FetchBatteryScheduleInput(device_id=battery.id))
            ).fetch_battery_schedule
            archive = (
                await staff.schedule_archive(device_id=battery.id, first=10)
            ).schedule_archive
            # then
            assert fetch.schedule is None
            assert [error.code for error in fetch.user_errors] == [ErrorCode.BATTERY_NOT_CONFIGURED]
            assert archive.total_count == 0 and archive.edges == []

    async def test_the_owner_subscribes_to_schedule_updates_and_a_stranger_is_refused(
        self, server_a, test_environment
    ):
        async with signed_in(server_a) as owner, signed_in(server_a) as stranger:
            # given
            battery = await register(owner, DeviceKind.BATTERY, "max300-")
            channel = events.battery_schedule_channel(pk_of(battery.id))
            # when
            theirs = stranger.battery_schedule_updated(device_id=battery.id)
            refused = await ended_without_an_event(theirs)
            mine = owner.battery_schedule_updated(device_id=battery.id)
            pending = listen(mine)
            await until_subscribed(test_environment.redis_url, channel)
            await stop(mine, pending)
            # then
            assert refused is True


class TestBehaviourEvent:
    async def test_a_walk_after_rest_reaches_the_owners_subscription(
        self,
        server_a,
        test_environment,
        analysis_job,  # noqa: F811 (the fixture imported above)
    ):
        async with signed_in(server_a) as owner:
            # given: a pet with a collar, subscribed to before its readings arrive
            pet = (
                await owner.create_pet(CreatePetInput(name="Rex", species=Species.DOG))
            ).create_pet.pet
            registered = (
                await owner.register_device(
                    RegisterDeviceInput(
                        kind=DeviceKind.COLLAR,
                        name="Collar",
                        hardware_id=collar_hardware_id(),
                        pet_id=pet.id,
                    )
                )
            ).register_device
            collar = RegisteredDevice(
                registered.device.id, registered.device.hardware_id, registered.api_key
            )
            stream = owner.behaviour_event(pet_id=pet.id)
            pending = listen(stream)
            channel = events.pet_behaviour_channel(pk_of(pet.id))
            await until_subscribed(test_environment.redis_url, channel)
            start = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=20)
            await ingest(server_a, collar, walk_after_rest(collar, start))
            # when: the analysis job runs (bounded by the event's own timeout)
            while not pending.done():
                await run_once(analysis_job, job_named("behaviour-analysis"))
                await asyncio.wait({pending}, timeout=0.2)
            event = (await pending).behaviour_event
            await stream.aclose()
            # then
            assert (event.pet_id, event.change, event.activity) == (
                pet.id,
                BehaviourChange.ACTIVITY_CHANGED,
                Activity.WALK,
            )

    async def test_the_owner_subscribes_and_a_stranger_is_refused(self, server_a, test_environment):
        async with signed_in(server_a) as owner, signed_in(server_a) as stranger:
            # given
            pet = (
                await owner.create_pet(CreatePetInput(name="Rex", species=Species.DOG))
            ).create_pet.pet
            channel = events.pet_behaviour_channel(pk_of(pet.id))
            # when
            theirs = stranger.behaviour_event(pet_id=pet.id)
            refused = await ended_without_an_event(theirs)
            mine = owner.behaviour_event(pet_id=pet.id)
            pending = listen(mine)
            await until_subscribed(test_environment.redis_url, channel)
            await stop(mine, pending)
            # then
            assert refused is True


class TestVideoStream:
    async def test_the_owners_collar_streams_a_feeder_does_not_and_a_stranger_is_refused(
        self, server_a
    ):
        async with signed_in(server_a) as owner, signed_in(server_a) as stranger:
            # given
            pet = (
                await owner.create_pet(CreatePetInput(name="Rex", species=Species.DOG))
            ).create_pet.pet
            collar = await register(owner, DeviceKind.COLLAR, "SN-", pet_id=pet.id)
            feeder = (await register_feeder(owner)).device
            # when
            stream = (await owner.video_stream(device_id=collar.id)).video_stream
            with pytest.raises(GraphQLClientGraphQLMultiError) as feeder_video:
                await owner.video_stream(device_id=feeder.id)
            with pytest.raises(GraphQLClientGraphQLMultiError) as theirs:
                await stranger.video_stream(device_id=collar.id)
            # then
            name = f"collar-{pk_of(collar.id)}"
            assert (stream.device_id, stream.stream_name) == (collar.id, name)
            assert f"/{name}/" in stream.url and stream.expires_at > datetime.now(UTC)
            assert feeder_video.value.errors[0].extensions["code"] == "VIDEO_NOT_SUPPORTED"
            assert theirs.value.errors[0].extensions["code"] == "DEVICE_NOT_FOUND"
