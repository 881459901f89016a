"""The Smart-Outlet hub's wire (WIRE.md section 2), replayed against a live server: its base URL
with the key in the path, every response's exact bytes, and nothing written for a bad request."""

import asyncio
import json

import pytest

from tests.factories.devices import RegisteredDevice, device_state
from tests.factories.outlets import ISSUE_HUB_BASE_URL, HubWire, live_hub, reading
from tests.support.graphql_client import GraphQLClient

pytestmark = pytest.mark.live

FOCUS_OUTLET = """
mutation FocusOutlet($input: FocusOutletInput!) {
  focusOutlet(input: $input) { userErrors { code } }
}
"""
SET_RELAY = """
mutation SetRelay($input: SetRelayInput!) { setRelay(input: $input) { userErrors { code } } }
"""
SET_THRESHOLD = """
mutation SetThreshold($input: SetThresholdInput!) {
  setThreshold(input: $input) { userErrors { code } }
}
"""
HUB_STATE = """
query HubState($hubId: ID!) {
  hubState(hubId: $hubId) {
    breakerCurrentMilliamps outlets { outlet { hardwareId } relayA currentAMilliamps }
  }
}
"""
COMMANDS = """
query Commands($deviceId: ID) { commands(deviceId: $deviceId) { edges { node { kind status } } } }
"""
ALERTS = """
query Alerts($deviceId: ID) { alerts(deviceId: $deviceId) { edges { node { kind status } } } }
"""
# Error bodies go through the shim's shared handler (compact JSON): the hub reads bodies of
# 200 answers only, so only those need json.dumps' spacing.
UNKNOWN_KEY = {"success": False, "message": "Unknown hub key."}


async def _mutate(owner: GraphQLClient, document: str, field: str, **input_fields) -> None:
    result = await owner.execute(document, {"input": input_fields})
    assert result[field]["userErrors"] == []


async def _outlet_state(owner: GraphQLClient, hub: RegisteredDevice) -> list[dict]:
    return (await owner.execute(HUB_STATE, {"hubId": hub.id}))["hubState"]["outlets"]


