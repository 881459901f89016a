"""Hetri collars end to end: a live API server with its MQTT door, a private Mosquitto with
dynamic security, and the collar firmware (paho transport) as the device."""

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator

import aiomqtt
import pytest

from graphql_api import events
from graphql_api.settings import Settings
from tests.factories.accounts import signed_up
from tests.factories.collars import (
    COMMAND_UPDATED,
    TREAT,
    RegisteredCollar,
    RunningCollar,
    register_collar,
)
from tests.live.alerting import until_subscribed
from tests.support.graphql_client import GraphQLClient, next_result, queued

pytestmark = pytest.mark.live

PING = """
mutation Ping($input: PingInput!) { ping(input: $input) { command { id } userErrors { code } } }
"""
TREATS = """
query Treats($deviceId: ID) {
  treats(deviceId: $deviceId) {
    totalCount
    edges { node { issuedAt issuedBy { email } device { id } command { status reason } } }
  }
}
"""
TELEMETRY = """
query Telemetry($deviceId: ID!, $keys: [String!]) {
  telemetry(deviceId: $deviceId, keys: $keys) { edges { node { key value } } }
}
"""
TELEMETRY_UPDATED = """
subscription Live($deviceId: ID!) {
  telemetryUpdated(deviceId: $deviceId) { deviceId values { key value } }
}
"""
STATUS = """
query Status($id: ID!) {
  node(id: $id) {
    ... on Device {
      online
      status {
        __typename online
        ... on CollarStatus { batteryPercent heartRate lastPosition { latitude longitude } }
      }
    }
  }
}
"""
DEVICE_STATUS = """
subscription DeviceStatus($deviceId: ID!) {
  deviceStatus(deviceId: $deviceId) {
    __typename online ... on CollarStatus { batteryPercent heartRate }
  }
}
"""


@pytest.fixture
async def collar_owner(mqtt_server) -> GraphQLClient:
    return await signed_up(GraphQLClient(mqtt_server), "collar-owner")


@contextlib.asynccontextmanager
async def commands_of(
    owner: GraphQLClient, collar: RegisteredCollar, settings: Settings
) -> AsyncIterator["asyncio.Queue[dict]"]:
    """The collar's commandUpdated stream as a queue, yielded once the server listens on its
    channel (a command issued before that would go by unseen)."""
    async with (
        owner.subscribe(COMMAND_UPDATED, {"deviceId": collar.id}) as stream,
        queued(stream, "commandUpdated") as updates,
    ):
        channel = events.device_commands_channel(collar.pk)
        await until_subscribed(settings.broadcast_url, settings.event_channel_prefix + channel)
        yield updates


async def _until_status(updates: "asyncio.Queue[dict]", wanted: str) -> dict:
    while True:
        update = await asyncio.wait_for(updates.get(), 15)
        if update["status"] == wanted:
            return update


