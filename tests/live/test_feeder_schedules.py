"""PETio schedules over the wire (WIRE.md section 1): ``/api/check-schedule/`` decided on the
server in the owner's time zone, once per schedule per local day across two API processes, and
the boot config; response bytes exactly as the firmware reads them."""

import asyncio
import datetime as dt
import json
import zoneinfo
from typing import Any

import pytest
from gql.transport.exceptions import TransportQueryError
from strawberry import relay

from tests.factories.accounts import signed_up
from tests.factories.devices import RegisteredDevice, register_device
from tests.factories.schedules import create_schedule_live, device_get
from tests.support.graphql_client import GraphQLClient

CHECK_PATH = "/api/check-schedule/"
CONFIG_PATH = "/api/device/config/"
MANILA = zoneinfo.ZoneInfo("Asia/Manila")
SCHEDULE_STATE = (
    "query S($id: ID!) { node(id: $id) { ... on FeedingSchedule { lastTriggeredAt } } }"
)
FEEDING_SCHEDULES = (
    "query L($deviceId: ID!) { feedingSchedules(deviceId: $deviceId) { totalCount } }"
)


def wire(body: dict[str, Any]) -> bytes:
    """The bytes the server answers: ``json.dumps`` defaults, as the original Django server."""
    return json.dumps(body).encode()


def clock_12h(moment: dt.datetime) -> str:
    hour = moment.hour % 12 or 12
    return f"{hour:02d}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"


def manila_now() -> dt.datetime:
    return dt.datetime.now(MANILA)


def pk(global_id: str) -> int:
    return int(relay.GlobalID.from_id(global_id).node_id)


@pytest.fixture
async def manila_owner(anonymous) -> GraphQLClient:
    return await signed_up(anonymous, "manila", time_zone="Asia/Manila")


async def check(server, device: RegisteredDevice):
    return await device_get(server, CHECK_PATH, device, device_id=device.hardware_id)


def due_now() -> str:
    """This minute in Manila: a schedule at it is 0-59 s old, well inside the 180 s window."""
    return manila_now().strftime("%H:%M")


def far_from_now() -> str:
    return (manila_now() + dt.timedelta(hours=6)).strftime("%H:%M")


class TestCheckScheduleBytes:
    async def test_nothing_due_for_shipped_firmware_is_an_empty_array(self, manila_owner):
        # given: firmware 1.x compares the array against UTC, so it gets none
        feeder = await register_device(manila_owner, firmwareVersion="1.0")
        await create_schedule_live(manila_owner, feeder.id, time=far_from_now(), grams=30)
        before = manila_now()
        # when
        response = await check(manila_owner.server, feeder)
        # then
        after = manila_now()
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        candidates = {
            wire(
                {
                    "should_feed": False,
                    "portion_size": 0.0,
                    "current_time": clock_12h(moment),
                    "schedules": [],
                    "count": 0,
                }
            )
            for moment in (before, after)
        }
        assert response.content in candidates

    async def test_firmware_without_the_flaw_gets_its_schedules_in_local_time(self, manila_owner):
        # given
        feeder = await register_device(manila_owner, firmwareVersion="2.0.0")
        time = far_from_now()
        schedule = await create_schedule_live(
            manila_owner, feeder.id, time=time, grams=50, daysOfWeek=["Mon", "Thu"], label="Dinner"
        )
        # when
        response = await check(manila_owner.server, feeder)
        # then
        body = response.json()
        entry = {
            "id": pk(schedule["id"]),
            "time": time,
            "portion_size": 50.0,
            "enabled": True,
            "days_of_week": ["Mon", "Thu"],
            "label": "Dinner",
        }
        expected = {
            "should_feed": False,
            "portion_size": 0.0,
            "current_time": body["current_time"],
            "schedules": [entry],
            "count": 1,
        }
        assert response.content == wire(expected)

    async def test_a_due_schedule_fires_once_with_its_trigger_id(self, manila_owner, server_b):
        # given
        feeder = await register_device(manila_owner)
        time = due_now()
        schedule = await create_schedule_live(manila_owner, feeder.id, time=time, grams=40)
        # when
        fired = await check(manila_owner.server, feeder)
        again = await check(server_b, feeder)
        # then
        body = fired.json()
        assert fired.content == wire(
            {
                "should_feed": True,
                "portion_size": 40.0,
                "current_time": body["current_time"],
                "schedules": [],
                "count": 0,
                "triggered_schedule_id": body["triggered_schedule_id"],
                "triggered_schedule_time": time,
            }
        )
        assert isinstance(body["triggered_schedule_id"], int) and body["triggered_schedule_id"] > 0
        assert again.json()["should_feed"] is False
        assert "triggered_schedule_id" not in again.json()
        state = await manila_owner.execute(SCHEDULE_STATE, {"id": schedule["id"]})
        assert state["node"]["lastTriggeredAt"] is not None


