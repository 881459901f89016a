"""No credential reaches a log line (issue 8, item 6): a server with uvicorn's access log on
serves a hub (key in its URL) and a pairing poll (PIN in the query); its log holds neither."""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from graphql_api import logredact
from tests.conftest import SHARED_SERVER_RATE_LIMITS, TEST_SECRET_KEY
from tests.factories.devices import feeder_hardware_id, register_device_raw, register_hub
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import LiveServer, start_server

PIN = "482913"


@pytest.fixture(scope="module")
def logging_server(server_logs: Path, database_url: str, test_environment) -> Iterator[LiveServer]:
    server = start_server(
        server_logs,
        "access-log",
        log_level="info",
        env="test",
        database_url=database_url,
        broadcast_url=test_environment.redis_url,
        secret_key=TEST_SECRET_KEY,
        rate_limits=SHARED_SERVER_RATE_LIMITS,
    )
    yield server
    server.stop()


class TestAccessLog:
    async def test_holds_no_hub_key_and_no_pin(self, owner, logging_server):
        # given
        hub = await register_hub(owner)
        hardware_id = feeder_hardware_id()
        # when: the hub polls, a unit polls for its key, and a stranger sends a bad hub key
        async with httpx.AsyncClient(base_url=logging_server.base_url, timeout=30) as http:
            devices = await http.get(f"/h/{hub.api_key}/api/devices/")
            poll = await http.get(
                "/api/device/pair/claimed/", params={"device_id": hardware_id, "pin": PIN}
            )
            unknown = await http.get("/h/not-a-real-key-0123456789/api/focus/")
        me = await GraphQLClient(logging_server, owner.token).execute("query { me { id } }")
        log = logging_server.log()
        # then: the requests were logged, their credentials were not
        assert (devices.status_code, poll.status_code, unknown.status_code) == (200, 404, 404)
        assert me["me"]["id"]
        assert "GET /h/[redacted]/api/devices/ HTTP/1.1" in log
        assert f"pin={logredact.REDACTED}" in log
        assert hub.api_key not in log
        assert "not-a-real-key-0123456789" not in log
        assert PIN not in log
        assert owner.token not in log

    async def test_holds_no_hub_key_of_a_reading(self, owner, logging_server):
        # given: a hub with an outlet
        hub = await register_hub(owner)
        outlet = await register_device_raw(
            owner, kind="OUTLET", name="outlet FE", hardwareId="FE", parentHubId=hub.id
        )
        reading = {"device_id": "FE", "current_a": 1200, "current_b": 0, "relay_a": True}
        # when: the hub posts a reading, the hot path of every hub
        async with httpx.AsyncClient(base_url=logging_server.base_url, timeout=30) as http:
            posted = await http.post(f"/h/{hub.api_key}/api/data/", json=reading)
        log = logging_server.log()
        # then: logged, without its key
        assert outlet["userErrors"] == []
        assert posted.status_code == 200, posted.text
        assert "POST /h/[redacted]/api/data/ HTTP/1.1" in log
        assert hub.api_key not in log
