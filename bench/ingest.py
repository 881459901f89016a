"""Sustained Smart-Outlet ingest on PostgreSQL + Redis, next to a bare endpoint of the same server.

    .venv/bin/python bench/ingest.py [--seconds 10] [--clients 16] [--subscribers 8] [--outlets 8]

Starts one API process (the app plus a bare endpoint this script mounts) on a fresh
PostgreSQL database (dropped afterwards) with Redis pub/sub, registers a hub with outlets over
GraphQL, attaches live ``telemetryUpdated`` subscribers, then for a bounded time and count
drives, with several
concurrent httpx clients:

1. ``POST /bench/bare``: the same wire body, parsed by the same model, no database, no pub/sub;
2. ``POST /h/<hub key>/api/data/``: the real ingest route, readings round-robin over the outlets.

It prints readings/s and p50/p95 latency for both and their ratio, the SQL statements and
transactions per reading (counted inside the server, see :func:`counted_app`), and the loss
check: readings accepted (200) against readings the subscribers received and rows persisted,
which must match the throttle's expectation (at most one reading per outlet per
``--persist-interval``, and none of its slots skipped).
"""

import argparse
import asyncio
import base64
import datetime as dt
import json
import os
import secrets
import socket
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg
import websockets
from fastapi import APIRouter, FastAPI
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import Pool

from device_rest.responses import LegacyJSONResponse
from device_rest.smart_outlet import OutletReadingBody
from graphql_api.server import create_served_app

ROOT = Path(__file__).resolve().parents[1]
ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
REDIS_URL = "redis://127.0.0.1:6379/0"
PASSWORD = "bench-password-42"
READY_TIMEOUT_S = 90.0
DRAIN_TIMEOUT_S = 10.0
STATEMENTS_PATH = "/bench-counters"
JSON_HEADERS = {"Content-Type": "application/json"}

REGISTER = (
    """mutation R($input: RegisterInput!) { register(input: $input) { userErrors { message } } }"""
)
LOGIN = """mutation L($input: LoginInput!) {
  login(input: $input) { accessToken userErrors { message } } }"""
REGISTER_DEVICE = """mutation D($input: RegisterDeviceInput!) {
  registerDevice(input: $input) { device { id } userErrors { message } } }"""
ISSUE_BASE_URL = """mutation I($input: IssueHubBaseUrlInput!) {
  issueHubBaseUrl(input: $input) { baseUrl userErrors { message } } }"""
TELEMETRY_UPDATED = """subscription T($deviceId: ID!) {
  telemetryUpdated(deviceId: $deviceId) { receivedAt values { key value } } }"""


# ---- counters inside the server -----------------------------------------------------------------

_COUNTERS = Counter()


def _count(name: str):
    def listener(*_args, **_kwargs) -> None:
        _COUNTERS[name] += 1

    return listener


def counted_app() -> FastAPI:
    """The API app (uvicorn factory) with SQL counters: every statement a cursor executes (the
    pool's pings are not statements and not counted), every commit, every pool checkout and
    every new connection, for this process, served as JSON at ``STATEMENTS_PATH``."""
    event.listen(Engine, "before_cursor_execute", _count("statements"))
    event.listen(Engine, "commit", _count("commits"))
    event.listen(Pool, "checkout", _count("checkouts"))
    event.listen(Pool, "connect", _count("connects"))
    app = create_served_app()

    @app.get(STATEMENTS_PATH, include_in_schema=False)
    async def counters() -> dict[str, int]:
        return dict(_COUNTERS)

    app.include_router(bare_router, prefix="/bench")
    return app


# The ceiling: the same wire body parsed by the same model and answered in the same shape,
# touching neither the database nor pub/sub, so the ratio isolates what ingesting costs.
bare_router = APIRouter(include_in_schema=False)


@bare_router.get("/bare")
async def get_bare() -> LegacyJSONResponse:
    return LegacyJSONResponse({"success": True, "message": "bare"})


