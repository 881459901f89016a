"""The production recipe (deploy/), for real: Debian's nginx with the recipe's site in front of
two API processes on PostgreSQL and Redis.

Through nginx only: an owner signs up and logs in, watches an outlet live (a websocket that
lands on one process) while the hub posts readings (round-robin over both processes), then the
process holding the websocket is killed with SIGKILL and restarted. The app may reconnect once
and must see no other error; every reading nginx accepted must be stored, and every reading
sent while the subscription was live must be delivered. sent / accepted / stored / delivered
are printed.
"""

import asyncio
import datetime as dt
import json
import re
import signal
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
import websockets
from gql.transport.exceptions import TransportError, TransportQueryError
from websockets.exceptions import ConnectionClosed

from tests.conftest import TEST_SECRET_KEY
from tests.factories.accounts import signed_up
from tests.factories.collar_readings import (
    key_headers,
    petty_reading,
    post_ingest,
    register_collar,
)
from tests.factories.outlets import HubWire, live_hub, reading
from tests.support.graphql_client import GraphQLClient, pk_of
from tests.support.live_server import LiveServer, start_unit_server
from tests.support.nginx import Nginx, start_nginx

TELEMETRY_UPDATED = """
subscription TelemetryUpdated($deviceId: ID!) {
  telemetryUpdated(deviceId: $deviceId) { values { key value } }
}
"""
READINGS_PER_PHASE = 20
BEFORE, DURING, AFTER, PROBE = 10_000, 20_000, 30_000, 60_000  # current_a <= 65535
LIVE_TIMEOUT_S = 60.0


@dataclass
class Watcher:
    """The owner's app: one subscription, resubscribed after a dropped connection."""

    client: GraphQLClient
    outlet_id: str
    delivered: set[int] = field(default_factory=set)
    reconnects: int = 0
    errors: list[str] = field(default_factory=list)

    async def run(self) -> None:
        while True:
            try:
                async with self.client.subscribe(
                    TELEMETRY_UPDATED, {"deviceId": self.outlet_id}
                ) as stream:
                    async for result in stream:
                        values = result["telemetryUpdated"]["values"]
                        self.delivered |= {int(value["value"]) for value in values}
                self.errors.append("the subscription completed")
                return
            except TransportQueryError as error:
                self.errors.append(str(error))
                return
            except (TransportError, ConnectionClosed, OSError) as dropped:
                self.reconnects += 1
                if self.reconnects > 1:
                    self.errors.append(f"second reconnect: {dropped!r}")
                    return


@asynccontextmanager
async def owner_watching_an_outlet(
    front: LiveServer, name: str
) -> AsyncIterator[tuple[Any, str, HubWire, Watcher]]:
    """An owner signed up through ``front``, with a hub and its outlet FE, whose app watches
    the outlet live until the block ends: (hub, outlet id, the hub's wire, the watcher)."""
    owner = await signed_up(GraphQLClient(front), name)
    hub, [outlet] = await live_hub(owner)
    watcher = Watcher(owner, outlet.id)
    watching = asyncio.create_task(watcher.run())
    try:
        yield hub, outlet.id, HubWire(front, hub.base_url), watcher
    finally:
        watching.cancel()
        await asyncio.gather(watching, return_exceptions=True)


def _server(logs: Path, name: str, database_url: str, redis_url: str, port: int | None = None):
    return start_unit_server(
        logs,
        name,
        port,
        env="test",
        database_url=database_url,
        broadcast_url=redis_url,
        secret_key=TEST_SECRET_KEY,
        telemetry_persist_interval="0",
    )


@pytest.fixture
def processes(server_logs: Path, database_url: str, test_environment) -> Iterator[list[LiveServer]]:
    servers = [
        _server(server_logs, f"deploy-{name}", database_url, test_environment.redis_url)
        for name in ("a", "b")
    ]
    yield servers
    for server in servers:
        if server.process.poll() is None:
            server.stop()


@pytest.fixture
def nginx(tmp_path: Path, processes: list[LiveServer]) -> Iterator[Nginx]:
    ports = [int(server.base_url.rsplit(":", 1)[1]) for server in processes]
    proxy = start_nginx(tmp_path, ports)
    yield proxy
    proxy.stop()


