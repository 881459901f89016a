"""The PETio feeder heartbeat, ``POST /api/device/status/``, byte for byte as the firmware sends
it (WIRE.md section 1): auth by key, the PETio envelope, lenient types, strict ranges, no
redirects, and nothing written for a refused request."""

import asyncio
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

import httpx
import pytest

from tests.factories.devices import (
    FIRMWARE_USER_AGENT,
    STATUS_PATH,
    RegisteredDevice,
    as_wire_bytes,
    device_state,
    feeder_headers,
    heartbeat_body,
    post_heartbeat,
    post_status,
    register_device,
    register_hub,
)
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import LiveServer

OK_BODY = b'{"status": "ok", "message": "heartbeat received", "success": true}'
# What every PETio unit sends in X-API-Key: a constant compiled into the firmware, not a key.
FLEET_CONSTANT = "petio-fleet-" + "0" * 36


@dataclass
class Feeders:
    """Two feeders of one owner, each with one accepted heartbeat behind it."""

    owner: GraphQLClient
    first: RegisteredDevice
    second: RegisteredDevice


@pytest.fixture
async def feeders(owner: GraphQLClient) -> Feeders:
    first = await register_device(owner)
    second = await register_device(owner)
    await post_heartbeat(owner.server, first, wifi_rssi=-50, uptime=10)
    await post_heartbeat(owner.server, second, wifi_rssi=-70, uptime=20)
    return Feeders(owner, first, second)


def parse_moment(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


def envelope(response: httpx.Response) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"status", "message", "success", "error"}
    assert body["status"] == "error"
    assert body["success"] is False
    assert isinstance(body["message"], str) and body["message"]
    return body


