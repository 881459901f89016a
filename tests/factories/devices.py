"""Devices for live tests: registered through GraphQL, then driven over the PETio wire.

``register_device`` returns the device's global ID, hardware id and the API key that
``registerDevice`` shows exactly once. The heartbeat helpers build exactly what a PETio feeder
sends (WIRE.md section 1): its headers and a JSON body serialised to bytes by the caller's choice.
"""

import json
import random
import secrets
from dataclasses import dataclass
from typing import Any

import httpx

from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import LiveServer

REGISTER_DEVICE = """
mutation RegisterDevice($input: RegisterDeviceInput!) {
  registerDevice(input: $input) {
    device { id kind name hardwareId parentHub { id } pet { id } }
    apiKey
    userErrors { field code message }
  }
}
"""
ROTATE_DEVICE_KEY = """
mutation RotateDeviceKey($input: DeviceIdInput!) {
  rotateDeviceKey(input: $input) { device { id } apiKey userErrors { field code message } }
}
"""
DEVICE_STATE = """
query DeviceState($id: ID!) {
  node(id: $id) {
    ... on Device {
      id online lastSeenAt
      status {
        deviceId online lastSeenAt deviceTime
        ... on FeederStatus {
          wifiRssi uptimeSeconds dailyFeeds lastFeedAt hopperMm hopperPercent tofOk errorMessage
        }
      }
    }
  }
}
"""

STATUS_PATH = "/api/device/status/"
FIRMWARE_USER_AGENT = "ESP8266-PetFeeder/1.0"


@dataclass(frozen=True)
class RegisteredDevice:
    id: str
    hardware_id: str
    api_key: str


# Hub ids are 2 hex digits and unique among all hubs: 256 of them for the whole test database.
_HUB_IDS = [f"{number:02X}" for number in random.sample(range(256), 256)]


def feeder_hardware_id() -> str:
    """A fresh PETio chip id: ESP- and 8 upper-case hex digits."""
    return f"ESP-{secrets.token_hex(4).upper()}"


async def register_device_raw(owner: GraphQLClient, **fields: Any) -> dict[str, Any]:
    """The ``registerDevice`` payload for these input fields, userErrors and all."""
    result = await owner.execute(REGISTER_DEVICE, {"input": fields})
    return result["registerDevice"]


async def register_device(
    owner: GraphQLClient,
    kind: str = "FEEDER",
    hardware_id: str | None = None,
    name: str | None = None,
    **fields: Any,
) -> RegisteredDevice:
    """A device of ``owner``'s; a feeder with a fresh chip id unless told otherwise."""
    hardware_id = hardware_id or feeder_hardware_id()
    name = name or f"{kind.lower()} {hardware_id}"
    payload = await register_device_raw(
        owner, kind=kind, name=name, hardwareId=hardware_id, **fields
    )
    assert payload["userErrors"] == []
    device = payload["device"]
    return RegisteredDevice(device["id"], device["hardwareId"], payload["apiKey"])


async def register_hub(owner: GraphQLClient) -> RegisteredDevice:
    """A hub of ``owner``'s under a hub id no other test holds (tried in turn until one is free)."""
    while _HUB_IDS:
        hardware_id = _HUB_IDS.pop()
        payload = await register_device_raw(
            owner, kind="HUB", name=f"hub {hardware_id}", hardwareId=hardware_id
        )
        if not payload["userErrors"]:
            return RegisteredDevice(payload["device"]["id"], hardware_id, payload["apiKey"])
        assert [error["code"] for error in payload["userErrors"]] == ["HARDWARE_ID_TAKEN"]
    raise AssertionError("all 256 hub ids are used up in this test session")


async def rotate_key(owner: GraphQLClient, device: RegisteredDevice) -> RegisteredDevice:
    result = await owner.execute(ROTATE_DEVICE_KEY, {"input": {"id": device.id}})
    assert result["rotateDeviceKey"]["userErrors"] == []
    return RegisteredDevice(device.id, device.hardware_id, result["rotateDeviceKey"]["apiKey"])


async def device_state(viewer: GraphQLClient, device: RegisteredDevice) -> dict[str, Any] | None:
    """The device's online flag, last seen time and status, as its owner's app reads them."""
    result = await viewer.execute(DEVICE_STATE, {"id": device.id})
    return result["node"]


def feeder_headers(device: RegisteredDevice | None = None, **extra: str) -> dict[str, str]:
    """A paired PETio unit's headers: Device-ID, and its key in X-API-Key (as unpaired units do)."""
    headers = {"Content-Type": "application/json", "User-Agent": FIRMWARE_USER_AGENT}
    if device is not None:
        headers.update({"Device-ID": device.hardware_id, "X-API-Key": device.api_key})
    headers.update(extra)
    return headers


def heartbeat_body(device: RegisteredDevice, **overrides: Any) -> dict[str, Any]:
    """The body a PETio feeder sends every 60 s."""
    body: dict[str, Any] = {
        "device_id": device.hardware_id,
        "timestamp": "2026-11-23T08:00:00Z",
        "heartbeat": True,
        "wifi_rssi": -61,
        "uptime": 3600,
        "daily_feeds": 2,
        "last_feed": "2026-11-23T07:30:00Z",
        "hopper_mm": 120,
        "hopper_pct": 66,
        "tof_ok": True,
        "error_message": "",
    }
    body.update(overrides)
    return body


def as_wire_bytes(body: dict[str, Any]) -> bytes:
    """Serialised the way the firmware's ArduinoJson writes it: compact, no spaces."""
    return json.dumps(body, separators=(",", ":")).encode()


async def post_status(
    server: LiveServer, content: bytes, headers: dict[str, str], path: str = STATUS_PATH
) -> httpx.Response:
    """POST raw bytes to a device route; never follows a redirect (the firmware doesn't)."""
    async with httpx.AsyncClient(
        base_url=server.base_url, timeout=30, follow_redirects=False
    ) as http:
        return await http.post(path, content=content, headers=headers)


async def post_heartbeat(
    server: LiveServer, device: RegisteredDevice, **overrides: Any
) -> httpx.Response:
    """An accepted heartbeat of ``device`` (asserted 200)."""
    response = await post_status(
        server, as_wire_bytes(heartbeat_body(device, **overrides)), feeder_headers(device)
    )
    assert response.status_code == 200, response.text
    return response