def _stored(database_url: str, device_pk: int) -> set[int]:
    dsn = database_url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(dsn) as connection:
        rows = connection.execute(
            "SELECT value FROM telemetry_points WHERE device_id = %s AND key = %s",
            (device_pk, "current_a"),
        ).fetchall()
    return {int(value) for (value,) in rows}


async def _subscriptions(server: LiveServer) -> int:
    async with httpx.AsyncClient(base_url=server.base_url, timeout=10) as http:
        return (await http.get("/healthz")).json()["bus"]["subscriptions"]


async def _until_live(wire: HubWire, outlet: str, watcher: Watcher, probe: int) -> None:
    """Send probe readings until the watcher sees one: its subscription is live."""
    async with asyncio.timeout(LIVE_TIMEOUT_S):
        while probe not in watcher.delivered:
            await wire.data(reading(outlet, current_a=probe))
            await asyncio.sleep(0.3)


class TestTwoProcessesBehindNginx:
    async def test_a_killed_process_costs_the_app_one_reconnect_and_no_reading(
        self,
        nginx: Nginx,
        processes: list[LiveServer],
        database_url: str,
        test_environment,
        server_logs: Path,
    ):
        # given: everything through nginx
        front = LiveServer(nginx.base_url, nginx.process, nginx.error_log)
        statuses: dict[int, int] = {}
        async with owner_watching_an_outlet(front, "deploy") as (hub, outlet_id, wire, watcher):

            async def send(marker: int) -> None:
                statuses[marker] = (await wire.data(reading("FE", current_a=marker))).status_code

            await _until_live(wire, "FE", watcher, PROBE)
            for marker in range(BEFORE, BEFORE + READINGS_PER_PHASE):
                await send(marker)

            # when: the process holding the websocket dies, readings keep coming, it restarts
            counts = [await _subscriptions(server) for server in processes]
            victim = counts.index(max(counts))
            killed = processes[victim]
            port = int(killed.base_url.rsplit(":", 1)[1])
            killed.process.send_signal(signal.SIGKILL)
            killed.process.wait(timeout=10)
            restart = asyncio.create_task(
                asyncio.to_thread(
                    _server,
                    server_logs,
                    f"deploy-{'ab'[victim]}-restarted",
                    database_url,
                    test_environment.redis_url,
                    port,
                )
            )
            marker = DURING
            while not restart.done() or marker < DURING + READINGS_PER_PHASE:
                await send(marker)
                marker += 1
            processes[victim] = await restart
            await _until_live(wire, "FE", watcher, PROBE + 1)
            for after in range(AFTER, AFTER + READINGS_PER_PHASE):
                await send(after)
            await _until_live(wire, "FE", watcher, PROBE + 2)

        # then
        sent = set(statuses)
        accepted = {marker for marker, status in statuses.items() if status == 200}
        stored = _stored(database_url, pk_of(outlet_id))
        live = {m for m in accepted if m < DURING or AFTER <= m < PROBE}
        print(
            f"\nkill -9 behind nginx: sent {len(sent)} accepted {len(accepted)} "
            f"stored {len(accepted & stored)} delivered {len(accepted & watcher.delivered)} "
            f"(while live: {len(live & watcher.delivered)}/{len(live)}) "
            f"reconnects {watcher.reconnects} errors {watcher.errors}"
        )
        assert accepted == sent, {m: s for m, s in statuses.items() if s != 200}
        assert accepted <= stored
        assert live <= watcher.delivered
        assert watcher.reconnects == 1
        assert watcher.errors == []

        # and: both processes served readings, and the access log never shows the hub's key
        log = nginx.access_log.read_text()
        upstreams = set(re.findall(r"POST /h/\S+ .* upstream=(127\.0\.0\.1:\d+)", log))
        assert len(upstreams) == 2
        hub_key = hub.base_url.rstrip("/").rsplit("/", 1)[1]
        assert hub_key not in log
        assert "/h/[redacted]/api/data/" in log
        assert json.loads((await _readyz(front)).text)["status"] == "ready"


