"""The feeder's and the outlet's own behaviour against a live pawgraph (issue 15's proof): the
firmware loops of ``firmware/`` over simulated hardware, run in threads against one process's
REST shim, while the owner acts over GraphQL and follows it live on the other process."""

import asyncio
import contextlib
import datetime as dt
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from firmware import feeder_hardware
from firmware.feeder_unit import FeederUnit, run_unit
from firmware.http_cpython import HttpClientTransport
from firmware.outlet_rf import SimulatedOutlet
from firmware.petio_feeder import FeederClient
from firmware.transport import TransportError
from graphql_api import events
from tests.factories.accounts import signed_up
from tests.factories.devices import RegisteredDevice, register_device
from tests.factories.schedules import create_schedule_live
from tests.live.alerting import ALERT_RAISED, NOTIFICATION_RECEIVED, on, until_subscribed, user_pk
from tests.live.test_feeder_schedules import due_now, far_from_now, manila_owner  # noqa: F401
from tests.live.test_owner_app_flow import (
    COMMAND_UPDATED,
    FEED_NOW,
    FEEDER_POLL_S,
    FOCUS_OUTLET,
    OUTLET_STATE,
    SET_RELAY,
    SET_THRESHOLD,
    TELEMETRY_UPDATED,
    WAIT_S,
    feeder_loop,
    hub_loop,
    mutate,
    pk_of,
    reading_where,
    running,
    simulated_hub,
)
from tests.support.graphql_client import GraphQLClient, next_result
from tests.support.waiting import until

pytestmark = pytest.mark.live

FINAL = ("SUCCEEDED", "FAILED", "EXPIRED", "DELIVERED")
COMMAND = """
query Command($id: ID!) {
  node(id: $id) { ... on Command { status reason confirmation } }
}
"""
HISTORY = """
query History($deviceId: ID) {
  feedingHistory(deviceId: $deviceId) {
    totalCount edges { node { grams source notes fedAt deviceTime receivedAt } }
  }
}
"""
NODE = "query Node($id: ID!) { node(id: $id) { id } }"
ALERTS = """
query Alerts($deviceId: ID) {
  alerts(deviceId: $deviceId) { edges { node { kind status } } }
}
"""
MEDIUM_60_G = ["step", "step", "agitate", "step", "step", "agitate", "back_off"]


def feeder_unit(
    server, device: RegisteredDevice, hardware=None, **settings: Any
) -> tuple[FeederUnit, feeder_hardware.FeederHardware]:
    hardware = hardware or feeder_hardware.simulated()
    client = FeederClient(server.base_url, device.hardware_id, device.api_key)
    timers = {
        "command_poll_s": FEEDER_POLL_S,
        "schedule_poll_s": FEEDER_POLL_S,
        "heartbeat_s": 5 * FEEDER_POLL_S,
        "boot_mute_s": 0,
        "cooldown_s": 0,
        **settings,
    }
    return FeederUnit(client, hardware=hardware, **timers), hardware


async def until_device(condition) -> None:
    await until(condition, WAIT_S, "the device never got there")


@contextlib.asynccontextmanager
async def live_statuses(
    updates: AsyncIterator[dict[str, Any]],
) -> AsyncIterator[asyncio.Queue[str]]:
    """The statuses a ``commandUpdated`` stream delivers, read from the start (so it is
    subscribed before anything is caused) into a queue, for as long as the block runs."""
    queue: asyncio.Queue[str] = asyncio.Queue()

    async def pump() -> None:
        async for result in updates:
            queue.put_nowait(result["commandUpdated"]["status"])

    task = asyncio.ensure_future(pump())
    try:
        yield queue
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def final_status(statuses: asyncio.Queue[str]) -> list[str]:
    """The live statuses of the next command, until it is final."""
    seen: list[str] = []
    while not seen or seen[-1] not in FINAL:
        seen.append(await asyncio.wait_for(statuses.get(), WAIT_S))
    return seen


async def command(owner: GraphQLClient, command_id: str) -> dict[str, Any]:
    return (await owner.execute(COMMAND, {"id": command_id}))["node"]


