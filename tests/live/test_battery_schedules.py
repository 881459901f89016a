# ruff: noqa: F811 - the broker fixture is imported from tests.support.mqtt_servers
"""MAX300 battery schedules end to end: two API processes (MQTT door on a shared subscription,
daily fetch job on), a private Mosquitto with per-device logins, the reference provider as its
own process, and the edge agent as its own process on a compressed clock."""

import asyncio
import datetime as dt
import json
import secrets
import time
import zoneinfo
from collections.abc import Iterator
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from gql.transport.exceptions import TransportQueryError

from graphql_api.auth import Role
from tests.conftest import TEST_SECRET_KEY
from tests.factories.accounts import create_committed_user, signed_up
from tests.factories.batteries import (
    ARCHIVE,
    BATTERY_STATUS,
    FETCH,
    SCHEDULE,
    SPEED,
    TIMELINE,
    UPDATED,
    ZONE,
    AgentProcess,
    ProviderProcess,
    RegisteredBattery,
    midnight_minus_lead,
    register_battery,
    server_log_lines,
    set_fetch_time,
    tomorrow,
)
from tests.support.graphql_client import GraphQLClient, next_result
from tests.support.live_server import LiveServer, run_cli
from tests.support.mosquitto import PrivateMosquitto
from tests.support.mqtt_servers import broker, start_mqtt_server  # noqa: F401 (fixtures)

pytestmark = pytest.mark.live

COMMANDS = """
query Commands($deviceId: ID) {
  commands(deviceId: $deviceId) {
    edges { node { kind status args transitions { status } } }
  }
}
"""
SERVER_SETTINGS = {
    "schedule_job_interval": "0.5",
    "schedule_ack_timeout": "2",
    "schedule_max_sends": "3",
    "schedule_fetch_timeout": "1",
    "schedule_fetch_attempts": "2",
    "schedule_fetch_backoff": "0.1",
    # The deadline's own fetches are off on every test server (live_server.SUITE_SETTINGS).
}


@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProviderProcess]:
    process = ProviderProcess(tmp_path_factory.mktemp("provider"))
    yield process
    process.stop()


@pytest.fixture(scope="module")
def battery_servers(
    server_logs,
    database_url,
    test_environment,
    broker,
    provider,
) -> Iterator[tuple[LiveServer, LiveServer]]:
    settings = {**SERVER_SETTINGS, "schedule_provider_url": provider.url}
    first = start_mqtt_server(
        server_logs, "battery-a", database_url, test_environment, broker, **settings
    )
    second = start_mqtt_server(
        server_logs, "battery-b", database_url, test_environment, broker, **settings
    )
    yield first, second
    first.stop()
    second.stop()


@pytest.fixture
async def battery_owner(battery_servers) -> GraphQLClient:
    return await signed_up(GraphQLClient(battery_servers[0]), "battery-owner")


@pytest.fixture
async def battery_staff(battery_servers, staff: GraphQLClient) -> GraphQLClient:
    return GraphQLClient(battery_servers[0], staff.token)


@pytest.fixture
def agents(tmp_path: Path, broker: PrivateMosquitto) -> Iterator[list[AgentProcess]]:
    started: list[AgentProcess] = []
    yield started
    for agent in started:
        agent.kill()


def agent_for(agents, battery: RegisteredBattery, broker, tmp_path: Path) -> AgentProcess:
    agent = AgentProcess(battery, broker.port, tmp_path)
    agents.append(agent)
    return agent