async def _wait_for(predicate, timeout: float = 15.0, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = await predicate()
        if value:
            return value
        await asyncio.sleep(interval)
    raise AssertionError("condition not met in time")


async def _connected(running: RunningCollar) -> None:
    async def connected() -> bool:
        return running.unit.connected

    await _wait_for(connected)


class TestTreatTap:
    async def test_tap_reaches_the_collar_and_succeeds_on_the_owners_subscription(
        self, collar_owner, broker, settings
    ):
        # given
        collar = await register_collar(collar_owner)
        with RunningCollar(collar, broker.port) as running:
            await _connected(running)
            async with commands_of(collar_owner, collar, settings) as updates:
                # when
                result = await collar_owner.execute(TREAT, {"input": {"deviceId": collar.id}})
                succeeded = await _until_status(updates, "SUCCEEDED")
        # then
        assert result["treat"]["userErrors"] == []
        assert succeeded["kind"] == "TREAT"
        assert [t["status"] for t in succeeded["transitions"]] == [
            "QUEUED", "SENT", "ACKNOWLEDGED", "SUCCEEDED",
        ]  # fmt: skip
        assert running.unit.dispenser.dispensed == 1
        history = (await collar_owner.execute(TREATS, {"deviceId": collar.id}))["treats"]
        assert history["totalCount"] == 1
        assert history["edges"][0]["node"]["command"] == {"status": "SUCCEEDED", "reason": None}

    async def test_a_failed_dispense_fails_with_the_collars_detail(
        self, collar_owner, broker, settings
    ):
        # given
        collar = await register_collar(collar_owner)
        with RunningCollar(collar, broker.port) as running:
            running.unit.dispenser.treats = 0
            await _connected(running)
            async with commands_of(collar_owner, collar, settings) as updates:
                # when
                await collar_owner.execute(TREAT, {"input": {"deviceId": collar.id}})
                failed = await _until_status(updates, "FAILED")
        # then
        assert failed["reason"] == "failed: treat carousel empty"

    async def test_a_treat_for_an_offline_collar_is_delivered_when_it_returns(
        self, collar_owner, broker, settings
    ):
        # given: the collar was online once (its broker session exists), then powered off
        collar = await register_collar(collar_owner)
        first = RunningCollar(collar, broker.port)
        with first:
            await _connected(first)
        async with commands_of(collar_owner, collar, settings) as updates:
            await collar_owner.execute(TREAT, {"input": {"deviceId": collar.id}})
            await _until_status(updates, "SENT")
            # when
            with RunningCollar(collar, broker.port) as back:
                succeeded = await _until_status(updates, "SUCCEEDED")
        # then
        assert succeeded["kind"] == "TREAT"
        assert back.unit.dispenser.dispensed == 1

    async def test_ping_travels_the_same_lifecycle(self, collar_owner, broker, settings):
        # given
        collar = await register_collar(collar_owner)
        with RunningCollar(collar, broker.port) as running:
            await _connected(running)
            async with commands_of(collar_owner, collar, settings) as updates:
                # when
                await collar_owner.execute(PING, {"input": {"deviceId": collar.id}})
                succeeded = await _until_status(updates, "SUCCEEDED")
        # then
        assert succeeded["kind"] == "PING"
        assert running.unit.dispenser.dispensed == 0

    async def test_another_owner_cannot_treat_or_read_the_history(self, collar_owner, mqtt_server):
        # given
        collar = await register_collar(collar_owner)
        stranger = await signed_up(GraphQLClient(mqtt_server), "stranger")
        # when
        result = await stranger.execute(TREAT, {"input": {"deviceId": collar.id}})
        # then
        assert [e["code"] for e in result["treat"]["userErrors"]] == ["DEVICE_NOT_FOUND"]
        assert (await stranger.execute(TREATS, {"deviceId": None}))["treats"]["totalCount"] == 0


class TestCollarTelemetry:
    async def test_two_collars_show_up_live_and_in_queries(self, collar_owner, broker):
        # given
        first, second = await register_collar(collar_owner), await register_collar(collar_owner)
        async with (
            collar_owner.subscribe(TELEMETRY_UPDATED, {"deviceId": first.id}) as live_first,
            collar_owner.subscribe(TELEMETRY_UPDATED, {"deviceId": second.id}) as live_second,
        ):
            # when
            with RunningCollar(first, broker.port), RunningCollar(second, broker.port):
                reading_first = (await next_result(live_first))["telemetryUpdated"]
                reading_second = (await next_result(live_second))["telemetryUpdated"]
        # then
        for reading, collar in ((reading_first, first), (reading_second, second)):
            assert reading["deviceId"] == collar.id
            keys = {value["key"] for value in reading["values"]}
            assert keys == {"accel_x", "accel_y", "accel_z", "battery", "heart_rate"}
            stored = await _stored_keys(collar_owner, collar)
            assert {"accel_z", "battery", "heart_rate"} <= stored

    async def test_status_is_a_collar_status_and_goes_offline_by_last_will(
        self, collar_owner, broker
    ):
        # given
        collar = await register_collar(collar_owner)
        running = RunningCollar(collar, broker.port).__enter__()
        status = await _wait_for(lambda: _collar_status(collar_owner, collar))
        async with collar_owner.subscribe(DEVICE_STATUS, {"deviceId": collar.id}) as stream:
            snapshot = (await next_result(stream))["deviceStatus"]
            # when: the collar dies without a DISCONNECT; the broker publishes its Last Will
            running.stop(clean=False)
            while (update := (await next_result(stream))["deviceStatus"])["online"]:
                pass
        # then
        assert status["__typename"] == "CollarStatus"
        assert 0 <= status["batteryPercent"] <= 100
        assert 50 <= status["heartRate"] <= 180
        assert status["lastPosition"]["latitude"] == pytest.approx(52.52, abs=0.1)
        assert snapshot["__typename"] == "CollarStatus"
        assert update == {**update, "__typename": "CollarStatus", "online": False}


class TestTelemetryReceipts:
    async def test_each_reading_is_receipted_after_commit_and_a_repeat_is_stored_once(
        self, collar_owner, broker, settings
    ):
        # given: the collar's own login, listening for its receipts
        collar = await register_collar(collar_owner)
        topic = f"devices/{collar.pk}/telemetry"
        reading = (
            b'{"ts": "%s", "seq": 7, "accel": {"x": 0.01, "y": -0.02, "z": 0.98}, "battery": 87}'
            % time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()).encode()
        )
        invalid = b'{"ts": "2026-01-01T00:00:00Z", "seq": 8, "battery": "full"}'
        async with (
            collar_owner.subscribe(TELEMETRY_UPDATED, {"deviceId": collar.id}) as stream,
            queued(stream, "telemetryUpdated") as live,
            _as_collar(broker, collar) as device,
        ):
            await device.subscribe(f"{topic}/receipt", qos=0)
            channel = settings.event_channel_prefix + events.device_telemetry_channel(collar.pk)
            await until_subscribed(settings.broadcast_url, channel)
            # when: a reading, the same reading again (its receipt was lost), an invalid one
            receipts = []
            for payload in (reading, reading, invalid):
                await device.publish(topic, payload, qos=1)
                receipts.append(await _next_payload(device))
            await asyncio.sleep(1)  # a second broadcast would show by now
        # then: receipted each time, broadcast and stored once
        assert receipts == [b'{"seq":7}', b'{"seq":7}', b'{"seq":8}']
        assert live.qsize() == 1
        # then: receipted each time, broadcast and stored once
        stored = await collar_owner.execute(TELEMETRY, {"deviceId": collar.id, "keys": ["battery"]})
        assert [edge["node"]["value"] for edge in stored["telemetry"]["edges"]] == [87]

    async def test_another_collar_cannot_read_its_receipts(self, collar_owner, broker):
        mine, other = await register_collar(collar_owner), await register_collar(collar_owner)
        async with _as_collar(broker, other) as intruder:
            granted = await intruder.subscribe(f"devices/{mine.pk}/telemetry/receipt", qos=0)
        assert [code.is_failure for code in granted] == [True]


@contextlib.asynccontextmanager
async def _as_collar(broker, collar: RegisteredCollar) -> AsyncIterator[aiomqtt.Client]:
    async with aiomqtt.Client(
        "127.0.0.1",
        broker.port,
        username=collar.username,
        password=collar.password,
        protocol=aiomqtt.ProtocolVersion.V5,
        timeout=5,
    ) as client:
        yield client


async def _next_payload(client: aiomqtt.Client) -> bytes:
    async with asyncio.timeout(15):
        async for message in client.messages:
            return message.payload
    raise AssertionError("the connection closed")


async def _stored_keys(owner: GraphQLClient, collar: RegisteredCollar) -> set[str]:
    result = await owner.execute(TELEMETRY, {"deviceId": collar.id, "keys": None})
    return {edge["node"]["key"] for edge in result["telemetry"]["edges"]}


async def _collar_status(owner: GraphQLClient, collar: RegisteredCollar) -> dict | None:
    node = (await owner.execute(STATUS, {"id": collar.id}))["node"]
    return node["status"] if node["online"] and node["status"].get("heartRate") else None
