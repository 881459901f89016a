"""The embedded default, as the README's run command uses it: an SQLite file migrated by the
``pawgraph`` CLI and in-process ``memory://`` pub/sub, no PostgreSQL and no Redis."""

import secrets
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.factories.accounts import signed_up
from tests.factories.devices import post_heartbeat, register_device
from tests.support.graphql_client import GraphQLClient, next_result
from tests.support.live_server import LiveServer, run_cli, start_server

DEVICE_STATUS = """
subscription DeviceStatus($deviceId: ID!) {
  deviceStatus(deviceId: $deviceId) {
    deviceId online ... on FeederStatus { uptimeSeconds wifiRssi hopperPercent }
  }
}
"""
ME = "query Me { me { email role } }"


@pytest.fixture(scope="module")
def embedded_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server on a fresh SQLite file that only the CLI's ``migrate`` has built."""
    workdir = tmp_path_factory.mktemp("embedded")
    settings = {
        "env": "test",
        "database_url": f"sqlite+aiosqlite:///{workdir / 'pawgraph.db'}",
        "secret_key": "embedded-" + secrets.token_hex(16),
    }
    run_cli("migrate", **settings)
    server = start_server(workdir, "embedded", broadcast_url="memory://", **settings)
    yield server
    server.stop()


class TestEmbeddedDefault:
    def test_migrate_creates_the_sqlite_file(self, embedded_server: LiveServer):
        # given
        database = Path(embedded_server.log_path).parent / "pawgraph.db"
        # then
        assert database.stat().st_size > 0

    async def test_health_reports_database_and_pubsub(self, embedded_server: LiveServer):
        # when
        async with httpx.AsyncClient(base_url=embedded_server.base_url, timeout=30) as http:
            response = await http.get("/healthz")
        # then
        assert response.status_code == 200
        body = response.json()
        assert (body["status"], body["database"], body["pubsub"]) == ("ok", "ok", "ok")
        assert body["migrations"] == "at head"
        assert {"offline-sweep", "command-expiry"} <= set(body["jobs"])

    async def test_owner_signs_up_and_logs_in(self, embedded_server: LiveServer):
        # given
        owner = await signed_up(GraphQLClient(embedded_server), "embedded")
        # when
        result = await owner.execute(ME)
        # then
        assert result["me"]["role"] == "OWNER"

    async def test_heartbeat_reaches_the_owners_subscription(self, embedded_server: LiveServer):
        # given
        owner = await signed_up(GraphQLClient(embedded_server), "embedded")
        feeder = await register_device(owner)
        async with owner.subscribe(DEVICE_STATUS, {"deviceId": feeder.id}) as stream:
            snapshot = (await next_result(stream))["deviceStatus"]
            # when
            await post_heartbeat(embedded_server, feeder, uptime=120, wifi_rssi=-44, hopper_pct=15)
            live = (await next_result(stream))["deviceStatus"]
        # then
        assert snapshot == {
            "deviceId": feeder.id,
            "online": False,
            "uptimeSeconds": None,
            "wifiRssi": None,
            "hopperPercent": None,
        }
        assert live == {
            "deviceId": feeder.id,
            "online": True,
            "uptimeSeconds": 120,
            "wifiRssi": -44,
            "hopperPercent": 15,
        }
