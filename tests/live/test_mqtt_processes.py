"""The MQTT door as its own process (``pawgraph mqtt-bridge``) and collars from
``pawgraph simulate``, with a collar registered by ``pawgraph register-device``: an API server
without MQTT serves what the bridge stored."""

import asyncio
import base64
import re
import subprocess
import sys
import time

import httpx
import pytest

from tests.conftest import TEST_SECRET_KEY
from tests.factories.accounts import signed_up
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import PROJECT_ROOT, pawgraph_env, run_cli

pytestmark = pytest.mark.live

STORED = """
query Stored($deviceId: ID!) {
  telemetry(deviceId: $deviceId, keys: ["heart_rate"]) { totalCount }
  node(id: $deviceId) { ... on Device { status { __typename ... on CollarStatus { heartRate } } } }
}
"""


class TestStandaloneBridge:
    async def test_simulated_collars_reach_the_database_through_pawgraph_mqtt_bridge(
        self,
        anonymous,
        broker,
        database_url,
        test_environment,
        server_logs,
    ):
        # given: an owner on a server without MQTT, a collar registered from the command line
        owner = await signed_up(anonymous, "cli")
        me = await owner.execute("query { me { email } }")
        email = me["me"]["email"]
        settings = {
            "database_url": database_url,
            "broadcast_url": test_environment.redis_url,
            "secret_key": TEST_SECRET_KEY,
            "mqtt_url": broker.admin_url,
            "mqtt_broker_admin": "mosquitto-dynsec",
            "telemetry_persist_interval": "0",
            "env": "test",
        }
        registered = run_cli(
            "register-device", "--owner", email, "COLLAR", "HETRI-CLI-" + email[4:12], "Cli",
            **settings,
        ).stdout  # fmt: skip
        device_pk = int(re.search(r"device (\d+) COLLAR", registered).group(1))
        api_key = re.search(r"api key \(shown once\): (\S+)", registered).group(1)
        assert f"MQTT username: device-{device_pk}" in registered
        log = (server_logs / "mqtt-bridge.log").open("wb")
        bridge = subprocess.Popen(
            [sys.executable, "-m", "graphql_api", "mqtt-bridge"],
            cwd=PROJECT_ROOT,
            env=pawgraph_env(**settings, mqtt_client_id="pawgraph-standalone"),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            # when
            simulated = run_cli(
                "simulate", "--collar", f"{device_pk}:{api_key}",
                "--mqtt-url", f"mqtt://127.0.0.1:{broker.port}",
                "--duration", "3", "--collar-interval", "0.25",
                **settings,
            )  # fmt: skip
            device_id = _global_id(device_pk)
            stored = await _eventually(owner, device_id)
        finally:
            bridge.terminate()
            bridge.wait(timeout=10)
        # then
        assert "collars: 1, connected: 1" in simulated.stdout
        assert stored["telemetry"]["totalCount"] >= 5
        assert stored["node"]["status"]["__typename"] == "CollarStatus"
        assert 50 <= stored["node"]["status"]["heartRate"] <= 180


def _global_id(pk: int) -> str:
    return base64.b64encode(f"Device:{pk}".encode()).decode()


async def _eventually(owner: GraphQLClient, device_id: str) -> dict:
    deadline = time.monotonic() + 15
    while True:
        result = await owner.execute(STORED, {"deviceId": device_id})
        if result["telemetry"]["totalCount"] >= 5 or time.monotonic() > deadline:
            return result
        await asyncio.sleep(0.3)


class TestMqttOff:
    def test_a_server_without_the_setting_says_so_at_startup(self, server_a):
        # then
        assert server_a.log().count("MQTT is off: PAWGRAPH_MQTT_URL is not set") == 1

    def test_a_server_with_the_setting_reports_the_broker_in_health(self, mqtt_server):
        # when
        health = httpx.get(f"{mqtt_server.base_url}/healthz").json()
        # then
        assert health["mqtt"]["broker"] == "connected"
        assert "MQTT is off" not in mqtt_server.log()