class ScheduleWatcher:
    """A device-side MQTT client (the battery's own login) counting what reaches its schedule
    topic, to prove what was, or was not, sent."""

    def __init__(self, battery: RegisteredBattery, port: int) -> None:
        self.received: list[dict] = []
        self.subscribed = False
        self.client = mqtt.Client(
            mqtt.CallbackAPIVersion.VERSION2, client_id=f"watch-{battery.pk}-{time.time_ns()}"
        )
        self.client.username_pw_set(battery.username, battery.password)
        self.client.on_message = lambda _c, _u, message: self.received.append(
            json.loads(message.payload)
        )
        self.client.on_subscribe = lambda *args: setattr(self, "subscribed", True)
        topic = f"devices/{battery.pk}/cmd/schedule"
        self.client.on_connect = lambda client, *args: client.subscribe(topic, qos=1)
        self.client.connect("127.0.0.1", port)
        self.client.loop_start()
        deadline = time.monotonic() + 10
        while not self.subscribed and time.monotonic() < deadline:
            time.sleep(0.02)
        assert self.subscribed, "the watcher could not subscribe"

    def stop(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


async def wait_for(predicate, timeout: float = 30.0, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = await predicate()
        if value:
            return value
        await asyncio.sleep(interval)
    raise AssertionError("condition not met in time")


async def schedule_of(client: GraphQLClient, battery: RegisteredBattery) -> dict | None:
    result = await client.execute(
        SCHEDULE, {"deviceId": battery.id, "date": tomorrow().isoformat()}
    )
    return result["batterySchedule"]


async def finished_schedule(client: GraphQLClient, battery: RegisteredBattery) -> dict:
    async def finished():
        schedule = await schedule_of(client, battery)
        if schedule and schedule["status"] in ("EXECUTED", "PARTIAL", "FAILED"):
            return schedule
        return None

    return await wait_for(finished, timeout=60)


async def timeline_of(client: GraphQLClient, message_id: str) -> dict:
    result = await client.execute(TIMELINE, {"messageId": message_id})
    return result["batteryScheduleTimeline"]


class TestDailyPipeline:
    async def test_daily_fetch_runs_once_and_the_agent_executes_all_48_slots(
        self,
        battery_servers,
        battery_owner,
        battery_staff,
        broker,
        agents,
        tmp_path,
    ):
        # given a battery, its agent waiting for midnight on a compressed clock, and its owner
        # subscribed to its schedule's updates
        battery = await register_battery(battery_owner)
        agent = agent_for(agents, battery, broker, tmp_path)
        agent.start(midnight_minus_lead(tomorrow()))
        agent.wait_connected()

        # when its site's fetch time becomes 00:00 (due now) with both API processes' daily job on
        async with battery_owner.subscribe(UPDATED, {"deviceId": battery.id}) as updates:
            await set_fetch_time(battery_owner, battery, "00:00:00")
            first = (await next_result(updates, timeout=30))["batteryScheduleUpdated"]
            schedule = await finished_schedule(battery_owner, battery)

        # then the provider was asked once, its body archived before anything else
        archive = await battery_staff.execute(ARCHIVE, {"deviceId": battery.id})
        entries = [edge["node"] for edge in archive["scheduleArchive"]["edges"]]
        assert len(entries) == 1
        assert entries[0]["statusCode"] == 200
        assert entries[0]["outcome"] == "ACCEPTED"
        assert len(entries[0]["bodySha256"]) == 64
        # and the schedule went CREATED → SENT → ACKNOWLEDGED → EXECUTED, every slot once
        assert first["status"] == "CREATED"
        assert schedule["status"] == "EXECUTED"
        assert [slot["status"] for slot in schedule["slots"]] == ["EXECUTED"] * 48
        assert schedule["slots"][0]["mode"] == "CHARGE"
        assert schedule["slots"][36]["mode"] == "DISCHARGE"
        message_id = schedule["messageId"]
        timeline = await timeline_of(battery_owner, message_id)
        statuses = [event["status"] for event in timeline["events"] if event["slot"] is None]
        assert statuses == ["CREATED", "SENT", "ACKNOWLEDGED", "EXECUTED"]
        slots = [event["slot"] for event in timeline["events"] if event["slot"] is not None]
        assert sorted(slots) == list(range(48))
        # and its APPLY_SCHEDULE command went through the commands lifecycle with it
        commands = await battery_owner.execute(COMMANDS, {"deviceId": battery.id})
        (command,) = [edge["node"] for edge in commands["commands"]["edges"]]
        assert command["kind"] == "APPLY_SCHEDULE"
        assert command["args"]["message_id"] == message_id
        assert [transition["status"] for transition in command["transitions"]] == [
            "QUEUED", "SENT", "ACKNOWLEDGED", "SUCCEEDED"
        ]  # fmt: skip
        # and the server's and the agent's logs join on the message_id
        servers_log = battery_servers[0].log() + battery_servers[1].log()
        server_events = {
            line["event"] for line in server_log_lines(servers_log)
            if line["message_id"] == message_id
        }  # fmt: skip
        assert {"schedule.status", "schedule.publish", "ack.received", "report.received"} <= (
            server_events
        )
        agent_lines = [line for line in agent.lines() if line["message_id"] == message_id]
        assert {"schedule.stored", "slot.executed"} <= {line["event"] for line in agent_lines}
        assert all(line["device_id"] == battery.pk for line in agent_lines)


class TestLiveUpdates:
    async def test_the_subscription_shows_every_status_and_slot(
        self,
        battery_servers,
        battery_owner,
        battery_staff,
        broker,
        agents,
        tmp_path,
    ):
        # given
        battery = await register_battery(battery_owner)
        agent = agent_for(agents, battery, broker, tmp_path)
        agent.start(midnight_minus_lead(tomorrow()))
        agent.wait_connected()

        # when staff fetch on demand, with the owner watching on the other API process
        watcher = GraphQLClient(battery_servers[1], battery_owner.token)
        async with watcher.subscribe(UPDATED, {"deviceId": battery.id}) as updates:
            # The server subscribes to the bus when the stream is first read: read, then fetch.
            reading = asyncio.ensure_future(next_result(updates, timeout=30))
            await asyncio.sleep(1.0)
            fetched = await battery_staff.execute(FETCH, {"input": {"deviceId": battery.id}})
            seen = [(await reading)["batteryScheduleUpdated"]]
            while seen[-1]["status"] not in ("EXECUTED", "PARTIAL", "FAILED"):
                seen.append((await next_result(updates, timeout=30))["batteryScheduleUpdated"])

        # then
        assert fetched["fetchBatterySchedule"]["outcome"] == "ACCEPTED"
        message_id = fetched["fetchBatterySchedule"]["schedule"]["messageId"]
        assert {update["messageId"] for update in seen} == {message_id}
        statuses = [update["status"] for update in seen if update["slot"] is None]
        assert statuses == ["CREATED", "SENT", "ACKNOWLEDGED", "EXECUTED"]
        assert sorted(update["slot"] for update in seen if update["slot"] is not None) == list(
            range(48)
        )


BAD_BODIES = {
    "slots-47": (200, "REJECTED", (None, "47 intervals, expected 48")),
    "gap": (200, "REJECTED", (20, "starts at '10:30', expected '10:00'")),
    "over-rating": (200, "REJECTED", (3, "charge at 6.5 kW exceeds the rating of 5.0 kW")),
    "idle-with-rate": (200, "REJECTED", (30, "idle with rate_kw 1.0, expected 0")),
    "wrong-date": (200, "REJECTED", (None, "is not tomorrow")),
    "not-json": (200, "REJECTED", (None, "body is not JSON")),
    "http-500": (500, "HTTP_ERROR", (None, "provider answered HTTP 500")),
    "timeout": (None, "UNREACHABLE", (None, "provider unreachable: timed out")),
}


class TestBadProviderBodies:
    @pytest.mark.parametrize("fault", sorted(BAD_BODIES))
    async def test_archived_rejected_with_reasons_and_nothing_sent(
        self,
        fault,
        battery_servers,
        battery_owner,
        battery_staff,
        broker,
        provider,
    ):
        # given a battery whose site's provider serves this bad body, watched on its topic
        status_code, outcome, (slot, reason) = BAD_BODIES[fault]
        battery = await register_battery(battery_owner, provider_url=provider.fault_url(fault))
        watcher = ScheduleWatcher(battery, broker.port)

        # when
        result = await battery_staff.execute(FETCH, {"input": {"deviceId": battery.id}})

        # then every response is archived, the last one with its reasons
        payload = result["fetchBatterySchedule"]
        assert payload["userErrors"] == []
        assert payload["outcome"] == outcome
        assert payload["schedule"] is None
        assert any(
            found["slot"] == slot and reason in found["reason"] for found in payload["reasons"]
        ), payload["reasons"]
        archive = await battery_staff.execute(ARCHIVE, {"deviceId": battery.id})
        entries = [edge["node"] for edge in archive["scheduleArchive"]["edges"]]
        retried = fault in ("http-500", "timeout")
        assert len(entries) == (2 if retried else 1)
        newest = entries[0]
        assert newest["statusCode"] == status_code
        assert newest["outcome"] == outcome
        assert (newest["body"] is None) == (fault == "timeout")
        if fault != "timeout":
            assert len(newest["bodySha256"]) == 64
        # and nothing was sent, nor scheduled
        await asyncio.sleep(1.5)
        watcher.stop()
        assert watcher.received == []
        assert await schedule_of(battery_owner, battery) is None


class TestDelivery:
    async def test_an_agent_offline_at_publish_gets_the_schedule_when_it_returns(
        self,
        battery_servers,
        battery_owner,
        battery_staff,
        broker,
        agents,
        tmp_path,
    ):
        # given an agent that connected once (its persistent session) and went away
        battery = await register_battery(battery_owner)
        agent = agent_for(agents, battery, broker, tmp_path)
        agent.start(midnight_minus_lead(tomorrow()))
        agent.wait_connected()
        agent.kill()

        # when the schedule is published while it is away, then it returns
        fetched = await battery_staff.execute(FETCH, {"input": {"deviceId": battery.id}})
        message_id = fetched["fetchBatterySchedule"]["schedule"]["messageId"]
        await wait_for(lambda: _status_is(battery_owner, battery, "SENT"))
        agent.start(midnight_minus_lead(tomorrow()))

        # then it stores and acks it, and runs the day
        schedule = await finished_schedule(battery_owner, battery)
        assert schedule["messageId"] == message_id
        assert schedule["status"] == "EXECUTED"
        assert [line["message_id"] for line in agent.events("schedule.stored")] == [message_id]

    async def test_unacknowledged_schedule_is_resent_with_its_message_id_then_fails(
        self,
        battery_servers,
        battery_owner,
        battery_staff,
        broker,
    ):
        # given a battery whose agent never answers
        battery = await register_battery(battery_owner)
        watcher = ScheduleWatcher(battery, broker.port)

        # when
        fetched = await battery_staff.execute(FETCH, {"input": {"deviceId": battery.id}})
        message_id = fetched["fetchBatterySchedule"]["schedule"]["messageId"]
        schedule = await finished_schedule(battery_owner, battery)
        watcher.stop()

        # then it went out 3 times (schedule_max_sends), the same message each time, then FAILED
        assert [message["message_id"] for message in watcher.received] == [message_id] * 3
        assert schedule["status"] == "FAILED"
        assert schedule["sendCount"] == 3
        assert "not acknowledged after 3 sends" in schedule["reason"]

    async def test_a_newer_schedule_for_the_same_day_supersedes_and_reaches_the_agent(
        self,
        battery_servers,
        battery_owner,
        battery_staff,
        broker,
    ):
        # given a battery with a schedule for tomorrow
        battery = await register_battery(battery_owner)
        watcher = ScheduleWatcher(battery, broker.port)
        first = await battery_staff.execute(FETCH, {"input": {"deviceId": battery.id}})
        first_id = first["fetchBatterySchedule"]["schedule"]["messageId"]

        # when a second valid one is fetched
        second = await battery_staff.execute(FETCH, {"input": {"deviceId": battery.id}})
        second_id = second["fetchBatterySchedule"]["schedule"]["messageId"]
        await wait_for(lambda: _received(watcher, second_id))
        watcher.stop()

        # then
        old = await timeline_of(battery_owner, first_id)
        assert old["schedule"]["status"] == "SUPERSEDED"
        assert (await schedule_of(battery_owner, battery))["messageId"] == second_id


async def _status_is(client: GraphQLClient, battery: RegisteredBattery, status: str) -> bool:
    schedule = await schedule_of(client, battery)
    return schedule is not None and schedule["status"] == status


async def _received(watcher: ScheduleWatcher, message_id: str) -> bool:
    return any(message["message_id"] == message_id for message in watcher.received)


class TestAgentResilience:
    async def test_an_agent_killed_at_slot_20_resumes_at_the_right_slot(
        self,
        battery_servers,
        battery_owner,
        battery_staff,
        broker,
        agents,
        tmp_path,
    ):
        # given an agent running tomorrow's schedule
        battery = await register_battery(battery_owner)
        agent = agent_for(agents, battery, broker, tmp_path)
        agent.start(midnight_minus_lead(tomorrow()))
        agent.wait_connected()
        await battery_staff.execute(FETCH, {"input": {"deviceId": battery.id}})

        # when it is killed once slot 20 has run, and restarted inside slot 20 (10:15)
        await wait_for(lambda: _slot_done(agent, 20), interval=0.01)
        agent.kill()
        ran_before = {line["slot"] for line in agent.events("slot.executed")}
        restart_at = dt.datetime.combine(tomorrow(), dt.time(10, 15), zoneinfo.ZoneInfo(ZONE))
        agent.start(restart_at)
        schedule = await finished_schedule(battery_owner, battery)

        # then it put the controller back on slot 20, ran each later slot once, lost nothing
        resumed = agent.events("slot.resumed")
        assert [line["slot"] for line in resumed] == [20]
        executed = [line["slot"] for line in agent.events("slot.executed")]
        assert sorted(executed) == list(range(48))
        assert ran_before <= set(range(21)) | {21, 22, 23}
        assert schedule["status"] == "EXECUTED"

    async def test_a_battery_that_empties_fails_its_slots_with_the_reason(
        self,
        battery_servers,
        battery_owner,
        battery_staff,
        broker,
        agents,
        provider,
        tmp_path,
    ):
        # given a schedule that discharges all day, and a battery 20 % full
        battery = await register_battery(battery_owner, provider_url=provider.fault_url("drain"))
        agent = agent_for(agents, battery, broker, tmp_path)
        agent.start(midnight_minus_lead(tomorrow()), initial_soc_percent=20)
        agent.wait_connected()

        # when
        await battery_staff.execute(FETCH, {"input": {"deviceId": battery.id}})
        schedule = await finished_schedule(battery_owner, battery)

        # then the first slot runs, the rest fail because the battery is empty
        assert schedule["status"] == "PARTIAL"
        slots = schedule["slots"]
        assert slots[0]["status"] == "EXECUTED"
        assert all(slot["status"] == "FAILED" for slot in slots[1:])
        assert "battery empty" in slots[1]["detail"]


async def _slot_done(agent: AgentProcess, slot: int) -> bool:
    return any(line["slot"] == slot for line in agent.events("slot.executed"))


class TestHeartbeats:
    async def test_heartbeats_mark_the_agent_online_with_its_charge_and_stopping_offline(
        self, battery_servers, battery_owner, broker, agents, tmp_path
    ):
        # given
        battery = await register_battery(battery_owner)
        agent = agent_for(agents, battery, broker, tmp_path)

        # when the agent runs, then stops
        agent.start(midnight_minus_lead(tomorrow()), initial_soc_percent=40)
        agent.wait_connected()
        online = await wait_for(lambda: _status(battery_owner, battery, online=True))
        agent.terminate()
        offline = await wait_for(lambda: _status(battery_owner, battery, online=False))

        # then
        assert online["__typename"] == "BatteryStatus"
        assert online["stateOfChargePercent"] == 40.0
        assert online["stateOfChargeKwh"] == 4.0
        assert online["mode"] == "idle"
        assert offline["online"] is False


async def _status(client: GraphQLClient, battery: RegisteredBattery, *, online: bool):
    result = await client.execute(BATTERY_STATUS, {"id": battery.id})
    status = result["node"]["status"]
    if status["online"] is online and (not online or status["stateOfChargePercent"] is not None):
        return status
    return None


class TestSimulate:
    async def test_pawgraph_simulate_runs_n_agents_through_their_day(
        self, battery_servers, battery_owner, battery_staff, broker, tmp_path
    ):
        # given two batteries
        batteries = [await register_battery(battery_owner) for _ in range(2)]
        clock_start = midnight_minus_lead(tomorrow()) - dt.timedelta(hours=6)

        # when `pawgraph simulate` runs their agents, and their schedules are fetched once both
        # agents are online
        arguments = ["simulate", "--mqtt-url", f"mqtt://127.0.0.1:{broker.port}",
                     "--duration", "50", "--battery-zone", ZONE, "--battery-speed", str(SPEED),
                     "--battery-clock-start", clock_start.replace(tzinfo=None).isoformat(),
                     "--battery-state-dir", str(tmp_path / "agents")]  # fmt: skip
        for battery in batteries:
            arguments += ["--battery", f"{battery.pk}:{battery.password}"]
        simulated = asyncio.ensure_future(asyncio.to_thread(run_cli, *arguments))
        for battery in batteries:
            await wait_for(lambda battery=battery: _status(battery_owner, battery, online=True))
            await battery_staff.execute(FETCH, {"input": {"deviceId": battery.id}})

        # then
        assert "batteries: 2" in (await simulated).stdout
        for battery in batteries:
            schedule = await finished_schedule(battery_owner, battery)
            assert schedule["status"] == "EXECUTED"


class TestCommandLine:
    async def test_register_a_battery_and_fetch_its_schedule_from_the_command_line(
        self, battery_servers, database_url, test_environment, engine, provider
    ):
        # given
        email = await create_committed_user(engine, Role.OWNER, "cli-owner")
        settings = {"database_url": database_url, "secret_key": TEST_SECRET_KEY,
                    "broadcast_url": test_environment.redis_url,
                    "schedule_provider_url": provider.url}  # fmt: skip
        hardware_id = f"max300-{secrets.token_hex(4)}"

        # when
        registered = await asyncio.to_thread(
            run_cli, "register-device", "--owner", email, "BATTERY", hardware_id, "CLI battery",
            "--battery", f"5:5:10:{ZONE}", **settings,
        )  # fmt: skip
        device_id = registered.stdout.split("device ", 1)[1].split()[0]
        fetched = await asyncio.to_thread(
            run_cli, "fetch-schedule", "--device", device_id, **settings
        )

        # then
        assert f"battery {device_id} {tomorrow().isoformat()}: ACCEPTED message_id" in (
            fetched.stdout
        )


class TestStaffOnly:
    async def test_owners_cannot_fetch_schedules(self, battery_owner):
        # given
        battery = await register_battery(battery_owner)

        # when
        result = await battery_owner.execute(FETCH, {"input": {"deviceId": battery.id}})

        # then
        errors = result["fetchBatterySchedule"]["userErrors"]
        assert [error["code"] for error in errors] == ["PERMISSION_DENIED"]

    async def test_owners_cannot_read_the_archive(self, battery_owner):
        # when
        with pytest.raises(TransportQueryError) as raised:
            await battery_owner.execute(ARCHIVE, {"deviceId": None})

        # then
        assert raised.value.errors[0]["extensions"]["code"] == "PERMISSION_DENIED"

    async def test_another_owner_sees_no_schedule_of_a_battery_not_theirs(
        self, battery_servers, battery_owner
    ):
        # given
        battery = await register_battery(battery_owner)
        stranger = await signed_up(GraphQLClient(battery_servers[0]), "stranger")

        # when
        with pytest.raises(TransportQueryError) as raised:
            await schedule_of(stranger, battery)

        # then
        assert raised.value.errors[0]["extensions"]["code"] == "DEVICE_NOT_FOUND"

    async def test_another_owner_cannot_follow_a_battery_not_theirs(
        self, battery_servers, battery_owner
    ):
        # given
        battery = await register_battery(battery_owner)
        stranger = await signed_up(GraphQLClient(battery_servers[0]), "stranger")

        # when
        with pytest.raises(TransportQueryError) as refused:
            async with stranger.subscribe(UPDATED, {"deviceId": battery.id}) as updates:
                await next_result(updates)

        # then
        assert refused.value.errors[0]["extensions"]["code"] == "DEVICE_NOT_FOUND"


class TestBrokerOutage:
    # Last in the module: it stops the broker every test here shares.
    async def test_reports_made_while_the_broker_is_down_arrive_once_when_it_returns(
        self, battery_servers, battery_owner, battery_staff, broker, agents, tmp_path
    ):
        # given an agent running its day
        battery = await register_battery(battery_owner)
        agent = agent_for(agents, battery, broker, tmp_path)
        agent.start(midnight_minus_lead(tomorrow()))
        agent.wait_connected()
        fetched = await battery_staff.execute(FETCH, {"input": {"deviceId": battery.id}})
        message_id = fetched["fetchBatterySchedule"]["schedule"]["messageId"]

        # when the broker goes away for a few compressed hours mid-day, then returns
        await wait_for(lambda: _slot_done(agent, 8), interval=0.01)
        broker.stop()
        await asyncio.sleep(3)
        offline_slots = {line["slot"] for line in agent.events("slot.executed")}
        broker.start()
        schedule = await finished_schedule(battery_owner, battery)

        # then the agent kept running, and every slot's report reached the server exactly once
        assert len(offline_slots) > 9
        assert schedule["status"] == "EXECUTED"
        timeline = await timeline_of(battery_owner, message_id)
        slots = [event["slot"] for event in timeline["events"] if event["slot"] is not None]
        assert sorted(slots) == list(range(48))
