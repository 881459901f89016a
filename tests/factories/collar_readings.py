"""Petty collars for live tests: registered over GraphQL, then driven with the exact bytes a
collar posts to ``/ingest`` (WIRE.md section 3)."""

import datetime as dt
import json
import secrets
from typing import Any

import httpx

from tests.factories.devices import RegisteredDevice, register_device
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import LiveServer

INGEST_PATH = "/ingest"


def collar_hardware_id() -> str:
    """A fresh Petty serial number, like ``SN-12345``."""
    return f"SN-{secrets.token_hex(4).upper()}"


async def register_collar(owner: GraphQLClient, **fields: Any) -> RegisteredDevice:
    return await register_device(owner, kind="COLLAR", hardware_id=collar_hardware_id(), **fields)


def wire_time(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def petty_reading(
    collar: RegisteredDevice, at: dt.datetime | None = None, **overrides: Any
) -> dict[str, Any]:
    """The reading a Petty collar sends every 10 s (WIRE.md's example, at ``at``)."""
    body: dict[str, Any] = {
        "collar_id": collar.hardware_id,
        "timestamp": wire_time(at or dt.datetime.now(dt.UTC)),
        "heart_rate": 85,
        "activity_level": 1,
        "location": {"type": "Point", "coordinates": [-74.006, 40.7128]},
    }
    body.update(overrides)
    return body


def as_bytes(body: Any) -> bytes:
    return json.dumps(body, separators=(",", ":")).encode()


def key_headers(collar: RegisteredDevice) -> dict[str, str]:
    return {"Content-Type": "application/json", "X-API-Key": collar.api_key}


def bearer_headers(collar: RegisteredDevice) -> dict[str, str]:
    return {"Content-Type": "application/json", "Authorization": f"Bearer {collar.api_key}"}


async def post_ingest(
    server: LiveServer, content: bytes, headers: dict[str, str], path: str = INGEST_PATH
) -> httpx.Response:
    """POST raw bytes, never following a redirect."""
    async with httpx.AsyncClient(
        base_url=server.base_url, timeout=30, follow_redirects=False
    ) as http:
        return await http.post(path, content=content, headers=headers)


async def ingest(server: LiveServer, collar: RegisteredDevice, body: Any) -> httpx.Response:
    """An accepted upload (asserted 201)."""
    response = await post_ingest(server, as_bytes(body), key_headers(collar))
    assert response.status_code == 201, response.text
    return response
