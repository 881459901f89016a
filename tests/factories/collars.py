"""Collars for live tests: registered over GraphQL (broker login included), then run as the
real collar firmware (``firmware.collar_unit``) in a thread, over the real broker."""

import base64
import secrets
import threading
from dataclasses import dataclass
from typing import Any

from firmware.collar_unit import RECEIPT_TIMEOUT_S, CollarUnit
from firmware.mqtt_cpython import PahoMQTTClient
from tests.support.graphql_client import GraphQLClient

REGISTER_COLLAR = """
mutation RegisterDevice($input: RegisterDeviceInput!) {
  registerDevice(input: $input) {
    device { id kind }
    apiKey
    mqttCredentials { username password topicPrefix }
    userErrors { field code message }
  }
}
"""
TREAT = """
mutation Treat($input: TreatInput!) {
  treat(input: $input) {
    command { id kind status }
    treat { issuedAt }
    userErrors { field code message }
  }
}
"""
COMMAND_UPDATED = """
subscription Commands($deviceId: ID!) {
  commandUpdated(deviceId: $deviceId) { id kind status reason transitions { status } }
}
"""
DELETE_DEVICE = """
mutation DeleteDevice($input: DeviceIdInput!) {
  deleteDevice(input: $input) { deletedDeviceId userErrors { code } }
}
"""


@dataclass(frozen=True)
class RegisteredCollar:
    id: str
    pk: int
    username: str
    password: str


def node_pk(global_id: str) -> int:
    return int(base64.b64decode(global_id).decode().split(":", 1)[1])


async def register_collar(owner: GraphQLClient, **fields: Any) -> RegisteredCollar:
    hardware_id = f"HETRI-{secrets.token_hex(5).upper()}"
    result = await owner.execute(
        REGISTER_COLLAR,
        {"input": {"kind": "COLLAR", "name": f"collar {hardware_id}", "hardwareId": hardware_id,
                   **fields}},
    )  # fmt: skip
    payload = result["registerDevice"]
    assert payload["userErrors"] == []
    credentials = payload["mqttCredentials"]
    device_id = payload["device"]["id"]
    return RegisteredCollar(
        device_id, node_pk(device_id), credentials["username"], credentials["password"]
    )


class RunningCollar:
    """The collar firmware in a thread (paho transport) until ``stop``."""

    def __init__(
        self,
        collar: RegisteredCollar,
        port: int,
        telemetry_interval: float = 1.0,
        receipt_timeout: float = RECEIPT_TIMEOUT_S,
    ):
        self.unit = CollarUnit(
            collar.pk,
            collar.username,
            collar.password,
            server="127.0.0.1",
            port=port,
            client_factory=PahoMQTTClient,
            telemetry_interval=telemetry_interval,
            receipt_timeout=receipt_timeout,
        )
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.unit.run_once()
            self._stop.wait(0.02)

    def __enter__(self) -> "RunningCollar":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self, clean: bool = True) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        if clean:
            self.unit.disconnect()
        elif self.unit.client is not None:
            self.unit.client.drop()
            self.unit.client = None