class TestScheduledFeed:
    async def test_fires_once_at_its_local_time_with_the_medium_strategy(
        self,
        server_a,
        manila_owner,  # noqa: F811
    ):
        # given: 60 g due this minute in Manila, 30 g at another time
        feeder = await register_device(manila_owner, firmwareVersion="1.0")
        await create_schedule_live(manila_owner, feeder.id, time=due_now(), grams=60)
        await create_schedule_live(manila_owner, feeder.id, time=far_from_now(), grams=30)
        unit, hardware = feeder_unit(server_a, feeder)

        # when: the unit polls every 0.3 s, for a while after it fed
        with running(feeder_loop(unit)):
            await until_device(lambda: unit.daily_feeds == 1)
            polls = unit.traffic.sent("check_schedule")
            await until_device(lambda: unit.traffic.sent("check_schedule") >= polls + 5)
        history = (await manila_owner.execute(HISTORY, {"deviceId": feeder.id}))["feedingHistory"]

        # then
        assert [event for event in unit.events if event[0] == "fed"] == [("fed", "scheduled", 60.0)]
        assert hardware.servo.moves == MEDIUM_60_G
        assert history["totalCount"] == 1
        assert history["edges"][0]["node"]["source"] == "SCHEDULED"


class TestJam:
    async def test_recovered_once_then_reported_and_the_jam_alert_reaches_the_owner_live(
        self, server_a, server_b, owner, anonymous, test_environment
    ):
        # given
        feeder = await register_device(owner)
        unit, hardware = feeder_unit(server_a, feeder)
        owner_b = on(server_b, owner)
        owner_pk = await user_pk(owner)
        async with (
            owner_b.subscribe(COMMAND_UPDATED, {"deviceId": feeder.id}) as stream,
            live_statuses(stream) as updates,
            owner_b.subscribe(ALERT_RAISED) as alerts,
            owner_b.subscribe(NOTIFICATION_RECEIVED) as inbox,
        ):
            next_alert = asyncio.ensure_future(next_result(alerts, 3 * WAIT_S))
            next_notification = asyncio.ensure_future(next_result(inbox, 3 * WAIT_S))
            for channel in (
                events.user_alerts_channel(owner_pk),
                events.user_notifications_channel(owner_pk),
                events.device_commands_channel(pk_of(feeder.id)),
            ):
                await until_subscribed(test_environment.redis_url, channel)
            with running(feeder_loop(unit)):
                # when: a kibble wedges once (recovered), then for good
                hardware.servo.jam(1)
                recovered = await mutate(owner, FEED_NOW, "feedNow", deviceId=feeder.id, grams=30)
                first = await final_status(updates)
                assert not next_alert.done()
                hardware.servo.jam(100)
                jammed = await mutate(owner, FEED_NOW, "feedNow", deviceId=feeder.id, grams=30)
                second = await final_status(updates)
                alert = (await next_alert)["alertRaised"]
                notification = (await next_notification)["notificationReceived"]
        failed = await command(owner, jammed["command"]["id"])
        alerts_now = (await owner.execute(ALERTS, {"deviceId": feeder.id}))["alerts"]["edges"]
        history = (await owner.execute(HISTORY, {"deviceId": feeder.id}))["feedingHistory"]
        stranger = await signed_up(anonymous, "stranger")

        # then
        assert (await command(owner, recovered["command"]["id"]))["status"] == "SUCCEEDED"
        assert (first[-1], second[-1]) == ("SUCCEEDED", "FAILED")
        assert failed["reason"].startswith("failed: jam: wheel stalled")
        assert failed["confirmation"] == "DEVICE_ACK"
        assert (alert["kind"], alert["status"], alert["device"]) == (
            "JAM",
            "ACTIVE",
            {"id": feeder.id},
        )
        assert (notification["kind"], notification["targetId"]) == ("DEVICE_ALERT", alert["id"])
        assert [edge["node"]["kind"] for edge in alerts_now] == ["JAM"]
        assert (await stranger.execute(NODE, {"id": alert["id"]}))["node"] is None
        assert (await stranger.execute(NODE, {"id": jammed["command"]["id"]}))["node"] is None
        notes = [edge["node"]["notes"] or "" for edge in history["edges"]]
        assert sorted(note.startswith("jam: ") for note in notes) == [False, True]


class TestCooldown:
    async def test_feed_now_during_the_cooldown_fails_with_reason_cooldown(
        self, server_a, server_b, owner, test_environment
    ):
        # given
        feeder = await register_device(owner)
        unit, _ = feeder_unit(server_a, feeder, cooldown_s=600)
        async with (
            on(server_b, owner).subscribe(COMMAND_UPDATED, {"deviceId": feeder.id}) as stream,
            live_statuses(stream) as updates,
        ):
            channel = events.device_commands_channel(pk_of(feeder.id))
            await until_subscribed(test_environment.redis_url, channel)
            with running(feeder_loop(unit)):
                await mutate(owner, FEED_NOW, "feedNow", deviceId=feeder.id, grams=30)
                fed = await final_status(updates)
                # when
                payload = await mutate(owner, FEED_NOW, "feedNow", deviceId=feeder.id, grams=30)
                refused = await final_status(updates)
        node = await command(owner, payload["command"]["id"])

        # then
        assert (fed[-1], refused[-1]) == ("SUCCEEDED", "FAILED")
        assert (node["status"], node["reason"]) == ("FAILED", "cooldown")
        assert [event[0] for event in unit.events].count("fed") == 1


