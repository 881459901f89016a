"""Smart-Outlet hubs and outlets: in the test's session (service tests), or registered over
GraphQL and driven over the hub's wire (live tests), byte for byte as the ESP32 hub sends."""

import asyncio
import json
import random
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.accounts.models import User
from graphql_api.devices.errors import HardwareIdTaken
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.devices.service import IssuedKey
from tests.factories.devices import RegisteredDevice, register_device, register_hub
from tests.factories.devices_db import register_device as register_device_db
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import LiveServer

ISSUE_HUB_BASE_URL = """
mutation IssueHubBaseUrl($input: IssueHubBaseUrlInput!) {
  issueHubBaseUrl(input: $input) { hub { id } baseUrl userErrors { field code message } }
}
"""


async def create_hub(session: AsyncSession, owner: User, name: str = "Garage hub") -> IssuedKey:
    """A hub under a 2-hex-digit id no committed hub (e.g. a live test's) holds."""
    for number in random.sample(range(256), 256):
        try:
            return await register_device_db(
                session, owner, DeviceKind.HUB, hardware_id=f"{number:02X}", name=name
            )
        except HardwareIdTaken:
            continue
    raise AssertionError("no free hub id")


async def create_outlet(
    session: AsyncSession, owner: User, hub: Device, hardware_id: str = "FE", name: str = "Heater"
) -> Device:
    issued = await register_device_db(
        session, owner, DeviceKind.OUTLET, hardware_id=hardware_id, name=name, parent_id=hub.id
    )
    return issued.device


def reading(device_id: str = "FE", **overrides: Any) -> dict[str, Any]:
    """The body the hub posts to /api/data/ for one outlet."""
    body: dict[str, Any] = {
        "device_id": device_id,
        "current_a": 1250,
        "current_b": 0,
        "relay_a": True,
        "relay_b": False,
        "is_overload": False,
    }
    body.update(overrides)
    return body


# ---- live ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LiveHub:
    device: RegisteredDevice
    base_url: str


async def live_hub(
    owner: GraphQLClient, outlet_ids: tuple[str, ...] = ("FE",)
) -> tuple[LiveHub, list[RegisteredDevice]]:
    """A hub of ``owner``'s with outlets, and the base URL its owner types into its portal."""
    hub = await register_hub(owner)
    outlets = [
        await register_device(owner, "OUTLET", hardware_id=outlet_id, parentHubId=hub.id)
        for outlet_id in outlet_ids
    ]
    issued = await owner.execute(ISSUE_HUB_BASE_URL, {"input": {"hubId": hub.id}})
    assert issued["issueHubBaseUrl"]["userErrors"] == []
    return LiveHub(hub, issued["issueHubBaseUrl"]["baseUrl"]), outlets


class HubWire:
    """The hub's HTTP client: its base URL (one trailing / stripped) + /api/..., no headers
    beyond what an ESP32 HTTPClient sends, compact JSON bodies, redirects never followed."""

    def __init__(self, server: LiveServer, base_url: str) -> None:
        # The owner typed a public URL; the test reaches the same path on the live server.
        path = base_url.rstrip("/").split("://", 1)[1].split("/", 1)[1]
        self.prefix = f"/{path}/api"
        self.server = server

    async def request(
        self, method: str, path: str, body: dict[str, Any] | bytes | None = None
    ) -> httpx.Response:
        content = (
            body
            if isinstance(body, bytes) or body is None
            else json.dumps(body, separators=(",", ":")).encode()
        )
        headers = {"Content-Type": "application/json"} if content is not None else {}
        async with httpx.AsyncClient(
            base_url=self.server.base_url, timeout=30, follow_redirects=False
        ) as http:
            return await http.request(method, self.prefix + path, content=content, headers=headers)

    async def devices(self) -> httpx.Response:
        return await self.request("GET", "/devices/")

    async def breaker(self, ccu_id: str, current_ma: int) -> httpx.Response:
        return await self.request(
            "POST", "/breaker-data/", {"ccu_id": ccu_id, "current_ma": current_ma}
        )

    async def focus(self) -> httpx.Response:
        return await self.request("GET", "/focus/")

    async def until_polled(self, outlet_id: str, timeout_s: float = 30.0) -> None:
        """Until /focus/ names ``outlet_id``: a live subscription watches it (being iterated)."""
        async with asyncio.timeout(timeout_s):
            while (await self.focus()).json()["device_id"] != outlet_id:
                await asyncio.sleep(0.1)

    async def data(self, body: dict[str, Any] | bytes) -> httpx.Response:
        return await self.request("POST", "/data/", body)

    async def commands(self, outlet_id: str) -> httpx.Response:
        return await self.request("GET", f"/commands/{outlet_id}/")