@bare_router.post("/bare")
async def post_bare(body: OutletReadingBody) -> LegacyJSONResponse:
    relays = {"relay_a": bool(body.relay_a), "relay_b": bool(body.relay_b)}
    return LegacyJSONResponse({"success": True, "message": "bare", **relays})


# ---- server and database -------------------------------------------------------------------------


def create_database() -> tuple[str, str]:
    name = f"pawgraph_bench_{secrets.token_hex(4)}"
    with psycopg.connect(ADMIN_DSN, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return name, f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def drop_database(name: str) -> None:
    with psycopg.connect(ADMIN_DSN, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_env(
    database_url: str, persist_interval: float, pool_size: int | None = None
) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PAWGRAPH_")}
    if pool_size is not None:
        env["PAWGRAPH_DATABASE_POOL_SIZE"] = str(pool_size)
    env.update(
        PAWGRAPH_ENV="test",
        PAWGRAPH_DATABASE_URL=database_url,
        PAWGRAPH_BROADCAST_URL=REDIS_URL,
        PAWGRAPH_SECRET_KEY="bench-" + secrets.token_hex(16),
        PAWGRAPH_TELEMETRY_PERSIST_INTERVAL=str(persist_interval),
        PAWGRAPH_LOG_LEVEL="WARNING",
    )
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(env: dict[str, str], port: int, workers: int) -> subprocess.Popen[bytes]:
    subprocess.run(
        [sys.executable, "-m", "graphql_api", "migrate"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "bench.ingest:counted_app",
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
        "--workers",
        str(workers),
        # The subscribers' websockets are cut when the run ends; do not wait for them.
        "--timeout-graceful-shutdown",
        "2",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server exited at startup")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    process.terminate()
    raise RuntimeError("the server did not become healthy")


async def server_counters(http: httpx.AsyncClient) -> Counter:
    return Counter((await http.get(STATEMENTS_PATH)).json())


# ---- setup over GraphQL --------------------------------------------------------------------------


async def graphql(
    http: httpx.AsyncClient, document: str, variables: dict, token: str | None = None
) -> dict:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = await http.post(
        "/graphql", json={"query": document, "variables": variables}, headers=headers
    )
    body = response.json()
    if body.get("errors"):
        raise RuntimeError(body["errors"])
    return body["data"]


@dataclass
class Fleet:
    token: str
    hub_path: str
    outlet_ids: dict[str, str]  # hardware id -> global id


async def signed_up_token(http: httpx.AsyncClient) -> str:
    """A new bench user's access token."""
    email = f"bench-{secrets.token_hex(4)}@example.com"
    user = {"email": email, "password": PASSWORD, "displayName": "bench", "timeZone": "UTC"}
    await graphql(http, REGISTER, {"input": user})
    login = await graphql(http, LOGIN, {"input": {"email": email, "password": PASSWORD}})
    return login["login"]["accessToken"]


async def register_fleet(http: httpx.AsyncClient, outlets: int) -> Fleet:
    token = await signed_up_token(http)
    hub = {"kind": "HUB", "name": "bench hub", "hardwareId": f"{secrets.randbelow(256):02X}"}
    hub_id = (await graphql(http, REGISTER_DEVICE, {"input": hub}, token))["registerDevice"][
        "device"
    ]["id"]
    outlet_ids = {}
    for number in range(outlets):
        hardware_id = f"{0xFE - number:02X}"
        outlet = {
            "kind": "OUTLET",
            "name": f"outlet {hardware_id}",
            "hardwareId": hardware_id,
            "parentHubId": hub_id,
        }
        payload = (await graphql(http, REGISTER_DEVICE, {"input": outlet}, token))["registerDevice"]
        outlet_ids[hardware_id] = payload["device"]["id"]
    base_url = (await graphql(http, ISSUE_BASE_URL, {"input": {"hubId": hub_id}}, token))[
        "issueHubBaseUrl"
    ]["baseUrl"]
    hub_path = "/" + base_url.split("://", 1)[1].split("/", 1)[1] + "/api"
    return Fleet(token, hub_path, outlet_ids)


# ---- subscribers ---------------------------------------------------------------------------------


@dataclass
class Subscriber:
    outlet: str
    readings: list[dt.datetime] = field(default_factory=list)

    def received_since(self, start: dt.datetime) -> int:
        return sum(1 for at in self.readings if at >= start)


async def subscribe(
    ws_url: str, token: str, device_id: str, subscriber: Subscriber, ready: asyncio.Event
) -> None:
    async with websockets.connect(
        ws_url, subprotocols=["graphql-transport-ws"], max_queue=None
    ) as socket:
        await socket.send(
            json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}})
        )
        assert json.loads(await socket.recv())["type"] == "connection_ack"
        payload = {"query": TELEMETRY_UPDATED, "variables": {"deviceId": device_id}}
        await socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
        ready.set()
        async for raw in socket:
            message = json.loads(raw)
            if message["type"] == "next":
                received_at = message["payload"]["data"]["telemetryUpdated"]["receivedAt"]
                subscriber.readings.append(dt.datetime.fromisoformat(received_at))
            elif message["type"] == "ping":
                await socket.send(json.dumps({"type": "pong"}))


# ---- load ----------------------------------------------------------------------------------------


def reading(outlet: str, sequence: int) -> bytes:
    body = {
        "device_id": outlet,
        "current_a": 1000 + sequence % 500,
        "current_b": sequence % 60000,
        "relay_a": True,
        "relay_b": False,
        "is_overload": False,
    }
    return json.dumps(body, separators=(",", ":")).encode()


@dataclass
class Run:
    """One driven endpoint: 200s per outlet, failures, each request's latency, elapsed time."""

    accepted: Counter = field(default_factory=Counter)
    failures: int = 0
    latencies: list[float] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def ok(self) -> int:
        return sum(self.accepted.values())

    @property
    def rate(self) -> float:
        return self.ok / self.elapsed if self.elapsed else 0.0

    def percentile_ms(self, fraction: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return 1000 * ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def drive(
    base_url: str, path: str, outlets: list[str], clients: int, seconds: float, max_requests: int
) -> Run:
    """POST readings from ``clients`` concurrent keep-alive clients for ``seconds``, and at most
    ``max_requests`` in all."""
    run = Run()
    deadline = time.monotonic() + seconds
    sent = 0

    async def client(number: int) -> None:
        nonlocal sent
        sequence = number
        async with httpx.AsyncClient(base_url=base_url, timeout=10) as http:
            while time.monotonic() < deadline and sent < max_requests:
                sent += 1
                outlet = outlets[sequence % len(outlets)]
                began = time.perf_counter()
                response = await http.post(
                    path, content=reading(outlet, sequence), headers=JSON_HEADERS
                )
                run.latencies.append(time.perf_counter() - began)
                if response.status_code == 200:
                    run.accepted[outlet] += 1
                else:
                    run.failures += 1
                sequence += clients

    started = time.monotonic()
    await asyncio.gather(*(client(number) for number in range(clients)))
    run.elapsed = time.monotonic() - started
    return run


# ---- persisted rows ------------------------------------------------------------------------------


def persisted_times(
    database_name: str, outlet_ids: list[int], since: dt.datetime
) -> dict[int, list[dt.datetime]]:
    dsn = ADMIN_DSN.rsplit("/", 1)[0] + f"/{database_name}"
    with psycopg.connect(dsn) as connection:
        rows = connection.execute(
            "SELECT device_id, received_at FROM telemetry_points WHERE key = 'current_a' "
            "AND device_id = ANY(%s) AND received_at >= %s ORDER BY device_id, received_at",
            (outlet_ids, since),
        ).fetchall()
    times: dict[int, list[dt.datetime]] = {device_id: [] for device_id in outlet_ids}
    for device_id, received_at in rows:
        times[device_id].append(received_at)
    return times


def throttle_check(
    times: list[dt.datetime], interval: float, window: float, max_gap: float
) -> tuple[bool, str]:
    """One persisted reading per interval, none skipped: consecutive rows are at least
    ``interval`` apart and at most ``interval`` + the longest gap between readings."""
    gaps = [
        (later - earlier).total_seconds() for earlier, later in zip(times, times[1:], strict=False)
    ]
    spaced = all(interval <= gap <= interval + max_gap for gap in gaps)
    expected_low, expected_high = int(window // interval), int(window // interval) + 1
    within = expected_low <= len(times) <= expected_high
    return spaced and within, f"{len(times)} (expected {expected_low}-{expected_high})"


# ---- the run -------------------------------------------------------------------------------------


async def attach_subscribers(
    base_url: str, fleet: Fleet, count: int
) -> tuple[list[Subscriber], list[asyncio.Task]]:
    """``count`` live subscribers over the outlets, each proven to hear its outlet."""
    outlets = list(fleet.outlet_ids)
    ws_url = base_url.replace("http://", "ws://") + "/graphql"
    subscribers = [Subscriber(outlets[number % len(outlets)]) for number in range(count)]
    readies = [asyncio.Event() for _ in subscribers]
    tasks = [
        asyncio.create_task(
            subscribe(ws_url, fleet.token, fleet.outlet_ids[sub.outlet], sub, ready)
        )
        for sub, ready in zip(subscribers, readies, strict=True)
    ]
    await asyncio.wait_for(asyncio.gather(*(ready.wait() for ready in readies)), READY_TIMEOUT_S)
    # Warm up until every subscriber hears its outlet: from then on, nothing may be lost.
    async with httpx.AsyncClient(base_url=base_url, timeout=10, headers=JSON_HEADERS) as http:
        deadline = time.monotonic() + READY_TIMEOUT_S
        while not all(sub.readings for sub in subscribers):
            if time.monotonic() > deadline:
                raise RuntimeError("a subscriber heard nothing of its outlet during the warm-up")
            for outlet in outlets:
                response = await http.post(f"{fleet.hub_path}/data/", content=reading(outlet, 0))
                response.raise_for_status()
            await asyncio.sleep(0.1)
    await asyncio.sleep(1.0)
    return subscribers, tasks


async def await_broadcasts(
    subscribers: list[Subscriber], ingest: Run, start: dt.datetime
) -> tuple[int, int]:
    """(received, expected) readings of the subscribers, once all arrived or after a drain."""
    expected = sum(ingest.accepted[sub.outlet] for sub in subscribers)
    drain_deadline = time.monotonic() + DRAIN_TIMEOUT_S
    while time.monotonic() < drain_deadline:
        if sum(sub.received_since(start) for sub in subscribers) >= expected:
            break
        await asyncio.sleep(0.2)
    return sum(sub.received_since(start) for sub in subscribers), expected


def print_rates(args: argparse.Namespace, bare: Run, ingest: Run, counted: Counter) -> None:
    pool = f", pool size {args.pool_size}" if args.pool_size else ""
    print(
        f"clients {args.clients}, subscribers {args.subscribers}, outlets {args.outlets}, "
        f"workers {args.workers}{pool}, {args.seconds:g} s (at most {args.max_requests} "
        "requests) each"
    )
    for label, run, unit in (
        ("bare endpoint", bare, "requests"),
        ("ingest /data/", ingest, "readings"),
    ):
        print(
            f"{label:<16}: {run.rate:8.1f} {unit}/s ({run.ok} ok, {run.failures} failed), "
            f"p50 {run.percentile_ms(0.50):.1f} ms, p95 {run.percentile_ms(0.95):.1f} ms"
        )
    print(f"{'ratio':<16}: {100 * ingest.rate / bare.rate:8.1f} % (aim: >= 40 %)")
    if args.workers == 1 and ingest.ok:
        print(
            f"{'per reading':<16}: {counted['statements'] / ingest.ok:8.2f} SQL statements, "
            f"{counted['commits'] / ingest.ok:.2f} commits, "
            f"{counted['checkouts'] / ingest.ok:.2f} pool checkouts, "
            f"{counted['connects'] / ingest.ok:.2f} new connections "
            "(whole server during the ingest run, background tasks included)"
        )


async def run(args: argparse.Namespace, base_url: str, database_name: str) -> int:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        fleet = await register_fleet(http, args.outlets)
    outlets = list(fleet.outlet_ids)
    subscribers, tasks = await attach_subscribers(base_url, fleet, args.subscribers)

    bare = await drive(
        base_url, "/bench/bare", outlets, args.clients, args.seconds, args.max_requests
    )
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        before = await server_counters(http)
        # The persist throttle's window starts with the first measured reading of each outlet.
        start = dt.datetime.now(dt.UTC)
        ingest = await drive(
            base_url,
            f"{fleet.hub_path}/data/",
            outlets,
            args.clients,
            args.seconds,
            args.max_requests,
        )
        counted = await server_counters(http)
    counted.subtract(before)
    received, expected_received = await await_broadcasts(subscribers, ingest, start)
    for task in tasks:
        task.cancel()

    database_ids = {
        hardware_id: database_id(global_id) for hardware_id, global_id in fleet.outlet_ids.items()
    }
    times = persisted_times(database_name, list(database_ids.values()), start)
    max_gap = 1.0  # generous: readings of one outlet arrive every few milliseconds here
    checks = {
        outlet: throttle_check(times[pk], args.persist_interval, ingest.elapsed, max_gap)
        for outlet, pk in database_ids.items()
    }
    print_rates(args, bare, ingest, counted)
    print(
        f"{'broadcast':<16}: {received} received of {expected_received} expected by the subscribers"
    )
    persisted = sum(len(rows) for rows in times.values())
    print(
        f"{'persisted':<16}: {persisted} readings ({2 * persisted} points) at one per "
        f"{args.persist_interval:g} s per outlet"
    )
    for outlet, (ok, detail) in checks.items():
        print(f"  outlet {outlet}: {detail} {'ok' if ok else 'MISMATCH'}")
    lossless = (
        received == expected_received
        and ingest.failures == 0
        and all(ok for ok, _ in checks.values())
    )
    print(f"{'loss check':<16}:", "no reading lost" if lossless else "LOSS OR MISMATCH")
    return 0 if lossless else 1


def database_id(global_id: str) -> int:
    """The row id inside a GraphQL global id (base64 of ``Type:id``)."""
    return int(base64.b64decode(global_id).decode().split(":", 1)[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--seconds", type=float, default=10.0, help="duration of each of the two runs (<= 60)"
    )
    parser.add_argument(
        "--max-requests", type=int, default=50_000, help="cap on the requests of each run"
    )
    parser.add_argument("--clients", type=int, default=16, help="concurrent httpx clients")
    parser.add_argument(
        "--subscribers", type=int, default=8, help="live telemetryUpdated subscribers"
    )
    parser.add_argument("--outlets", type=int, default=8, help="outlets on the hub (at most 8)")
    parser.add_argument(
        "--persist-interval", type=float, default=2.0, help="PAWGRAPH_TELEMETRY_PERSIST_INTERVAL, s"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="uvicorn workers of the started server (statements are counted with 1 only)",
    )
    parser.add_argument(
        "--pool-size",
        type=int,
        default=None,
        help="PAWGRAPH_DATABASE_POOL_SIZE of the server (default: the setting's default); "
        "below --clients, connections beyond it are opened and closed again under load",
    )
    parser.add_argument("--port", type=int, default=0, help="0: any free port")
    args = parser.parse_args()
    if not 1 <= args.outlets <= 8 or not 0 < args.seconds <= 60:
        parser.error("1-8 outlets and at most 60 s per run")
    if not 1 <= args.max_requests <= 200_000:
        parser.error("--max-requests between 1 and 200000")
    database_name, database_url = create_database()
    server = None
    try:
        port = args.port or free_port()
        env = server_env(database_url, args.persist_interval, args.pool_size)
        server = start_server(env, port, args.workers)
        return asyncio.run(run(args, f"http://127.0.0.1:{port}", database_name))
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=15)
        drop_database(database_name)


if __name__ == "__main__":
    sys.exit(main())
