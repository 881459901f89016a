"""Per-device broker logins, enforced by the real broker (a private Mosquitto with dynamic
security), issued, rotated and revoked through the GraphQL API."""

import asyncio

import aiomqtt
import pytest

from tests.factories.accounts import signed_up
from tests.factories.collars import (
    DELETE_DEVICE,
    RegisteredCollar,
    register_collar,
)
from tests.factories.devices import ROTATE_DEVICE_KEY, register_device_raw
from tests.support.graphql_client import GraphQLClient
from tests.support.mosquitto import PrivateMosquitto

pytestmark = pytest.mark.live

ROTATE = """
mutation Rotate($input: DeviceIdInput!) {
  rotateDeviceKey(input: $input) {
    apiKey mqttCredentials { username password } userErrors { code }
  }
}
"""


def _client(broker: PrivateMosquitto, username: str, password: str, **extra) -> aiomqtt.Client:
    return aiomqtt.Client(
        "127.0.0.1",
        broker.port,
        username=username,
        password=password,
        protocol=aiomqtt.ProtocolVersion.V5,
        timeout=5,
        **extra,
    )


def _as(broker: PrivateMosquitto, collar: RegisteredCollar) -> aiomqtt.Client:
    return _client(broker, collar.username, collar.password)


async def _messages_within(client: aiomqtt.Client, seconds: float) -> list[aiomqtt.Message]:
    received = []
    try:
        async with asyncio.timeout(seconds):
            async for message in client.messages:
                received.append(message)
    except TimeoutError:
        pass
    return received


@pytest.fixture
async def owner_on_mqtt(mqtt_server) -> GraphQLClient:
    return await signed_up(GraphQLClient(mqtt_server), "acl-owner")


class TestIssue:
    async def test_collars_and_batteries_get_a_login_feeders_do_not(self, owner_on_mqtt):
        # when
        collar = await register_collar(owner_on_mqtt)
        feeder = await register_device_raw(
            owner_on_mqtt, kind="FEEDER", name="feeder", hardwareId="ESP-0A0B0C0D"
        )
        # then
        assert collar.username == f"device-{collar.pk}"
        assert collar.password
        assert feeder["userErrors"] == []
        assert "mqttCredentials" not in feeder or feeder.get("mqttCredentials") is None

    async def test_a_wrong_password_is_refused(self, owner_on_mqtt, broker):
        # given
        collar = await register_collar(owner_on_mqtt)
        # when / then
        with pytest.raises(aiomqtt.MqttError, match="Not authorized|Bad user name"):
            async with _client(broker, collar.username, collar.password + "x"):
                pass


class TestIsolation:
    async def test_a_device_cannot_read_another_devices_commands(
        self,
        owner_on_mqtt,
        broker,
    ):
        # given
        mine, theirs = await register_collar(owner_on_mqtt), await register_collar(owner_on_mqtt)
        async with _as(broker, mine) as spy:
            # when
            own = await spy.subscribe(f"devices/{mine.pk}/cmd/#", qos=1)
            other = await spy.subscribe(f"devices/{theirs.pk}/cmd/#", qos=1)
            everything = await spy.subscribe("devices/+/cmd/#", qos=1)
            async with _client(broker, *_admin(broker)) as server:
                await server.publish(f"devices/{theirs.pk}/cmd/treat", b"{}", qos=1)
            leaked = await _messages_within(spy, 1.0)
        # then
        assert [code.is_failure for code in own] == [False]
        assert [code.is_failure for code in other] == [True]
        assert [code.is_failure for code in everything] == [True]
        assert leaked == []

    async def test_a_device_cannot_publish_as_another(self, owner_on_mqtt, broker):
        # given
        mine, theirs = await register_collar(owner_on_mqtt), await register_collar(owner_on_mqtt)
        async with _client(broker, *_admin(broker)) as observer:
            await observer.subscribe("devices/#", qos=1)
            async with _as(broker, mine) as forger:
                # when
                await forger.publish(f"devices/{theirs.pk}/telemetry", b'{"forged":1}', qos=1)
                await forger.publish(f"devices/{mine.pk}/telemetry", b'{"own":1}', qos=1)
            seen = await _messages_within(observer, 1.0)
        # then
        assert [m.topic.value for m in seen] == [f"devices/{mine.pk}/telemetry"]


class TestRevoke:
    async def test_a_deleted_device_cannot_connect_and_is_cut_off(
        self,
        owner_on_mqtt,
        broker,
    ):
        # given
        collar = await register_collar(owner_on_mqtt)
        async with _as(broker, collar) as connected:
            # when
            result = await owner_on_mqtt.execute(DELETE_DEVICE, {"input": {"id": collar.id}})
            with pytest.raises(aiomqtt.MqttError):
                async with asyncio.timeout(5):
                    async for _ in connected.messages:
                        pass
        # then
        assert result["deleteDevice"]["userErrors"] == []
        with pytest.raises(aiomqtt.MqttError, match="Not authorized"):
            async with _as(broker, collar):
                pass

    async def test_rotating_the_key_retires_the_old_login(
        self,
        owner_on_mqtt,
        broker,
    ):
        # given
        collar = await register_collar(owner_on_mqtt)
        # when
        rotated = (await owner_on_mqtt.execute(ROTATE, {"input": {"id": collar.id}}))[
            "rotateDeviceKey"
        ]
        # then
        assert rotated["userErrors"] == []
        assert rotated["mqttCredentials"]["password"] == rotated["apiKey"] != collar.password
        with pytest.raises(aiomqtt.MqttError, match="Not authorized"):
            async with _as(broker, collar):
                pass
        async with _client(broker, collar.username, rotated["mqttCredentials"]["password"]):
            pass

    async def test_another_owner_cannot_rotate_or_delete(self, owner_on_mqtt, mqtt_server, broker):
        # given
        collar = await register_collar(owner_on_mqtt)
        stranger = await signed_up(GraphQLClient(mqtt_server), "acl-stranger")
        # when
        rotate = await stranger.execute(ROTATE_DEVICE_KEY, {"input": {"id": collar.id}})
        delete = await stranger.execute(DELETE_DEVICE, {"input": {"id": collar.id}})
        # then
        assert [e["code"] for e in rotate["rotateDeviceKey"]["userErrors"]] == ["DEVICE_NOT_FOUND"]
        assert [e["code"] for e in delete["deleteDevice"]["userErrors"]] == ["DEVICE_NOT_FOUND"]
        async with _as(broker, collar):
            pass


def _admin(broker: PrivateMosquitto) -> tuple[str, str]:
    return broker.admin_username, broker.admin_password
