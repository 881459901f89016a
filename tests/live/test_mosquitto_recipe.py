"""The production broker recipe (deploy/mosquitto/pawgraph.conf), for real: Mosquitto with a
main config like Debian's and the recipe in its conf.d, pawgraph's account set up by README's
own commands, and an API process whose MQTT door and broker admin use it. A collar registered
through the API logs in over TLS on the devices' listener with the credentials it was given,
and only to its own topics."""

import asyncio
import ssl
import time
from collections.abc import Iterator
from pathlib import Path

import aiomqtt
import pytest

from tests.factories.accounts import signed_up
from tests.factories.collars import RegisteredCollar, register_collar
from tests.support import environment
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import LiveServer
from tests.support.mosquitto import RecipeMosquitto
from tests.support.mqtt_servers import start_mqtt_server

pytestmark = pytest.mark.live

TELEMETRY = """
query Telemetry($deviceId: ID!) {
  telemetry(deviceId: $deviceId, keys: ["battery"]) { edges { node { value } } }
}
"""


@pytest.fixture(scope="module")
def recipe_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RecipeMosquitto]:
    mosquitto = RecipeMosquitto(tmp_path_factory.mktemp("mosquitto-recipe"))
    mosquitto.start()
    try:
        granted = mosquitto.set_up_pawgraphs_account()
        assert "createRole pawgraph-service" in granted
        assert "addClientRole pawgraph" in granted
        yield mosquitto
    finally:
        mosquitto.stop()


@pytest.fixture(scope="module")
def recipe_server(
    server_logs: Path,
    database_url: str,
    test_environment: environment.TestEnvironment,
    recipe_broker: RecipeMosquitto,
) -> Iterator[LiveServer]:
    server = start_mqtt_server(
        server_logs, "mqtt-recipe", database_url, test_environment, recipe_broker
    )
    yield server
    server.stop()


def _device_login(broker: RecipeMosquitto, collar: RegisteredCollar | None) -> aiomqtt.Client:
    """A device's connection to the devices' listener, over TLS, trusting the broker's
    certificate."""
    tls = ssl.create_default_context(cafile=str(broker.certificate))
    return aiomqtt.Client(
        "127.0.0.1",
        broker.device_port,
        username=collar.username if collar else None,
        password=collar.password if collar else None,
        protocol=aiomqtt.ProtocolVersion.V5,
        tls_context=tls,
        timeout=5,
    )


class TestTheRecipesBroker:
    async def test_a_collar_logs_in_over_tls_and_its_reading_is_stored(
        self, recipe_server: LiveServer, recipe_broker: RecipeMosquitto
    ):
        # given: a collar registered through the API (its broker login made by pawgraph)
        owner = await signed_up(GraphQLClient(recipe_server), "recipe-owner")
        collar = await register_collar(owner)
        topic = f"devices/{collar.pk}/telemetry"
        reading = (
            b'{"ts": "%s", "seq": 1, "accel": {"x": 0.0, "y": 0.0, "z": 1.0}, "battery": 64}'
            % time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()).encode()
        )

        # when: it publishes a reading on the devices' listener
        async with _device_login(recipe_broker, collar) as device:
            await device.subscribe(f"{topic}/receipt", qos=0)
            await device.publish(topic, reading, qos=1)
            async with asyncio.timeout(15):
                receipt = (await anext(aiter(device.messages))).payload

        # then: the API process received it through the loopback listener and stored it
        assert receipt == b'{"seq":1}'
        stored = await owner.execute(TELEMETRY, {"deviceId": collar.id})
        assert [edge["node"]["value"] for edge in stored["telemetry"]["edges"]] == [64]

    async def test_a_collar_reaches_only_its_own_topics_and_nobody_logs_in_without_one(
        self, recipe_server: LiveServer, recipe_broker: RecipeMosquitto
    ):
        # given
        owner = await signed_up(GraphQLClient(recipe_server), "recipe-neighbours")
        mine, other = await register_collar(owner), await register_collar(owner)

        # when
        async with _device_login(recipe_broker, other) as intruder:
            granted = await intruder.subscribe(
                [(f"devices/{mine.pk}/telemetry/receipt", 0), (f"devices/{other.pk}/cmd/#", 1)]
            )

        # then
        assert [code.is_failure for code in granted] == [True, False]
        with pytest.raises(aiomqtt.MqttError):
            async with _device_login(recipe_broker, None):
                pass