class TestCheckScheduleConcurrency:
    async def test_concurrent_polls_on_two_processes_fire_each_schedule_once(
        self, manila_owner, server_a, server_b
    ):
        # given: two feeders, each with a schedule due now, polled 12 times at once each
        feeders = [await register_device(manila_owner) for _ in range(2)]
        for feeder in feeders:
            await create_schedule_live(manila_owner, feeder.id, time=due_now(), grams=30)
        polls = [check(server, feeder) for feeder in feeders for server in (server_a, server_b) * 6]
        # when
        responses = await asyncio.wait_for(asyncio.gather(*polls), 60)
        # then
        assert {response.status_code for response in responses} == {200}
        fired = [response.json() for response in responses if response.json()["should_feed"]]
        assert len(fired) == 2
        assert len({body["triggered_schedule_id"] for body in fired}) == 2


class TestCheckScheduleRefusals:
    async def test_a_bad_key_is_403_in_the_petio_envelope(self, manila_owner):
        # given
        feeder = await register_device(manila_owner)
        impostor = RegisteredDevice(feeder.id, feeder.hardware_id, "0" * 48)
        # when
        response = await check(manila_owner.server, impostor)
        # then
        assert response.status_code == 403
        assert response.content == (
            b'{"status": "error", "message": "Invalid or missing device key.", "success": false, '
            b'"error": "DEVICE_KEY_INVALID"}'
        )

    async def test_a_key_asking_for_another_device_id_is_403(self, manila_owner):
        # given
        mine, other = await register_device(manila_owner), await register_device(manila_owner)
        # when
        response = await device_get(
            manila_owner.server, CHECK_PATH, mine, device_id=other.hardware_id
        )
        # then
        assert response.status_code == 403
        assert response.json()["error"] == "DEVICE_KEY_INVALID"

    async def test_a_missing_device_id_is_400(self, manila_owner):
        # given
        feeder = await register_device(manila_owner)
        # when
        response = await device_get(manila_owner.server, CHECK_PATH, feeder)
        # then
        assert response.status_code == 400
        assert response.json()["status"] == "error"

    async def test_another_user_cannot_list_the_feeders_schedules(self, manila_owner, other_owner):
        # given
        feeder = await register_device(manila_owner)
        await create_schedule_live(manila_owner, feeder.id, time="08:00", grams=30)
        # when
        mine = await manila_owner.execute(FEEDING_SCHEDULES, {"deviceId": feeder.id})
        with pytest.raises(TransportQueryError) as theirs:
            await other_owner.execute(FEEDING_SCHEDULES, {"deviceId": feeder.id})
        # then
        assert mine["feedingSchedules"]["totalCount"] == 1
        assert theirs.value.errors[0]["extensions"]["code"] == "DEVICE_NOT_FOUND"


class TestDeviceConfig:
    async def test_boot_config_bytes(self, manila_owner):
        # given
        feeder = await register_device(manila_owner, firmwareVersion="2.1.0")
        schedule = await create_schedule_live(
            manila_owner, feeder.id, time="07:05", grams=20, label="Morning"
        )
        # when
        response = await device_get(
            manila_owner.server, CONFIG_PATH, feeder, device_id=feeder.hardware_id
        )
        # then
        assert response.status_code == 200
        assert response.content == wire(
            {
                "status": "ok",
                "message": "config",
                "success": True,
                "device_id": feeder.hardware_id,
                "poll_interval_sec": 10,
                "endpoints": {
                    "config": "/api/device/config/",
                    "command": "/api/device/command/",
                    "command_fallback": "/api/device/feed-command/",
                    "command_ack": "/api/device/command/ack/",
                    "command_ack_fallback": "/api/device/acknowledge/",
                    "check_schedule": "/api/check-schedule/",
                    "status": "/api/device/status/",
                    "logs": "/api/device/logs/",
                    "pair_register": "/api/device/pair/register/",
                    "pair_claimed": "/api/device/pair/claimed/",
                    "unpair": "/api/device/unpair/",
                },
                "schedules": [
                    {
                        "id": pk(schedule["id"]),
                        "time": "07:05",
                        "portion_size": 20.0,
                        "enabled": True,
                        "days_of_week": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
                        "label": "Morning",
                    }
                ],
            }
        )

    async def test_a_bad_key_at_boot_is_403_so_the_unit_re_pairs(self, manila_owner):
        # given
        feeder = await register_device(manila_owner)
        stale = RegisteredDevice(feeder.id, feeder.hardware_id, "f" * 48)
        # when
        response = await device_get(
            manila_owner.server, CONFIG_PATH, stale, device_id=feeder.hardware_id
        )
        # then
        assert response.status_code == 403
        assert response.json() == {
            "status": "error",
            "message": "Invalid or missing device key.",
            "success": False,
            "error": "DEVICE_KEY_INVALID",
        }