class TestBootMute:
    async def test_feed_now_right_after_power_up_fails_with_reason_boot_mute(
        self, server_a, server_b, owner, test_environment
    ):
        # given: a unit that just powered up
        feeder = await register_device(owner)
        unit, hardware = feeder_unit(server_a, feeder, boot_mute_s=600)
        async with (
            on(server_b, owner).subscribe(COMMAND_UPDATED, {"deviceId": feeder.id}) as stream,
            live_statuses(stream) as updates,
        ):
            channel = events.device_commands_channel(pk_of(feeder.id))
            await until_subscribed(test_environment.redis_url, channel)
            with running(feeder_loop(unit)):
                # when
                payload = await mutate(owner, FEED_NOW, "feedNow", deviceId=feeder.id, grams=30)
                refused = await final_status(updates)
        node = await command(owner, payload["command"]["id"])

        # then
        assert refused[-1] == "FAILED"
        assert (node["status"], node["reason"]) == ("FAILED", "boot_mute")
        assert hardware.servo.moves == []


class TestUnsyncedClock:
    async def test_a_1970_log_is_kept_with_its_receive_time(self, server_a, owner):
        # given: NTP never answers
        feeder = await register_device(owner)
        ntp = feeder_hardware.SimulatedNtp(time.time, reachable=False)
        unit, hardware = feeder_unit(
            server_a, feeder, feeder_hardware.simulated(ntp=ntp), heartbeat_s=60
        )
        before = dt.datetime.now(dt.UTC)
        # when: the FEED button
        hardware.feed_button.press()
        with running(feeder_loop(unit)):
            await until_device(lambda: unit.traffic.accepted("logs") == 1)
        [edge] = (await owner.execute(HISTORY, {"deviceId": feeder.id}))["feedingHistory"]["edges"]

        # then
        log = edge["node"]
        received = dt.datetime.fromisoformat(log["receivedAt"])
        assert log["source"] == "MANUAL"
        assert log["deviceTime"].startswith("1970-01-01T00:00")
        assert log["fedAt"] == log["receivedAt"] and received >= before - dt.timedelta(seconds=1)


class Unplugged:
    """The unit's real HTTP transport, behind a network cable the test can pull."""

    def __init__(self) -> None:
        self.transport = HttpClientTransport()
        self.down = True

    def request(self, method, url, headers, body=None, timeout=5.0):
        if self.down:
            raise TransportError(f"{method} {url}: network unreachable")
        return self.transport.request(method, url, headers, body, timeout)


class TestOffline:
    async def test_feeds_made_while_offline_are_posted_when_the_server_is_back(
        self, server_a, owner
    ):
        # given: two button feeds, a minute apart, while the network is down
        feeder = await register_device(owner)
        network = Unplugged()
        unit, hardware = feeder_unit(server_a, feeder, min_backoff_s=0.5)
        unit.client.transport = network
        unit.client.clock = lambda: time.time() - 60
        hardware.feed_button.press()
        unit.tick()
        unit.client.clock = time.time
        hardware.feed_button.press()
        unit.tick()
        kept = list(unit.link.offline_logs)

        # when: it is back
        network.down = False
        with running(
            lambda should_stop, sleep: run_unit(unit, 60, should_stop=should_stop, sleep=sleep)
        ):
            await until_device(lambda: not unit.link.offline_logs)
        history = (await owner.execute(HISTORY, {"deviceId": feeder.id}))["feedingHistory"]

        # then
        assert [(grams, source) for _, grams, source, _ in kept] == [
            (30.0, "manual"),
            (30.0, "manual"),
        ]
        assert history["totalCount"] == 2
        assert {edge["node"]["source"] for edge in history["edges"]} == {"MANUAL"}
        assert unit.traffic.unreachable() > 0 and unit.link.online


