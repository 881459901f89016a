"""A new user's first hour, through the commands they type: `pawgraph migrate`, `seed-demo`,
`serve` on a port of their choosing (what `make run PORT=...` runs), `simulate --demo`; the
development secret kept in the data folder so logins survive a restart; production refusing to
start in one line; expected GraphQL errors logged in one line."""

import json
import re
import secrets
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import websockets

from graphql_api.demo import DEMO_EMAIL, DEMO_PASSWORD
from tests.support.graphql_client import GraphQLClient, post_graphql
from tests.support.live_server import (
    PROJECT_ROOT,
    LiveServer,
    free_port,
    pawgraph_env,
    run_cli,
    start_cli_server,
)

LOGIN = """
mutation Login($input: LoginInput!) { login(input: $input) { accessToken userErrors { code } } }
"""
ME = "query Me { me { email } }"
OUTLETS = "query Outlets { devices(kind: OUTLET, first: 5) { edges { node { id hardwareId } } } }"
OUTLET_STATE = """
query OutletState($id: ID!) {
  outletState(outletId: $id) { currentAMilliamps currentBMilliamps lastReadingAt }
}
"""
PET = "query Pet($id: ID!) { node(id: $id) { id } }"
HUB_TOTALS = re.compile(r"hub cycles: (\d+), requests: (\d+), accepted: \2, refused: 0")
KEY_LINE = re.compile(r"^\s+(FEEDER|COLLAR|HUB|OUTLET)\s+(\S+)\s+.*key ([0-9a-f]{48})$", re.M)


@dataclass
class Sandbox:
    """A data folder with an SQLite database, as `make run` leaves one."""

    folder: Path
    port: int
    settings: dict[str, str]
    first_seed: str

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, **self.settings)

    def serve(self, name: str) -> LiveServer:
        settings = {key: value for key, value in self.settings.items() if key != "port"}
        return start_cli_server(self.folder, name, self.port, **settings)


def keys_of(seed_output: str) -> dict[str, str]:
    return {hardware_id: key for _, hardware_id, key in KEY_LINE.findall(seed_output)}


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Sandbox:
    folder = tmp_path_factory.mktemp("first-hour")
    port = free_port()
    settings = {
        "env": "development",
        "database_url": f"sqlite+aiosqlite:///{folder / 'pawgraph.db'}",
        "port": str(port),
    }
    run_cli("migrate", **settings)
    first_seed = run_cli("seed-demo", **settings).stdout
    return Sandbox(folder, port, settings, first_seed)


@pytest.fixture
def server(sandbox: Sandbox) -> Iterator[LiveServer]:
    server = sandbox.serve("first-hour")
    yield server
    server.stop()


async def demo_login(server: LiveServer, authorization: str | None = None) -> str:
    body = {
        "query": LOGIN,
        "variables": {"input": {"email": DEMO_EMAIL, "password": DEMO_PASSWORD}},
    }
    headers = {"Authorization": authorization} if authorization else {}
    response = await post_graphql(server, body, headers)
    login = response.json()["data"]["login"]
    assert login["userErrors"] == []
    return login["accessToken"]


class TestDevelopmentSecret:
    async def test_is_kept_beside_the_database_for_its_owner_only(
        self, sandbox: Sandbox, server: LiveServer
    ):
        # when
        secret = sandbox.folder / "pawgraph.secret"
        # then
        assert stat.S_IMODE(secret.stat().st_mode) == 0o600
        assert len(secret.read_text().strip()) >= 64

    async def test_a_token_survives_a_restart_and_login_works_with_it_in_the_header(
        self, sandbox: Sandbox
    ):
        # given: a token from before the restart
        server = sandbox.serve("before-restart")
        old_token = await demo_login(server)
        server.stop()

        # when
        restarted = sandbox.serve("after-restart")
        try:
            me = await GraphQLClient(restarted, old_token).execute(ME)
            new_token = await demo_login(restarted, authorization=f"Bearer {old_token}")
        finally:
            restarted.stop()

        # then
        assert me == {"me": {"email": DEMO_EMAIL}}
        assert new_token


