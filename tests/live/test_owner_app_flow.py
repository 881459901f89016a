"""The owner's app end to end (issue 3's proof): while a simulated hub and feeder — the
firmware clients of ``firmware/``, run in threads — poll the REST shim of one process, the
owner drives them over GraphQL and follows them live over websockets on the other."""

import asyncio
import base64
import contextlib
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
from gql.transport.exceptions import TransportQueryError

from firmware.feeder_unit import FeederUnit, run_unit
from firmware.hub_unit import Hub, run_hub
from firmware.petio_feeder import FeederClient
from firmware.smart_outlet_hub import HubClient, SimulatedOutlet
from graphql_api import events
from tests.factories.devices import register_device
from tests.factories.outlets import HubWire, LiveHub, live_hub
from tests.live.alerting import ALERT_RAISED, NOTIFICATION_RECEIVED, on, until_subscribed, user_pk
from tests.support.graphql_client import GraphQLClient, next_result
from tests.support.live_server import LiveServer

pytestmark = pytest.mark.live

COMMAND_UPDATED = """
subscription CommandUpdated($deviceId: ID!) {
  commandUpdated(deviceId: $deviceId) { id kind status transitions { status } }
}
"""
TELEMETRY_UPDATED = """
subscription TelemetryUpdated($deviceId: ID!) {
  telemetryUpdated(deviceId: $deviceId) { deviceId relayA values { key value } }
}
"""
SET_RELAY = """
mutation SetRelay($input: SetRelayInput!) {
  setRelay(input: $input) { command { id status } userErrors { code } }
}
"""
SET_THRESHOLD = """
mutation SetThreshold($input: SetThresholdInput!) {
  setThreshold(input: $input) { command { id status } userErrors { code } }
}
"""
FEED_NOW = """
mutation FeedNow($input: FeedNowInput!) {
  feedNow(input: $input) { command { id status } userErrors { code } }
}
"""
FOCUS_OUTLET = """
mutation FocusOutlet($input: FocusOutletInput!) {
  focusOutlet(input: $input) { userErrors { code } }
}
"""
OUTLET_STATE = """
query OutletState($outletId: ID!) {
  outletState(outletId: $outletId) { relayA relayB thresholdMilliamps currentAMilliamps }
}
"""
FEEDING_HISTORY = """
query History($deviceId: ID) {
  feedingHistory(deviceId: $deviceId) {
    totalCount edges { node { grams source command { id status } } }
  }
}
"""
ALERTS = """
query Alerts($deviceId: ID) {
  alerts(deviceId: $deviceId) { edges { node { id kind status clearedByCondition } } }
}
"""
# Device loops run faster than in the field so the test is short; the order is the field's.
HUB_CYCLE_S = 0.5
FEEDER_POLL_S = 0.3
# No device thread outlives its test, whatever happens to the test.
DEVICE_RUN_LIMIT_S = 90.0
DEVICE_STOP_TIMEOUT_S = 15.0
WAIT_S = 15.0
# The promise is "within about a second"; the bound leaves room for a loaded 2-core machine.
READING_WAIT_S = 5.0
FINAL = ("SUCCEEDED", "FAILED", "EXPIRED")


def pk_of(global_id: str) -> int:
    return int(base64.b64decode(global_id).decode().partition(":")[2])


def local_base_url(server: LiveServer, hub: LiveHub) -> str:
    """The base URL the owner typed into the hub's portal, pointed at the live server."""
    return server.base_url + HubWire(server, hub.base_url).prefix.removesuffix("/api")


async def mutate(owner: GraphQLClient, document: str, field: str, **fields: Any) -> dict:
    payload = (await owner.execute(document, {"input": fields}))[field]
    assert payload["userErrors"] == []
    return payload


