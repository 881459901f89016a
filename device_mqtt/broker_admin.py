"""Per-device broker logins on Mosquitto (>= 2.0) through its dynamic-security plugin.

Commands go to ``$CONTROL/dynamic-security/v1`` and answers come back on ``.../response``
(https://mosquitto.org/documentation/dynamic-security/). Each device gets a client
``device-<id>`` and a role of the same name allowing publish, subscribe and receive on
``devices/<id>/#`` only; the plugin's defaults deny publishing and subscribing anywhere else.
Deleting a client disconnects it at once, so a rotation (delete, then create with the new
password) and a revocation both take effect on the live connection too.

The account in ``PAWGRAPH_MQTT_URL`` must hold the plugin's admin role (``mosquitto_ctrl dynsec
init`` creates one) and a role for the device topics (README: "MQTT"; ``SERVICE_ACLS``). Giving
it that role from here would not do: dynamic security disconnects a client whose roles change,
the very connection waiting for the answer.
"""

import json
import logging
import secrets
from collections.abc import Sequence
from typing import Any

from device_mqtt.connection import BrokerAddress, NotConnected, one_shot_client
from graphql_api.devices.credentials import (
    NO_BROKER,
    BrokerUnavailableError,
    DeviceBroker,
)
from graphql_api.settings import BrokerAdminKind, Settings

logger = logging.getLogger(__name__)

CONTROL_TOPIC = "$CONTROL/dynamic-security/v1"
RESPONSE_TOPIC = f"{CONTROL_TOPIC}/response"
SERVICE_ROLE = "pawgraph-service"


def service_acls(share_group: str) -> list[dict[str, Any]]:
    """What pawgraph's own account needs: every device's messages through the shared group,
    and publishing commands to any device."""
    allow = [
        ("publishClientSend", "devices/#"),
        ("publishClientReceive", "devices/#"),
        ("subscribePattern", "devices/#"),
        ("subscribePattern", f"$share/{share_group}/devices/#"),
    ]
    return [{"acltype": acltype, "topic": topic, "allow": True} for acltype, topic in allow]


_TIMEOUT_S = 5.0
# Errors that mean "already as wanted" when deleting.
_GONE = ("not found",)


def _device_acls(device_id: int) -> list[dict[str, Any]]:
    topic = f"devices/{device_id}/#"
    return [
        {"acltype": acltype, "topic": topic, "allow": True}
        for acltype in ("publishClientSend", "publishClientReceive", "subscribePattern")
    ]


class MosquittoDynsecAdmin:
    """``DeviceBroker`` for Mosquitto's dynamic-security plugin."""

    def __init__(self, address: BrokerAddress) -> None:
        self._address = address

    async def grant(self, device_id: int, username: str, password: str) -> None:
        await self._drop(username)
        await self._run(
            [
                {
                    "command": "createRole",
                    "rolename": username,
                    "acls": _device_acls(device_id),
                },
                {
                    "command": "createClient",
                    "username": username,
                    "password": password,
                    "roles": [{"rolename": username}],
                },
            ]
        )

    async def revoke(self, device_id: int, username: str) -> None:
        await self._drop(username)

    async def _drop(self, username: str) -> None:
        await self._run(
            [
                {"command": "deleteClient", "username": username},
                {"command": "deleteRole", "rolename": username},
            ],
            tolerate=_GONE,
        )

    async def _run(
        self, commands: Sequence[dict[str, Any]], *, tolerate: Sequence[str] = ()
    ) -> None:
        correlation = secrets.token_hex(8)
        request = {
            "commands": [
                {**command, "correlationData": f"{correlation}-{index}"}
                for index, command in enumerate(commands)
            ]
        }
        try:
            async with one_shot_client(self._address, f"pawgraph-admin-{correlation}") as client:
                await client.subscribe(RESPONSE_TOPIC)
                await client.publish(CONTROL_TOPIC, json.dumps(request).encode())
                responses = await self._responses(client, correlation)
        except (NotConnected, TimeoutError) as exc:
            raise BrokerUnavailableError(f"dynamic security unreachable: {exc}") from exc
        for response in responses:
            error = response.get("error")
            if error and not any(marker in error.lower() for marker in tolerate):
                raise BrokerUnavailableError(f"{response.get('command')}: {error}")

    @staticmethod
    async def _responses(client, correlation: str) -> list[dict[str, Any]]:
        # Another admin's answers share the topic; ours carry our correlation data.
        while True:
            _, payload = await client.next_message(_TIMEOUT_S)
            try:
                responses = json.loads(payload).get("responses", [])
            except (ValueError, AttributeError):
                continue
            if any(
                str(item.get("correlationData", "")).startswith(correlation) for item in responses
            ):
                return responses


def build_device_broker(settings: Settings) -> DeviceBroker:
    if settings.mqtt_url is None or settings.mqtt_broker_admin is BrokerAdminKind.NONE:
        return NO_BROKER
    address = BrokerAddress.parse(settings.mqtt_url.get_secret_value())
    return MosquittoDynsecAdmin(address)