class TestHubCycle:
    async def test_the_two_second_cycle_answers_the_exact_bytes_the_hub_parses(
        self, server_a, owner
    ):
        # given
        hub, (heater, lamp) = await live_hub(owner, ("FE", "03"))
        wire = HubWire(server_a, hub.base_url)
        await _mutate(owner, FOCUS_OUTLET, "focusOutlet", outletId=lamp.id)
        await _mutate(owner, SET_RELAY, "setRelay", outletId=heater.id, socket="A", on=True)

        # when
        devices = await wire.devices()
        breaker = await wire.breaker(hub.device.hardware_id.lower(), 4500)
        focus = await wire.focus()
        data = await wire.data(reading("FE", relay_a=False))
        commands = await wire.commands("FE")
        again = await wire.commands("FE")

        # then
        assert (devices.status_code, devices.content) == (
            200,
            b'{"success": true, "devices": ["FE", "03"]}',
        )
        assert (breaker.status_code, breaker.content) == (
            200,
            b'{"success": true, "message": "breaker reading received: 4500 mA"}',
        )
        assert (focus.status_code, focus.content) == (200, b'{"success": true, "device_id": "03"}')
        assert (data.status_code, data.content) == (
            200,
            b'{"success": true, "message": "reading stored", "relay_a": false, "relay_b": false}',
        )
        assert data.headers["content-type"] == "application/json"
        assert (commands.status_code, commands.content) == (
            200,
            b'{"success": true, "commands": '
            b'[{"command": "relay_on", "socket": "a", "value": null}]}',
        )
        assert again.content == b'{"success": true, "commands": []}'

    async def test_a_relay_command_is_confirmed_by_a_later_reading(self, server_a, owner):
        # given
        hub, (heater,) = await live_hub(owner)
        wire = HubWire(server_a, hub.base_url)
        await _mutate(owner, SET_RELAY, "setRelay", outletId=heater.id, socket="B", on=True)
        await wire.commands("FE")

        # when
        await wire.data(reading("FE", relay_a=False, relay_b=True))

        # then
        result = await owner.execute(COMMANDS, {"deviceId": heater.id})
        assert [edge["node"] for edge in result["commands"]["edges"]] == [
            {"kind": "RELAY_ON", "status": "SUCCEEDED"}
        ]

    async def test_a_threshold_command_carries_its_value_with_an_empty_socket(
        self, server_a, owner
    ):
        # given
        hub, (heater,) = await live_hub(owner)
        await _mutate(owner, SET_THRESHOLD, "setThreshold", outletId=heater.id, milliamps=1500)

        # when
        response = await HubWire(server_a, hub.base_url).commands("fe")

        # then
        assert response.content == (
            b'{"success": true, "commands": '
            b'[{"command": "set_threshold", "socket": "", "value": 1500}]}'
        )

    async def test_breaker_noise_is_stored_as_no_load(self, server_a, owner):
        # given
        hub, _ = await live_hub(owner)

        # when
        response = await HubWire(server_a, hub.base_url).breaker(hub.device.hardware_id, 150)

        # then
        assert response.content == b'{"success": true, "message": "breaker reading received: 0 mA"}'
        state = await owner.execute(HUB_STATE, {"hubId": hub.device.id})
        assert state["hubState"]["breakerCurrentMilliamps"] == 0

    async def test_readings_above_the_threshold_and_overloads_raise_alerts(self, server_a, owner):
        # given
        hub, (heater,) = await live_hub(owner)
        wire = HubWire(server_a, hub.base_url)
        await _mutate(owner, SET_THRESHOLD, "setThreshold", outletId=heater.id, milliamps=1000)

        # when
        await wire.data(reading("FE", current_a=1250))
        await wire.data(reading("FE", current_a=65535))
        await wire.data(reading("FE", current_a=65535, is_overload=True))

        # then
        result = await owner.execute(ALERTS, {"deviceId": heater.id})
        alerts = sorted(
            (edge["node"]["kind"], edge["node"]["status"]) for edge in result["alerts"]["edges"]
        )
        assert alerts == [("OVERLOAD", "ACTIVE"), ("THRESHOLD", "CLEARED")]