class TestSeedDemo:
    def test_seeding_again_keeps_the_keys(self, sandbox: Sandbox):
        # when
        again = sandbox.cli("seed-demo").stdout
        # then
        assert keys_of(again) == keys_of(sandbox.first_seed)
        assert set(keys_of(again)) == {"ESP-0081CA63", "SN-12345", "02", "FE"}
        assert "new key" not in again

    def test_a_key_that_is_not_on_file_is_renewed_saying_why(self, tmp_path: Path):
        # given: a seeded database whose keys file is gone
        settings = {
            "env": "development",
            "database_url": f"sqlite+aiosqlite:///{tmp_path / 'p.db'}",
        }
        run_cli("migrate", **settings)
        first = run_cli("seed-demo", **settings).stdout
        (tmp_path / "p.demo-keys.json").unlink()

        # when
        again = run_cli("seed-demo", **settings).stdout

        # then
        assert keys_of(again)["02"] != keys_of(first)["02"]
        assert again.count("new key: its key was not on file") == 4

    def test_the_hub_url_is_on_the_served_port(self, sandbox: Sandbox):
        # then
        hub_key = keys_of(sandbox.first_seed)["02"]
        assert f"base URL {sandbox.base_url}/h/{hub_key}" in sandbox.first_seed

    async def test_the_printed_feeder_key_is_accepted(self, sandbox: Sandbox, server: LiveServer):
        # given
        key = keys_of(sandbox.first_seed)["ESP-0081CA63"]
        heartbeat = {"device_id": "ESP-0081CA63", "heartbeat": True, "wifi_rssi": -50}
        # when
        async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
            response = await http.post(
                "/api/device/status/", json=heartbeat, headers={"X-API-Key": key}
            )
        # then
        assert response.status_code == 200, response.text


class TestSimulate:
    async def test_the_demo_outlet_shows_currents_within_5_seconds(
        self, sandbox: Sandbox, server: LiveServer
    ):
        # given: nobody watches the outlet live (no subscription): only the seeded focus
        # when
        run = sandbox_simulate(sandbox, "--demo", "--duration", "5")

        # then
        owner = GraphQLClient(server, await demo_login(server))
        [edge] = (await owner.execute(OUTLETS))["devices"]["edges"]
        state = (await owner.execute(OUTLET_STATE, {"id": edge["node"]["id"]}))["outletState"]
        assert run.returncode == 0, run.stdout + run.stderr
        assert state["currentAMilliamps"] >= 100 and state["currentBMilliamps"] >= 100
        # every cycle polled the focused outlet: devices, breaker, focus, data, commands
        cycles, requests = map(int, HUB_TOTALS.search(run.stdout).groups())
        assert cycles >= 2 and requests == 5 * cycles
        # the live view's last frame (off a terminal, printed once)
        assert "requests" in run.stderr and "last command" in run.stderr

    def test_base_url_is_honoured_for_hubs(self, sandbox: Sandbox, server: LiveServer):
        # given: the hub's URL as printed for another port, where nothing listens
        hub_key = keys_of(sandbox.first_seed)["02"]
        elsewhere = f"02:http://127.0.0.1:{free_port()}/h/{hub_key}"

        # when
        run = sandbox_simulate(
            sandbox, "--hub", elsewhere, "--base-url", server.base_url, "--cycles", "2"
        )

        # then
        assert run.returncode == 0, run.stdout + run.stderr
        assert "hub cycles: 2, requests: 10, accepted: 10" in run.stdout


def sandbox_simulate(sandbox: Sandbox, *args: str) -> subprocess.CompletedProcess[str]:
    # Outside the sandbox's environment (no PAWGRAPH_PORT): --demo finds the served URL itself.
    settings = {key: value for key, value in sandbox.settings.items() if key != "port"}
    return subprocess.run(
        [sys.executable, "-m", "graphql_api", "simulate", *args],
        cwd=PROJECT_ROOT,
        env=pawgraph_env(**settings),
        capture_output=True,
        text=True,
        timeout=60,
    )


