"""Broker credentials of devices that speak MQTT: the port the devices service drives.

A collar or battery controller logs in to the MQTT broker as ``device-<id>`` with its API key as
password (issued once, stored only as a hash here and salted-hashed by the broker). The broker
itself enforces that a device publishes and subscribes only under ``devices/<its id>/``; this
module is how the service tells it. ``device_mqtt.broker_admin`` implements it for Mosquitto's
dynamic-security plugin; EMQX or AWS IoT would be another implementation of ``DeviceBroker``.
"""

from typing import Protocol

from graphql_api.devices.models import DeviceKind

MQTT_KINDS = frozenset({DeviceKind.COLLAR, DeviceKind.BATTERY})


class BrokerUnavailableError(Exception):
    """The broker did not take the change; the caller's transaction must not commit."""


class DeviceBroker(Protocol):
    async def grant(self, device_id: int, username: str, password: str) -> None:
        """Let ``username``/``password`` log in with access to ``devices/<device_id>/#`` only;
        replaces (and disconnects) whatever that username had before."""

    async def revoke(self, device_id: int, username: str) -> None:
        """Remove the login and its access, disconnecting it; no error if it is already gone."""


class NoBroker:
    """MQTT off, or a broker whose accounts are managed elsewhere: nothing to tell."""

    async def grant(self, device_id: int, username: str, password: str) -> None:
        return None

    async def revoke(self, device_id: int, username: str) -> None:
        return None


NO_BROKER = NoBroker()


def mqtt_username(device_id: int) -> str:
    return f"device-{device_id}"


def speaks_mqtt(kind: DeviceKind) -> bool:
    return kind in MQTT_KINDS