@contextlib.contextmanager
def running(loop: Callable[[Callable[[], bool], Callable[[float], Any]], Any]) -> Iterator[None]:
    """Run a device loop (given ``should_stop`` and ``sleep``) in a thread for the block; its
    error, if any, fails the test."""
    stop = threading.Event()
    failures: list[BaseException] = []

    def target() -> None:
        try:
            loop(stop.is_set, stop.wait)
        except BaseException as error:  # reported in the test's thread
            failures.append(error)

    thread = threading.Thread(target=target, name="simulated-device", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(DEVICE_STOP_TIMEOUT_S)
    assert not thread.is_alive(), "the simulated device did not stop"
    assert not failures, failures


def hub_loop(hub: Hub, until: Callable[[], bool] = lambda: False):
    """The hub cycling until the block ends, or until ``until()`` holds after a cycle."""
    return lambda should_stop, sleep: run_hub(
        hub, DEVICE_RUN_LIMIT_S, should_stop=lambda: should_stop() or until(), sleep=sleep
    )


def feeder_loop(unit: FeederUnit):
    def loop(should_stop, sleep) -> None:
        assert unit.boot(), "the feeder's boot config was refused"
        run_unit(unit, DEVICE_RUN_LIMIT_S, should_stop=should_stop, sleep=sleep)

    return loop


async def simulated_hub(
    server: LiveServer, owner: GraphQLClient, outlets: list[SimulatedOutlet]
) -> tuple[Hub, list]:
    """A hub of ``owner``'s with these outlets registered, and the simulated hub speaking for it."""
    hub, registered = await live_hub(owner, tuple(outlet.outlet_id for outlet in outlets))
    client = HubClient(local_base_url(server, hub))
    device = Hub(client, hub.device.hardware_id, outlets, cycle_s=HUB_CYCLE_S)
    return device, registered


async def statuses(updates: AsyncIterator[dict[str, Any]]) -> list[str]:
    """The live statuses of a device's (one) command, until it is final."""
    seen: list[str] = []
    while not seen or seen[-1] not in FINAL:
        seen.append((await next_result(updates, WAIT_S))["commandUpdated"]["status"])
    return seen


async def reading_where(
    stream: AsyncIterator[dict[str, Any]], key: str, value: float
) -> dict[str, Any]:
    """The first live reading whose ``key`` reads ``value``."""
    while True:
        reading = (await next_result(stream, WAIT_S))["telemetryUpdated"]
        if {"key": key, "value": value} in reading["values"]:
            return reading


class TestRelayToggle:
    async def test_the_command_goes_queued_sent_succeeded_live_and_the_outlet_shows_it(
        self, server_a, server_b, owner, test_environment
    ):
        # given: the owner's chosen outlet, polled every cycle, relay A off with a lamp on it
        lamp = SimulatedOutlet("FE", load_a=1200)
        hub, (outlet,) = await simulated_hub(server_a, owner, [lamp])
        await mutate(owner, FOCUS_OUTLET, "focusOutlet", outletId=outlet.id)
        async with on(server_b, owner).subscribe(
            COMMAND_UPDATED, {"deviceId": outlet.id}
        ) as updates:
            seen = asyncio.ensure_future(statuses(updates))
            channel = events.device_commands_channel(pk_of(outlet.id))
            await until_subscribed(test_environment.redis_url, channel)
            with running(hub_loop(hub)):
                # when
                payload = await mutate(
                    owner, SET_RELAY, "setRelay", outletId=outlet.id, socket="A", on=True
                )
                live = await asyncio.wait_for(seen, WAIT_S)
        state = (await owner.execute(OUTLET_STATE, {"outletId": outlet.id}))["outletState"]

        # then
        # The hub polls every 2 s and may fetch the command before the payload is rendered;
        # the live stream is what shows every step in order.
        assert payload["command"]["status"] in ("QUEUED", "SENT")
        assert live == ["QUEUED", "SENT", "SUCCEEDED"]
        assert lamp.relay["a"] is True
        assert (state["relayA"], state["relayB"], state["currentAMilliamps"]) == (True, False, 1200)


class TestFeedNow:
    async def test_the_command_succeeds_live_and_its_feeding_log_appears(
        self, server_a, server_b, owner, test_environment
    ):
        # given
        feeder = await register_device(owner)
        client = FeederClient(server_a.base_url, feeder.hardware_id, feeder.api_key)
        unit = FeederUnit(
            client,
            command_poll_s=FEEDER_POLL_S,
            schedule_poll_s=5 * FEEDER_POLL_S,
            heartbeat_s=5 * FEEDER_POLL_S,
            boot_mute_s=0,
        )
        async with on(server_b, owner).subscribe(
            COMMAND_UPDATED, {"deviceId": feeder.id}
        ) as updates:
            seen = asyncio.ensure_future(statuses(updates))
            channel = events.device_commands_channel(pk_of(feeder.id))
            await until_subscribed(test_environment.redis_url, channel)
            with running(feeder_loop(unit)):
                # when
                payload = await mutate(owner, FEED_NOW, "feedNow", deviceId=feeder.id, grams=30)
                live = await asyncio.wait_for(seen, WAIT_S)
        history = (await owner.execute(FEEDING_HISTORY, {"deviceId": feeder.id}))["feedingHistory"]

        # then
        command_id = payload["command"]["id"]
        assert live == ["QUEUED", "SENT", "SUCCEEDED"]
        assert ("fed", "remote_command", 30.0) in unit.events
        assert ("ack", pk_of(command_id), "ok") in unit.events
        assert history["totalCount"] == 1
        assert history["edges"][0]["node"] == {
            "grams": 30.0,
            "source": "REMOTE_COMMAND",
            "command": {"id": command_id, "status": "SUCCEEDED"},
        }


class TestThresholdAlert:
    async def test_a_load_above_the_threshold_raises_the_alert_and_notification_live(
        self, server_a, server_b, owner, test_environment
    ):
        # given: a heater drawing 500 mA on the owner's chosen outlet
        heater = SimulatedOutlet("FE", relay_a=True, load_a=500)
        hub, (outlet,) = await simulated_hub(server_a, owner, [heater])
        await mutate(owner, FOCUS_OUTLET, "focusOutlet", outletId=outlet.id)
        owner_pk = await user_pk(owner)
        owner_b = on(server_b, owner)
        async with (
            owner_b.subscribe(ALERT_RAISED) as alerts,
            owner_b.subscribe(NOTIFICATION_RECEIVED) as inbox,
            owner_b.subscribe(TELEMETRY_UPDATED, {"deviceId": outlet.id}) as readings,
        ):
            next_alert = asyncio.ensure_future(next_result(alerts, WAIT_S))
            next_notification = asyncio.ensure_future(next_result(inbox, WAIT_S))
            first_reading = asyncio.ensure_future(next_result(readings, WAIT_S))
            for channel in (
                events.user_alerts_channel(owner_pk),
                events.user_notifications_channel(owner_pk),
                events.device_telemetry_channel(pk_of(outlet.id)),
            ):
                await until_subscribed(test_environment.redis_url, channel)
            with running(hub_loop(hub)):
                await first_reading
                await mutate(
                    owner, SET_THRESHOLD, "setThreshold", outletId=outlet.id, milliamps=1000
                )

                # when: the load rises above the threshold, then drops
                heater.set_load("a", 1500)
                alert = (await next_alert)["alertRaised"]
                notification = (await next_notification)["notificationReceived"]
                heater.set_load("a", 300)
                await reading_where(readings, "current_a", 300.0)
        alerts_now = (await owner.execute(ALERTS, {"deviceId": outlet.id}))["alerts"]["edges"]

        # then
        assert (alert["kind"], alert["status"], alert["device"]) == (
            "THRESHOLD",
            "ACTIVE",
            {"id": outlet.id},
        )
        assert "1000 mA" in alert["message"]
        assert (notification["kind"], notification["targetId"]) == ("DEVICE_ALERT", alert["id"])
        assert heater.threshold_ma == 1000
        assert [edge["node"] for edge in alerts_now] == [
            {
                "id": alert["id"],
                "kind": "THRESHOLD",
                "status": "CLEARED",
                "clearedByCondition": True,
            }
        ]


class TestWatchingFocusesTheHub:
    async def test_the_watched_outlet_becomes_the_focus_and_its_readings_arrive_live(
        self, server_a, server_b, owner
    ):
        # given: two outlets, nobody watching, no chosen outlet
        heater = SimulatedOutlet("FE", relay_a=True, load_a=800)
        lamp = SimulatedOutlet("03", relay_a=True, load_a=450)
        hub, (_, lamp_outlet) = await simulated_hub(server_a, owner, [heater, lamp])
        with running(hub_loop(hub)):
            unwatched_focus = await asyncio.to_thread(lambda: hub.client.focus().body)

            # when: the owner watches the lamp on the other process
            async with on(server_b, owner).subscribe(
                TELEMETRY_UPDATED, {"deviceId": lamp_outlet.id}
            ) as stream:
                first = (await next_result(stream, WAIT_S))["telemetryUpdated"]
                focus_seen = hub.focus
                lamp.set_load("a", 950)
                changed = await asyncio.wait_for(
                    reading_where(stream, "current_a", 950.0), READING_WAIT_S
                )

        # then
        assert unwatched_focus == b'{"success": true, "device_id": null}'
        assert focus_seen == "03"
        assert first["deviceId"] == lamp_outlet.id and first["relayA"] is True
        assert changed["deviceId"] == lamp_outlet.id
        polled = {event[1] for event in hub.events if event[0] == "data"}
        assert "03" in polled


class TestAnotherOwner:
    @pytest.mark.parametrize(
        ("document", "device"),
        [
            (COMMAND_UPDATED, "outlet"),
            (TELEMETRY_UPDATED, "outlet"),
            (COMMAND_UPDATED, "feeder"),
            (TELEMETRY_UPDATED, "feeder"),
        ],
    )
    async def test_subscribing_to_these_devices_is_refused(
        self, server_a, server_b, owner, other_owner, document, device
    ):
        # given
        hub, (outlet,) = await live_hub(owner)
        feeder = await register_device(owner)
        device_id = outlet.id if device == "outlet" else feeder.id

        # when
        with pytest.raises(TransportQueryError) as refused:
            async with on(server_b, other_owner).subscribe(
                document, {"deviceId": device_id}
            ) as stream:
                await next_result(stream, WAIT_S)

        # then
        assert refused.value.errors[0]["extensions"]["code"] == "DEVICE_NOT_FOUND"
        focus = await HubWire(server_a, hub.base_url).focus()
        assert focus.content == b'{"success": true, "device_id": null}'