class TestSubscriptionsOnProcessesOfTheirOwn:
    async def test_a_subscription_lands_on_the_live_process_and_every_request_on_the_other(
        self, tmp_path: Path, processes: list[LiveServer]
    ):
        # given: process a serves subscriptions only, process b everything else
        live_port, requests_port = (int(server.base_url.rsplit(":", 1)[1]) for server in processes)
        proxy = start_nginx(tmp_path, [requests_port], live_ports=[live_port])
        try:
            front = LiveServer(proxy.base_url, proxy.process, proxy.error_log)
            async with owner_watching_an_outlet(front, "split") as (_, _, wire, watcher):
                # when: the hub posts readings while the owner watches
                await _until_live(wire, "FE", watcher, PROBE)
        finally:
            proxy.stop()

        # then: the readings, taken by b, reached the subscriber on a
        log = proxy.access_log.read_text()
        websocket = set(re.findall(r"GET /graphql .* 101 .* upstream=(127\.0\.0\.1:\d+)", log))
        posts = set(re.findall(r"POST \S+ .* upstream=(127\.0\.0\.1:\d+)", log))
        assert websocket == {f"127.0.0.1:{live_port}"}
        assert posts == {f"127.0.0.1:{requests_port}"}
        assert watcher.errors == []


class TestDeviceBodiesThroughNginx:
    """nginx's body caps sit above the app's: a device's largest valid body passes, and one
    over its line's cap is answered by the app, in its line's JSON, not by nginx's HTML."""

    async def test_a_full_petty_batch_is_stored(self, nginx: Nginx):
        # given: an upload of 100 readings (the most a batch holds), written as the collar
        # simulator writes JSON (json.dumps' default separators): 18 KB
        front = LiveServer(nginx.base_url, nginx.process, nginx.error_log)
        owner = await signed_up(GraphQLClient(front), "petty")
        collar = await register_collar(owner)
        start = dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)
        position = {"type": "Point", "coordinates": [-122.419416, 37.774929]}
        batch = [
            petty_reading(collar, start + dt.timedelta(seconds=10 * n), location=position)
            for n in range(100)
        ]
        content = json.dumps({"readings": batch}).encode()
        assert len(content) > 16 * 1024

        # when
        response = await post_ingest(front, content, key_headers(collar))

        # then
        assert response.status_code == 201, response.text

    @pytest.mark.parametrize(
        ("path", "size", "body"),
        [
            ("/h/some-hub-key/api/data/", 5_000, {"success": False}),
            ("/api/device/logs/", 5_000, {"status": "error", "success": False}),
            ("/ingest", 120_000, {}),
        ],
    )
    async def test_a_body_over_its_lines_cap_gets_the_lines_json_413(
        self, nginx: Nginx, path: str, size: int, body: dict
    ):
        # when
        async with httpx.AsyncClient(base_url=nginx.base_url, timeout=10) as http:
            response = await http.post(
                path, content=b"x" * size, headers={"Content-Type": "application/json"}
            )

        # then: the app's answer, in the line's envelope
        assert response.status_code == 413
        assert response.headers["content-type"].startswith("application/json")
        assert body.items() <= response.json().items()


class TestTheUnitsProcesses:
    """deploy/systemd starts each process with `pawgraph serve`, so production gets the settings
    uvicorn takes as options, not uvicorn's defaults (16 MiB websocket messages, compressed)."""

    async def test_websocket_messages_are_capped_and_uncompressed(
        self, processes: list[LiveServer]
    ):
        # given: a client that offers compression, as browsers do
        async with websockets.connect(
            processes[0].ws_url, subprotocols=["graphql-transport-ws"], compression="deflate"
        ) as socket:
            # then: none is negotiated (PAWGRAPH_WS_PER_MESSAGE_DEFLATE is off)
            assert socket.response.headers.get("Sec-WebSocket-Extensions") is None
            # when: a message over the signed-in body cap (PAWGRAPH_GRAPHQL_MAX_BODY_BYTES)
            await socket.send(json.dumps({"type": "connection_init", "payload": "x" * 300_000}))
            # then: the connection is closed as "message too big"
            with pytest.raises(ConnectionClosed) as closed:
                await socket.recv()
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009

    async def test_responses_name_no_server(self, processes: list[LiveServer]):
        async with httpx.AsyncClient(base_url=processes[0].base_url, timeout=10) as http:
            response = await http.get("/healthz")
        assert response.status_code == 200 and "server" not in response.headers


async def _readyz(front: LiveServer) -> httpx.Response:
    async with httpx.AsyncClient(base_url=front.base_url, timeout=10) as http:
        return await http.get("/readyz")
