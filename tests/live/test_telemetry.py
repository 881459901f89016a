"""``telemetryUpdated`` and the hub's focus over live servers: every reading reaches the apps
(across processes) while at most one per interval is stored, and an outlet someone watches live
is the one the hub polls."""

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from gql.transport.exceptions import TransportQueryError

from tests.factories.outlets import HubWire, live_hub, reading
from tests.support.graphql_client import GraphQLClient, next_result

pytestmark = pytest.mark.live

TELEMETRY_UPDATED = """
subscription TelemetryUpdated($deviceId: ID!) {
  telemetryUpdated(deviceId: $deviceId) {
    deviceId persisted relayA relayB overload values { key value }
  }
}
"""
TELEMETRY = """
query Telemetry($deviceId: ID!) {
  telemetry(deviceId: $deviceId) { totalCount edges { node { key value count } } }
}
"""
FOCUS_OUTLET = """
mutation FocusOutlet($input: FocusOutletInput!) {
  focusOutlet(input: $input) { userErrors { code } }
}
"""
WAIT_S = 10.0


def on(client: GraphQLClient, server) -> GraphQLClient:
    return GraphQLClient(server, client.token)


async def _take(stream: AsyncIterator[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    return [(await next_result(stream))["telemetryUpdated"] for _ in range(count)]


async def _focus_becomes(wire: HubWire, outlet_id: str | None) -> None:
    """Poll the hub's focus (as the hub does every 2 s) until it names ``outlet_id``, for at most
    WAIT_S: a subscription registers its watcher asynchronously."""

    async def poll() -> None:
        while (await wire.focus()).json()["device_id"] != outlet_id:
            await asyncio.sleep(0.1)

    await asyncio.wait_for(poll(), WAIT_S)


class TestTelemetryUpdated:
    async def test_every_reading_is_broadcast_across_processes_and_one_is_stored(
        self, server_a, server_b, owner
    ):
        # given
        hub, (heater,) = await live_hub(owner)
        wire = HubWire(server_a, hub.base_url)
        async with on(owner, server_b).subscribe(
            TELEMETRY_UPDATED, {"deviceId": heater.id}
        ) as stream:
            received = asyncio.create_task(_take(stream, 2))
            await _focus_becomes(wire, "FE")

            # when
            await wire.data(reading("FE", current_a=1250, current_b=0))
            await wire.data(reading("FE", current_a=65535, current_b=7, relay_b=True))
            live = await asyncio.wait_for(received, WAIT_S)

        # then
        assert [(event["persisted"], event["overload"], event["relayB"]) for event in live] == [
            (True, False, False),
            (False, True, True),
        ]
        assert live[0]["values"] == [
            {"key": "current_a", "value": 1250.0},
            {"key": "current_b", "value": 0.0},
        ]
        assert live[1]["values"] == [{"key": "current_b", "value": 7.0}]
        stored = (await owner.execute(TELEMETRY, {"deviceId": heater.id}))["telemetry"]
        assert stored["totalCount"] == 2
        assert sorted(edge["node"]["key"] for edge in stored["edges"]) == ["current_a", "current_b"]

    async def test_breaker_readings_are_broadcast_on_the_hub(self, server_a, owner):
        # given
        hub, _ = await live_hub(owner)
        wire = HubWire(server_a, hub.base_url)
        async with owner.subscribe(TELEMETRY_UPDATED, {"deviceId": hub.device.id}) as stream:
            received = asyncio.create_task(_take(stream, 1))

            # when: the hub posts every 2 s; nothing tells when the subscription is in place,
            # so post until the first reading arrives.
            async def post_until_received() -> None:
                while not received.done():
                    await wire.breaker(hub.device.hardware_id, 4500)
                    await asyncio.sleep(0.2)

            await asyncio.wait_for(post_until_received(), WAIT_S)
            [event] = received.result()

        # then
        assert event["values"] == [{"key": "breaker_current", "value": 4500.0}]

    async def test_another_users_outlet_cannot_be_watched(self, owner, other_owner):
        # given
        _, (heater,) = await live_hub(owner)

        # when
        with pytest.raises(TransportQueryError) as raised:
            async with other_owner.subscribe(TELEMETRY_UPDATED, {"deviceId": heater.id}) as stream:
                await next_result(stream)

        # then
        assert raised.value.errors[0]["extensions"]["code"] == "DEVICE_NOT_FOUND"


class TestFocus:
    async def test_the_hub_polls_the_watched_outlet_then_the_owners_choice(
        self, server_a, server_b, owner
    ):
        # given
        hub, (heater, lamp) = await live_hub(owner, ("FE", "03"))
        wire = HubWire(server_a, hub.base_url)
        before = (await wire.focus()).content
        await owner.execute(FOCUS_OUTLET, {"input": {"outletId": lamp.id}})
        chosen = (await wire.focus()).content

        # when
        async with on(owner, server_b).subscribe(
            TELEMETRY_UPDATED, {"deviceId": heater.id}
        ) as stream:
            listening = asyncio.create_task(_take(stream, 1))
            await _focus_becomes(wire, "FE")
            watched = (await wire.focus()).content
            # The hub polls the focused outlet; the watcher sees its reading.
            await wire.data(reading("FE"))
            [event] = await asyncio.wait_for(listening, WAIT_S)
        await _focus_becomes(wire, "03")

        # then
        assert before == b'{"success": true, "device_id": null}'
        assert chosen == b'{"success": true, "device_id": "03"}'
        assert watched == b'{"success": true, "device_id": "FE"}'
        assert event["deviceId"] == heater.id
