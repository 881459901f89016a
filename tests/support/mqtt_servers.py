"""Fixtures for MQTT end-to-end tests: a private Mosquitto (dynamic security) and API servers
whose MQTT door and broker admin use it. Import the fixtures into a test module."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import TEST_SECRET_KEY
from tests.support.environment import TestEnvironment
from tests.support.live_server import LiveServer, start_server
from tests.support.mosquitto import PrivateMosquitto


@pytest.fixture(scope="module")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrivateMosquitto]:
    mosquitto = PrivateMosquitto(tmp_path_factory.mktemp("mosquitto"))
    mosquitto.start()
    yield mosquitto
    mosquitto.stop()


def start_mqtt_server(
    server_logs: Path,
    name: str,
    database_url: str,
    environment: TestEnvironment,
    broker: PrivateMosquitto,
    **settings: str,
) -> LiveServer:
    return start_server(
        server_logs,
        name,
        env="test",
        database_url=database_url,
        broadcast_url=environment.redis_url,
        secret_key=TEST_SECRET_KEY,
        mqtt_url=broker.admin_url,
        mqtt_broker_admin="mosquitto-dynsec",
        mqtt_client_id=f"pawgraph-{name}",
        mqtt_reconnect_max_delay="2",
        # The door's lanes hold connections too: more than the default test servers' pool.
        database_pool_size="10",
        **settings,
    )


@pytest.fixture(scope="module")
def mqtt_server(
    server_logs: Path,
    database_url: str,
    test_environment: TestEnvironment,
    broker: PrivateMosquitto,
) -> Iterator[LiveServer]:
    server = start_mqtt_server(server_logs, "mqtt-a", database_url, test_environment, broker)
    yield server
    server.stop()