async def raw_http10_post(server: LiveServer, path: str, headers: dict[str, str], body: bytes):
    """An HTTP/1.0 request with ``Connection: close`` on a bare socket; returns (head, body)."""
    address = urlparse(server.base_url)
    reader, writer = await asyncio.open_connection(address.hostname, address.port)
    lines = [f"POST {path} HTTP/1.0", f"Host: {address.netloc}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    lines += ["Connection: close", f"Content-Length: {len(body)}"]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
    await writer.drain()
    try:
        response = await asyncio.wait_for(reader.read(), 15)
    finally:
        writer.close()
    head, _, payload = response.partition(b"\r\n\r\n")
    return head.decode("latin-1"), payload


class TestAcceptedHeartbeat:
    async def test_firmware_request_gets_the_exact_ok_body(self, owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        content = as_wire_bytes(heartbeat_body(feeder))
        # when
        response = await post_status(owner.server, content, feeder_headers(feeder))
        # then
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/json"
        assert response.content == OK_BODY

    async def test_http10_with_connection_close_is_served(self, owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        content = as_wire_bytes(heartbeat_body(feeder))
        # when
        head, body = await raw_http10_post(
            owner.server, STATUS_PATH, feeder_headers(feeder), content
        )
        # then
        status_line, *header_lines = head.split("\r\n")
        assert status_line.split(" ")[1] == "200"
        headers = {line.split(":", 1)[0].lower() for line in header_lines}
        assert "content-length" in headers
        assert "transfer-encoding" not in headers
        assert body == OK_BODY

    async def test_paired_unit_is_known_by_device_id_and_device_key(self, owner: GraphQLClient):
        # given: a paired unit still sends the fleet constant in X-API-Key
        feeder = await register_device(owner)
        headers = feeder_headers(
            None,
            **{
                "Device-ID": feeder.hardware_id,
                "X-Device-Key": feeder.api_key,
                "X-API-Key": FLEET_CONSTANT,
            },
        )
        # when
        response = await post_status(owner.server, as_wire_bytes(heartbeat_body(feeder)), headers)
        # then
        assert response.status_code == 200
        assert response.content == OK_BODY
        assert (await device_state(owner, feeder))["online"] is True

    async def test_device_key_pair_wins_over_a_valid_api_key(self, feeders: Feeders):
        # given: the pair names an invalid key; X-API-Key holds the unit's real key
        headers = feeder_headers(feeders.first, **{"X-Device-Key": "f" * 48})
        before = await device_state(feeders.owner, feeders.first)
        # when
        response = await post_status(
            feeders.owner.server, as_wire_bytes(heartbeat_body(feeders.first)), headers
        )
        # then
        assert response.status_code == 403
        assert envelope(response)["error"] == "DEVICE_KEY_INVALID"
        assert await device_state(feeders.owner, feeders.first) == before

    async def test_device_key_pair_wins_over_another_devices_api_key(self, feeders: Feeders):
        # given
        headers = feeder_headers(
            feeders.first,
            **{"X-Device-Key": feeders.first.api_key, "X-API-Key": feeders.second.api_key},
        )
        second_before = await device_state(feeders.owner, feeders.second)
        # when
        response = await post_status(
            feeders.owner.server, as_wire_bytes(heartbeat_body(feeders.first, uptime=99)), headers
        )
        # then
        assert response.status_code == 200
        first_after = await device_state(feeders.owner, feeders.first)
        assert first_after["status"]["uptimeSeconds"] == 99
        assert await device_state(feeders.owner, feeders.second) == second_before

    async def test_device_id_is_matched_in_any_case(self, owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        headers = feeder_headers(feeder, **{"Device-ID": feeder.hardware_id.lower()})
        # when
        response = await post_status(owner.server, as_wire_bytes(heartbeat_body(feeder)), headers)
        # then
        assert response.status_code == 200

    @pytest.mark.parametrize("truthy", ["1", "true", "yes", "on", "True", "ON"])
    async def test_strings_for_ints_and_bools_are_read(self, owner: GraphQLClient, truthy: str):
        # given
        feeder = await register_device(owner)
        body = heartbeat_body(
            feeder,
            heartbeat=truthy,
            tof_ok=truthy,
            wifi_rssi="-58",
            uptime="7200",
            daily_feeds="3",
            hopper_mm="95",
            hopper_pct="40",
        )
        # when
        response = await post_status(owner.server, as_wire_bytes(body), feeder_headers(feeder))
        # then
        assert response.status_code == 200
        status = (await device_state(owner, feeder))["status"]
        assert status["tofOk"] is True
        assert status["wifiRssi"] == -58
        assert status["uptimeSeconds"] == 7200
        assert status["dailyFeeds"] == 3
        assert status["hopperMm"] == 95
        assert status["hopperPercent"] == 40

    @pytest.mark.parametrize("falsy", ["0", "false", "no", "off"])
    async def test_false_strings_are_read_as_false(self, owner: GraphQLClient, falsy: str):
        # given
        feeder = await register_device(owner)
        body = heartbeat_body(feeder, tof_ok=falsy)
        # when
        response = await post_status(owner.server, as_wire_bytes(body), feeder_headers(feeder))
        # then
        assert response.status_code == 200
        assert (await device_state(owner, feeder))["status"]["tofOk"] is False

    async def test_heartbeat_updates_what_the_app_reads(self, owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        sent_before = dt.datetime.now(dt.UTC)
        # when
        await post_heartbeat(owner.server, feeder)
        # then
        sent_after = dt.datetime.now(dt.UTC)
        state = await device_state(owner, feeder)
        assert state["online"] is True
        assert sent_before <= parse_moment(state["lastSeenAt"]) <= sent_after
        status = state["status"]
        assert status["online"] is True
        assert status["deviceId"] == feeder.id
        assert status["lastSeenAt"] == state["lastSeenAt"]
        assert parse_moment(status["deviceTime"]) == dt.datetime(2026, 11, 23, 8, tzinfo=dt.UTC)
        assert parse_moment(status["lastFeedAt"]) == dt.datetime(2026, 11, 23, 7, 30, tzinfo=dt.UTC)
        assert status["wifiRssi"] == -61
        assert status["uptimeSeconds"] == 3600
        assert status["dailyFeeds"] == 2
        assert status["hopperMm"] == 120
        assert status["hopperPercent"] == 66
        assert status["tofOk"] is True
        assert status["errorMessage"] is None

    async def test_unsynced_1970_clock_is_kept_apart_from_the_server_time(
        self, owner: GraphQLClient
    ):
        # given
        feeder = await register_device(owner)
        sent_before = dt.datetime.now(dt.UTC)
        # when
        await post_heartbeat(owner.server, feeder, timestamp="1970-01-01T00:00:42Z")
        # then
        state = await device_state(owner, feeder)
        device_time = dt.datetime(1970, 1, 1, 0, 0, 42, tzinfo=dt.UTC)
        assert parse_moment(state["status"]["deviceTime"]) == device_time
        assert parse_moment(state["lastSeenAt"]) >= sent_before
        assert state["online"] is True

    async def test_minimal_body_is_accepted(self, owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        content = as_wire_bytes({"device_id": feeder.hardware_id, "heartbeat": True})
        # when
        response = await post_status(owner.server, content, feeder_headers(feeder))
        # then
        assert response.status_code == 200
        assert response.content == OK_BODY


def missing_key(feeders: Feeders) -> tuple[dict[str, str], bytes]:
    headers = feeder_headers(None, **{"Device-ID": feeders.first.hardware_id})
    return headers, as_wire_bytes(heartbeat_body(feeders.first))


def unknown_key(feeders: Feeders) -> tuple[dict[str, str], bytes]:
    headers = feeder_headers(feeders.first, **{"X-API-Key": "0" * 48})
    return headers, as_wire_bytes(heartbeat_body(feeders.first))


def fleet_constant_only(feeders: Feeders) -> tuple[dict[str, str], bytes]:
    headers = feeder_headers(feeders.first, **{"X-API-Key": FLEET_CONSTANT})
    return headers, as_wire_bytes(heartbeat_body(feeders.first))


def another_devices_api_key(feeders: Feeders) -> tuple[dict[str, str], bytes]:
    headers = feeder_headers(feeders.first, **{"X-API-Key": feeders.second.api_key})
    return headers, as_wire_bytes(heartbeat_body(feeders.first))


def another_devices_device_key(feeders: Feeders) -> tuple[dict[str, str], bytes]:
    headers = feeder_headers(feeders.first, **{"X-Device-Key": feeders.second.api_key})
    return headers, as_wire_bytes(heartbeat_body(feeders.first))


def body_names_another_device(feeders: Feeders) -> tuple[dict[str, str], bytes]:
    body = heartbeat_body(feeders.first, device_id=feeders.second.hardware_id)
    return feeder_headers(feeders.first), as_wire_bytes(body)


KEY_CASES: list[Callable[[Feeders], tuple[dict[str, str], bytes]]] = [
    missing_key,
    unknown_key,
    fleet_constant_only,
    another_devices_api_key,
    another_devices_device_key,
    body_names_another_device,
]


LATEST_READINGS = """
query FeederReadings($id: ID!, $last: Int!) {
  node(id: $id) {
    ... on Device {
      status { ... on FeederStatus { hopperPercent wifiRssi } }
      latestReadings { key value }
    }
  }
  telemetry(deviceId: $id, keys: ["hopper_percent"], last: $last) {
    edges { node { key value } }
  }
}
"""


class TestHeartbeatTelemetry:
    async def test_measurements_become_telemetry_and_status_follows_every_heartbeat(
        self, owner: GraphQLClient
    ):
        # given
        feeder = await register_device(owner)
        # when: two heartbeats inside one persist interval
        await post_heartbeat(owner.server, feeder, hopper_pct=66, wifi_rssi=-61)
        await post_heartbeat(owner.server, feeder, hopper_pct=64, wifi_rssi=-58)
        # then: the first is stored, the second only updates the status
        result = await owner.execute(LATEST_READINGS, {"id": feeder.id, "last": 5})
        device = result["node"]
        assert device["status"] == {"hopperPercent": 64, "wifiRssi": -58}
        assert {reading["key"]: reading["value"] for reading in device["latestReadings"]} == {
            "hopper_percent": 66.0,
            "hopper_mm": 120.0,
            "wifi_rssi": -61.0,
            "daily_feeds": 2.0,
            "uptime_seconds": 3600.0,
        }
        assert [edge["node"] for edge in result["telemetry"]["edges"]] == [
            {"key": "hopper_percent", "value": 66.0}
        ]

    async def test_a_failed_hopper_sensor_records_no_hopper_level(self, owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        # when
        await post_heartbeat(owner.server, feeder, tof_ok=False, hopper_pct=0, hopper_mm=0)
        # then
        result = await owner.execute(LATEST_READINGS, {"id": feeder.id, "last": 5})
        keys = {reading["key"] for reading in result["node"]["latestReadings"]}
        assert keys == {"wifi_rssi", "daily_feeds", "uptime_seconds"}
        assert result["telemetry"]["edges"] == []

    async def test_another_owner_sees_none_of_it(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        feeder = await register_device(owner)
        await post_heartbeat(owner.server, feeder)
        # when
        result = await other_owner.execute(LATEST_READINGS, {"id": feeder.id, "last": 5})
        # then
        assert result == {"node": None, "telemetry": None}


class TestRefusedKey:
    @pytest.mark.parametrize("case", KEY_CASES, ids=lambda case: case.__name__)
    async def test_is_403_with_the_petio_envelope_and_writes_nothing(
        self, feeders: Feeders, case: Callable[[Feeders], tuple[dict[str, str], bytes]]
    ):
        # given
        headers, content = case(feeders)
        before = [await device_state(feeders.owner, feeders.first)]
        before.append(await device_state(feeders.owner, feeders.second))
        # when
        response = await post_status(feeders.owner.server, content, headers)
        # then
        assert response.status_code == 403
        assert envelope(response)["error"] == "DEVICE_KEY_INVALID"
        after = [await device_state(feeders.owner, feeders.first)]
        after.append(await device_state(feeders.owner, feeders.second))
        assert after == before

    async def test_deleted_devices_key_is_refused(self, owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        await owner.execute(
            "mutation Delete($input: DeviceIdInput!) { deleteDevice(input: $input) "
            "{ userErrors { code } } }",
            {"input": {"id": feeder.id}},
        )
        # when
        response = await post_status(
            owner.server, as_wire_bytes(heartbeat_body(feeder)), feeder_headers(feeder)
        )
        # then
        assert response.status_code == 403
        assert envelope(response)["error"] == "DEVICE_KEY_INVALID"

    async def test_another_kinds_key_is_refused(self, owner: GraphQLClient):
        # given: a hub's key, sent as if the hub were a feeder
        hub = await register_hub(owner)
        headers = feeder_headers(hub)
        # when
        response = await post_status(owner.server, as_wire_bytes({"heartbeat": True}), headers)
        # then
        assert response.status_code == 403
        assert envelope(response)["error"] == "DEVICE_KEY_INVALID"
        assert (await device_state(owner, hub))["lastSeenAt"] is None


BODY_CASES: list[tuple[str, Callable[[RegisteredDevice], bytes], str | None]] = [
    (
        "truncated_json",
        lambda device: as_wire_bytes(heartbeat_body(device))[:-5],
        None,
    ),
    ("not_an_object", lambda device: b"[1, 2, 3]", None),
    (
        "rssi_not_a_number",
        lambda device: as_wire_bytes(heartbeat_body(device, wifi_rssi="strong")),
        "wifi_rssi",
    ),
    (
        "tof_ok_not_a_bool",
        lambda device: as_wire_bytes(heartbeat_body(device, tof_ok="maybe")),
        "tof_ok",
    ),
    (
        "uptime_a_list",
        lambda device: as_wire_bytes(heartbeat_body(device, uptime=[1])),
        "uptime",
    ),
    (
        "positive_rssi",
        lambda device: as_wire_bytes(heartbeat_body(device, wifi_rssi=5)),
        "wifi_rssi",
    ),
    (
        "hopper_over_100_percent",
        lambda device: as_wire_bytes(heartbeat_body(device, hopper_pct=101)),
        "hopper_pct",
    ),
    (
        "negative_uptime",
        lambda device: as_wire_bytes(heartbeat_body(device, uptime=-1)),
        "uptime",
    ),
    (
        "timestamp_not_a_date",
        lambda device: as_wire_bytes(heartbeat_body(device, timestamp="yesterday")),
        "timestamp",
    ),
]


class TestRefusedBody:
    @pytest.mark.parametrize(
        ("content_for", "field"),
        [(content_for, field) for _, content_for, field in BODY_CASES],
        ids=[name for name, _, _ in BODY_CASES],
    )
    async def test_is_400_naming_the_problem_and_writes_nothing(
        self, feeders: Feeders, content_for: Callable[[RegisteredDevice], bytes], field: str | None
    ):
        # given
        content = content_for(feeders.first)
        before = await device_state(feeders.owner, feeders.first)
        # when
        response = await post_status(feeders.owner.server, content, feeder_headers(feeders.first))
        # then
        assert response.status_code == 400
        body = envelope(response)
        assert body["error"] == "INVALID"
        if field is not None:
            assert field in body["message"]
        assert await device_state(feeders.owner, feeders.first) == before

    async def test_malformed_json_says_so(self, feeders: Feeders):
        # given
        content = b'{"device_id": "' + feeders.first.hardware_id.encode() + b'", "uptime": 1'
        # when
        response = await post_status(feeders.owner.server, content, feeder_headers(feeders.first))
        # then
        assert response.status_code == 400
        assert "JSON" in envelope(response)["message"]


class TestPath:
    async def test_path_without_trailing_slash_is_not_redirected(self, feeders: Feeders):
        # given
        content = as_wire_bytes(heartbeat_body(feeders.first))
        before = await device_state(feeders.owner, feeders.first)
        # when
        response = await post_status(
            feeders.owner.server,
            content,
            feeder_headers(feeders.first),
            path=STATUS_PATH.rstrip("/"),
        )
        # then
        assert response.status_code == 404
        assert "location" not in response.headers
        assert await device_state(feeders.owner, feeders.first) == before

    async def test_get_is_not_allowed(self, feeders: Feeders):
        # when
        async with httpx.AsyncClient(base_url=feeders.owner.server.base_url, timeout=30) as http:
            response = await http.get(
                STATUS_PATH, headers={"User-Agent": FIRMWARE_USER_AGENT}, follow_redirects=False
            )
        # then
        assert response.status_code == 405
