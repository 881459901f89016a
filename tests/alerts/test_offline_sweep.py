import asyncio
import datetime as dt

import pytest

from graphql_api import events
from graphql_api.alerts import flows as alerts_flows
from graphql_api.alerts.models import AlertKind
from graphql_api.db import utcnow
from graphql_api.devices import flows as device_flows
from graphql_api.devices.models import DeviceKind
from graphql_api.devices.service import DeviceStatusEvent
from graphql_api.jobs.registry import job_named
from graphql_api.jobs.runner import run_once
from graphql_api.unit_of_work import dispatch, unit_of_work
from tests.alerts.conftest import open_alert_count
from tests.factories.accounts import create_user
from tests.factories.devices_db import create_device


def _seen(device, ago: dt.timedelta, now: dt.datetime) -> None:
    device.online = True
    device.last_seen_at = now - ago


class TestMarkSilentDevicesOffline:
    async def test_a_feeder_silent_past_90_seconds_goes_offline_with_an_alert(
        self, session, settings, feeder
    ):
        # given
        now = utcnow()
        _seen(feeder, dt.timedelta(seconds=91), now)
        await session.flush()

        # when
        silent = await alerts_flows.mark_silent_devices_offline(session, settings, now)

        # then
        assert feeder.id in [device.id for device in silent]
        assert feeder.online is False
        assert await open_alert_count(session, feeder.id, AlertKind.OFFLINE) == 1

    async def test_each_kind_keeps_its_own_threshold(self, session, settings, owner, feeder):
        # given: 100 s is past a feeder's 90 s but within other kinds' 120 s
        now = utcnow()
        collar = await create_device(session, owner, kind=DeviceKind.COLLAR, name="Collar")
        _seen(feeder, dt.timedelta(seconds=30), now)
        _seen(collar, dt.timedelta(seconds=100), now)
        await session.flush()

        # when
        silent = await alerts_flows.mark_silent_devices_offline(session, settings, now)

        # then
        assert {feeder.id, collar.id}.isdisjoint(device.id for device in silent)
        assert feeder.online and collar.online

    async def test_a_device_already_offline_is_left_alone(self, session, settings, feeder):
        # given
        now = utcnow()
        _seen(feeder, dt.timedelta(hours=1), now)
        await session.flush()
        await alerts_flows.mark_silent_devices_offline(session, settings, now)

        # when
        again = await alerts_flows.mark_silent_devices_offline(session, settings, now)

        # then
        assert feeder.id not in [device.id for device in again]
        assert await open_alert_count(session, feeder.id, AlertKind.OFFLINE) == 1

    async def test_device_status_subscribers_hear_it_go_offline(
        self, session, settings, feeder, memory_bus
    ):
        # given
        now = utcnow()
        _seen(feeder, dt.timedelta(minutes=5), now)
        await session.flush()
        async with memory_bus.subscribe(events.device_status_channel(feeder.id)) as messages:
            # when
            await alerts_flows.mark_silent_devices_offline(session, settings, now)
            await session.commit()
            await dispatch(session, memory_bus)

            # then
            message = await asyncio.wait_for(anext(messages), 10)
        event = DeviceStatusEvent.model_validate_json(message)
        assert (event.device_id, event.online) == (feeder.id, False)

    async def test_a_report_from_the_device_clears_offline(self, session, settings, feeder):
        # given
        now = utcnow()
        _seen(feeder, dt.timedelta(minutes=5), now)
        await session.flush()
        await alerts_flows.mark_silent_devices_offline(session, settings, now)

        # when
        await device_flows.device_reported(session, feeder, utcnow())

        # then
        assert await open_alert_count(session, feeder.id, AlertKind.OFFLINE) == 0


class TestSweepOnce:
    """The background loop's unit of work, on committed data, as a live process runs it."""

    @pytest.fixture
    async def silent_feeder(self, app_state):
        async with unit_of_work(app_state) as session:
            owner = await create_user(session, prefix="silent")
            device = await create_device(session, owner, name="Silent feeder")
            _seen(device, dt.timedelta(minutes=10), utcnow())
            return device

    async def test_commits_offline_and_the_alert(self, app_state, silent_feeder):
        # when
        run = await run_once(app_state, job_named("offline-sweep"))

        # then
        assert silent_feeder.id in [device.id for device in run.result]
        async with app_state.sessionmaker() as session:
            assert await open_alert_count(session, silent_feeder.id, AlertKind.OFFLINE) == 1

    async def test_racing_sweeps_take_each_device_once(self, app_state, silent_feeder):
        # when
        sweep = job_named("offline-sweep")
        runs = await asyncio.gather(*(run_once(app_state, sweep) for _ in range(4)))

        # then
        taken = [device.id for run in runs if run.ran for device in run.result]
        assert taken.count(silent_feeder.id) == 1
        async with app_state.sessionmaker() as session:
            assert await open_alert_count(session, silent_feeder.id, AlertKind.OFFLINE) == 1