class TestOutlet:
    async def test_after_a_hub_reboot_a_relay_toggled_in_the_app_is_confirmed_by_the_reading(
        self, server_a, server_b, owner, test_environment
    ):
        # given: the lamp is on, but the hub just rebooted and does not know it
        lamp = SimulatedOutlet("FE", relay_a=True, load_a=1200)
        hub, (outlet,) = await simulated_hub(server_a, owner, [lamp])
        hub.reboot()
        await mutate(owner, FOCUS_OUTLET, "focusOutlet", outletId=outlet.id)
        owner_b = on(server_b, owner)
        async with (
            owner_b.subscribe(COMMAND_UPDATED, {"deviceId": outlet.id}) as stream,
            live_statuses(stream) as updates,
            owner_b.subscribe(TELEMETRY_UPDATED, {"deviceId": outlet.id}) as readings,
        ):
            first_reading = asyncio.ensure_future(next_result(readings, WAIT_S))
            for channel in (
                events.device_commands_channel(pk_of(outlet.id)),
                events.device_telemetry_channel(pk_of(outlet.id)),
            ):
                await until_subscribed(test_environment.redis_url, channel)
            with running(hub_loop(hub)):
                unknown = (await first_reading)["telemetryUpdated"]
                # when
                payload = await mutate(
                    owner, SET_RELAY, "setRelay", outletId=outlet.id, socket="A", on=True
                )
                live = await final_status(updates)
        state = (await owner.execute(OUTLET_STATE, {"outletId": outlet.id}))["outletState"]
        node = await command(owner, payload["command"]["id"])

        # then
        assert unknown["relayA"] is False  # -1 after the reboot, reported off
        assert live[-1] == "SUCCEEDED" and "SENT" in live
        assert node["confirmation"] == "OBSERVED_STATE"
        assert lamp.relay["a"] is True and hub.relay_state("FE", "a") == 1
        assert (state["relayA"], state["currentAMilliamps"]) == (True, 1200)

    async def test_a_short_circuit_trips_the_outlet_and_raises_overload_live(
        self, server_a, server_b, owner, test_environment
    ):
        # given
        heater = SimulatedOutlet("FE", relay_a=True, load_a=800)
        hub, (outlet,) = await simulated_hub(server_a, owner, [heater])
        await mutate(owner, FOCUS_OUTLET, "focusOutlet", outletId=outlet.id)
        owner_b = on(server_b, owner)
        owner_pk = await user_pk(owner)
        async with (
            owner_b.subscribe(ALERT_RAISED) as alerts,
            owner_b.subscribe(TELEMETRY_UPDATED, {"deviceId": outlet.id}) as readings,
        ):
            next_alert = asyncio.ensure_future(next_result(alerts, WAIT_S))
            first_reading = asyncio.ensure_future(next_result(readings, WAIT_S))
            for channel in (
                events.user_alerts_channel(owner_pk),
                events.device_telemetry_channel(pk_of(outlet.id)),
            ):
                await until_subscribed(test_environment.redis_url, channel)
            with running(hub_loop(hub)):
                await first_reading
                # when
                heater.short_circuit("a")
                alert = (await next_alert)["alertRaised"]
                tripped = await reading_where(readings, "current_a", 0.0)

        # then
        assert (alert["kind"], alert["device"]) == ("OVERLOAD", {"id": outlet.id})
        assert heater.relay["a"] is False
        assert tripped["relayA"] is False

    async def test_a_threshold_command_ends_delivered_and_the_outlet_holds_it(
        self, server_a, server_b, owner, test_environment
    ):
        # given
        heater = SimulatedOutlet("FE", relay_a=True, load_a=500)
        hub, (outlet,) = await simulated_hub(server_a, owner, [heater])
        await mutate(owner, FOCUS_OUTLET, "focusOutlet", outletId=outlet.id)
        async with (
            on(server_b, owner).subscribe(COMMAND_UPDATED, {"deviceId": outlet.id}) as stream,
            live_statuses(stream) as updates,
        ):
            channel = events.device_commands_channel(pk_of(outlet.id))
            await until_subscribed(test_environment.redis_url, channel)
            with running(hub_loop(hub)):
                # when
                payload = await mutate(
                    owner, SET_THRESHOLD, "setThreshold", outletId=outlet.id, milliamps=1000
                )
                live = await final_status(updates)
                await until_device(lambda: heater.threshold_ma == 1000)
        node = await command(owner, payload["command"]["id"])

        # then
        assert live == ["QUEUED", "DELIVERED"]
        assert (node["status"], node["confirmation"]) == ("DELIVERED", "DELIVERY")
        assert ("command", "FE", "set_threshold", "", 1000, True) in hub.events