class TestLogs:
    async def test_an_expected_graphql_error_is_one_info_line(
        self, sandbox: Sandbox, server: LiveServer
    ):
        # given
        owner = GraphQLClient(server, await demo_login(server))
        # when: a GlobalID that is not one, and a query without a login
        await post_graphql(server, {"query": PET, "variables": {"id": "not-an-id"}}, {})
        await post_graphql(server, {"query": "query Pets { pets(first: 1) { totalCount } }"}, {})
        await owner.execute(ME)
        # then
        log = server.log()
        assert re.search(r"INFO +pawgraph\.graphql: GraphQL INVALID_ID in operation Pet", log)
        assert re.search(
            r"INFO +pawgraph\.graphql: GraphQL NOT_AUTHENTICATED in operation Pets", log
        )
        assert "Traceback" not in log

    def test_production_without_a_secret_says_what_to_set_in_one_line(self, sandbox: Sandbox):
        # when
        refused = subprocess.run(
            [sys.executable, "-m", "graphql_api", "serve"],
            cwd=PROJECT_ROOT,
            env=pawgraph_env(env="production", port=str(free_port())),
            capture_output=True,
            text=True,
            timeout=60,
        )
        # then
        assert refused.returncode != 0
        assert refused.stdout == ""
        assert refused.stderr.strip().splitlines() == [refused.stderr.strip().splitlines()[0]]
        assert "PAWGRAPH_SECRET_KEY must be set when PAWGRAPH_ENV=production" in refused.stderr

    def test_uvicorn_factory_in_production_without_a_secret_is_one_line_too(self):
        # when
        refused = subprocess.run(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "graphql_api.app:create_app",
                "--factory",
                "--port",
                str(free_port()),
            ],
            cwd=PROJECT_ROOT,
            env=pawgraph_env(env="production"),
            capture_output=True,
            text=True,
            timeout=60,
        )
        # then
        assert refused.returncode != 0
        assert "Traceback" not in refused.stderr
        assert "PAWGRAPH_SECRET_KEY must be set" in refused.stderr

    @staticmethod
    def _production_log(tmp_path: Path, **extra: str) -> list[dict]:
        """The JSON log records of a production server asked for /healthz once."""
        settings = {
            "env": "production",
            "secret_key": secrets.token_urlsafe(48),
            "media_secret": secrets.token_hex(24),
            "database_url": f"sqlite+aiosqlite:///{tmp_path / 'prod.db'}",
            # A one-process box on the embedded default: production allows it only when asked.
            "allow_embedded_in_production": "true",
            **extra,
        }
        run_cli("migrate", **settings)
        server = start_cli_server(tmp_path, "production", free_port(), **settings)
        httpx.get(f"{server.base_url}/healthz", timeout=30)
        server.stop()
        return [json.loads(line) for line in server.log().splitlines()]

    def test_production_logs_are_json_lines(self, tmp_path: Path):
        # when: the access log asked for (off by default in production, where nginx logs)
        records = self._production_log(tmp_path, access_log="true")
        # then: uvicorn's lines too, one JSON object each
        assert {"uvicorn.error", "uvicorn.access", "pawgraph.cli"} <= {r["logger"] for r in records}
        assert all({"time", "level", "logger", "message"} <= set(r) for r in records)

    def test_production_writes_no_access_log_by_default(self, tmp_path: Path):
        # when
        records = self._production_log(tmp_path)
        # then
        loggers = {r["logger"] for r in records}
        assert "uvicorn.error" in loggers
        assert "uvicorn.access" not in loggers


class TestWebsocketCompression:
    """Websocket messages go uncompressed unless asked for (PAWGRAPH_WS_PER_MESSAGE_DEFLATE):
    compressing each small event again for every subscriber costs more than it saves."""

    async def test_is_off_by_default(self, server: LiveServer):
        assert await _negotiated_extensions(server) is None

    async def test_can_be_turned_on(self, sandbox: Sandbox):
        settings = {key: value for key, value in sandbox.settings.items() if key != "port"}
        server = start_cli_server(
            sandbox.folder, "deflate", free_port(), **settings, ws_per_message_deflate="true"
        )
        try:
            assert "permessage-deflate" in (await _negotiated_extensions(server) or "")
        finally:
            server.stop()


async def _negotiated_extensions(server: LiveServer) -> str | None:
    """What the server accepted of a client that offers permessage-deflate (as browsers do)."""
    url = server.base_url.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(
        url, subprotocols=["graphql-transport-ws"], compression="deflate"
    ) as socket:
        return socket.response.headers.get("Sec-WebSocket-Extensions")