class TestRefusals:
    @pytest.mark.parametrize(
        ("method", "path", "body"),
        [
            ("GET", "/devices/", None),
            ("POST", "/breaker-data/", {"ccu_id": "02", "current_ma": 4500}),
            ("GET", "/focus/", None),
            ("POST", "/data/", reading("FE")),
            ("GET", "/commands/FE/", None),
        ],
    )
    async def test_an_unknown_hub_key_is_404_on_every_route(self, server_a, method, path, body):
        # given
        wire = HubWire(server_a, f"http://pawgraph.example/h/{'0' * 48}/")

        # when
        response = await wire.request(method, path, body)

        # then
        assert (response.status_code, response.json()) == (404, UNKNOWN_KEY)

    @pytest.mark.parametrize(
        "body",
        [
            json.dumps({"device_id": "FE", "current_b": 0}).encode(),
            json.dumps({"device_id": "FE", "current_a": -1, "current_b": 0}).encode(),
        ],
    )
    async def test_an_unknown_hub_key_is_404_even_with_a_bad_reading(self, server_a, body):
        # given
        wire = HubWire(server_a, f"http://pawgraph.example/h/{'0' * 48}/")

        # when
        response = await wire.data(body)

        # then
        assert (response.status_code, response.json()) == (404, UNKNOWN_KEY)

    async def test_a_rotated_key_no_longer_posts_and_nothing_is_written(self, server_a, owner):
        # given
        hub, (heater,) = await live_hub(owner)
        await _mutate(owner, ISSUE_HUB_BASE_URL, "issueHubBaseUrl", hubId=hub.device.id)

        # when
        response = await HubWire(server_a, hub.base_url).data(reading("FE"))

        # then
        assert response.status_code == 404
        assert (await device_state(owner, heater))["lastSeenAt"] is None

    async def test_an_outlet_not_on_this_hub_is_404_and_nothing_is_written(self, server_a, owner):
        # given
        hub, (heater,) = await live_hub(owner)
        wire = HubWire(server_a, hub.base_url)

        # when
        data = await wire.data(reading("0A"))
        commands = await wire.commands("0A")

        # then
        assert (data.status_code, data.json()) == (
            404,
            {"success": False, "message": "Outlet 0A is not registered on this hub."},
        )
        assert (commands.status_code, json.loads(commands.content)["success"]) == (404, False)
        assert (await device_state(owner, heater))["lastSeenAt"] is None

    async def test_readings_posted_together_are_each_answered_for_themselves(
        self, server_a, owner, other_owner
    ):
        # given: readings of three outlets, one not on the hub and one with another hub's key,
        # all at once (written in shared transactions: outlets_flows.hub_readings)
        hub, outlets = await live_hub(owner, ("FE", "03", "04"))
        their_hub, _ = await live_hub(other_owner, ("05",))
        wire, their_wire = HubWire(server_a, hub.base_url), HubWire(server_a, their_hub.base_url)
        posts = [wire.data(reading(outlet_id)) for outlet_id in ("FE", "0A", "03", "04")]

        # when
        responses = await asyncio.gather(*posts, their_wire.data(reading("FE")))

        # then
        assert [response.status_code for response in responses] == [200, 404, 200, 200, 404]
        answers = [response.json()["success"] for response in responses]
        assert answers == [True, False, True, True, False]
        for outlet in outlets:
            assert (await device_state(owner, outlet))["lastSeenAt"] is not None

    async def test_another_hubs_key_cannot_post_for_my_outlet(self, server_a, owner, other_owner):
        # given
        my_hub, (my_outlet,) = await live_hub(owner)
        their_hub, _ = await live_hub(other_owner, ("03",))

        # when
        response = await HubWire(server_a, their_hub.base_url).data(reading("FE"))

        # then
        assert response.status_code == 404
        assert (await device_state(owner, my_outlet))["lastSeenAt"] is None

    async def test_another_hubs_id_in_breaker_data_is_404(self, server_a, owner):
        # given
        hub, _ = await live_hub(owner)
        other_id = "00" if hub.device.hardware_id != "00" else "01"

        # when
        response = await HubWire(server_a, hub.base_url).breaker(other_id, 4500)

        # then
        assert response.status_code == 404

    @pytest.mark.parametrize(
        "body",
        [
            b'{"device_id": "FE", "current_a": 1250',
            json.dumps({"current_a": 1250, "current_b": 0}).encode(),
            json.dumps({"device_id": "FE", "current_b": 0}).encode(),
            json.dumps({"device_id": "FE", "current_a": 1250}).encode(),
            json.dumps({"device_id": "FE", "current_a": -1, "current_b": 0}).encode(),
            json.dumps({"device_id": "XYZ", "current_a": 1, "current_b": 0}).encode(),
        ],
    )
    async def test_bad_readings_are_400_and_nothing_is_written(self, server_a, owner, body):
        # given
        hub, (heater,) = await live_hub(owner)

        # when
        response = await HubWire(server_a, hub.base_url).data(body)

        # then
        assert response.status_code == 400
        assert json.loads(response.content)["success"] is False
        assert (await device_state(owner, heater))["lastSeenAt"] is None

    async def test_paths_without_their_trailing_slash_are_not_redirected(self, server_a, owner):
        # given
        hub, _ = await live_hub(owner)
        wire = HubWire(server_a, hub.base_url)

        # when
        response = await wire.request("POST", "/data", reading("FE"))

        # then
        assert response.status_code == 404
