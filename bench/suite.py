"""`make bench`: the request-path figures on PostgreSQL + Redis, driven by ``wrk``, each beside
its ceiling measured in the same run.

    .venv/bin/python -m bench.suite [--seconds 10] [--connections 16] [--gc]

Two server processes (one uvicorn worker each, access log off), measured one after the other so
they never share the two cores:

* the ceiling app (:func:`ceiling_app`): a bare FastAPI route that parses the hub's reading body
  with the same Pydantic model, and a stock Strawberry schema at ``/stock`` (``{ hello }``);
* the API as ``pawgraph serve`` runs it (``graphql_api.server:create_served_app``) on a fresh
  PostgreSQL database (dropped afterwards), Redis pub/sub under a channel prefix of its own.

Figures: hub readings ``POST /h/<key>/api/data/`` (round-robin over 8 outlets, one live
``telemetryUpdated`` subscriber on each) against the bare route, with a loss check (every
answered reading broadcast, one stored per outlet per persist interval); ``{ __typename }``
and the owner's dashboard (``clients/operations/dashboard.graphql``, 2 pets and 13 devices
with readings) against stock ``{ hello }``. Each line: requests/s, p50 and
p99 latency, the ratio to its ceiling, the server's CPU per request and its RSS afterwards, and
the responses that were not 2xx (which must be none). ``--gc`` also measures the dashboard on
the app without the served process's GC tuning (``create_app``), to decide whether that tuning
earns its place. Every load is bounded by ``--seconds``; traffic stays on loopback.
"""

import argparse
import asyncio
import datetime as dt
import gc
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import httpx
import strawberry
from fastapi import FastAPI
from strawberry.fastapi import GraphQLRouter

from bench.ingest import (
    DRAIN_TIMEOUT_S,
    Fleet,
    attach_subscribers,
    create_database,
    database_id,
    drop_database,
    free_port,
    graphql,
    persisted_times,
    reading,
    register_fleet,
    server_env,
    throttle_check,
)
from device_rest.responses import LegacyJSONResponse
from device_rest.smart_outlet import OutletReadingBody
from graphql_api import ws_protocol

ROOT = Path(__file__).resolve().parents[1]
READY_TIMEOUT_S = 90.0
# The Dashboard operation of the app's operations file (which holds other operations too).
_OPERATIONS = (ROOT / "clients/operations/dashboard.graphql").read_text()
DASHBOARD = re.search(r"^query Dashboard\b.*?^}$", _OPERATIONS, re.M | re.S).group(0)
DASHBOARD_VARIABLES = {"pets": 10, "devicesPerPet": 20}
OUTLETS = 8
FEEDERS = 4
# Live telemetryUpdated subscribers, one per outlet, attached while the hub's readings run.
SUBSCRIBERS = 8
PERSIST_INTERVAL_S = 1.0
CREATE_PET = """mutation P($input: CreatePetInput!) {
  createPet(input: $input) { pet { id } userErrors { message } } }"""
ASSIGN = """mutation A($input: UpdateDeviceInput!) {
  updateDevice(input: $input) { device { id } userErrors { message } } }"""
REGISTER_DEVICE = """mutation D($input: RegisterDeviceInput!) {
  registerDevice(input: $input) { device { id } userErrors { message } } }"""


# ---- the ceiling app -----------------------------------------------------------------------------


@strawberry.type
class StockQuery:
    @strawberry.field
    def hello(self) -> str:
        return "world"


def ceiling_app() -> FastAPI:
    """What each figure is held against: FastAPI with nothing of ours, and stock Strawberry."""
    app = FastAPI()

    @app.post("/bare")
    async def bare(body: OutletReadingBody) -> LegacyJSONResponse:
        relays = {"relay_a": bool(body.relay_a), "relay_b": bool(body.relay_b)}
        return LegacyJSONResponse({"success": True, "message": "bare", **relays})

    app.include_router(GraphQLRouter(strawberry.Schema(query=StockQuery)), prefix="/stock")
    # This process imported the whole API (the reading model, this module's imports), which a
    # stock app has not: exempt all of it from the collector, or each full collection walks it
    # and charges the ceiling for a heap it would not have (3-4 ms per `{ hello }`, measured).
    gc.collect()
    gc.freeze()
    return app


# ---- processes -----------------------------------------------------------------------------------


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    base_url: str
    log_file: IO[bytes]

    def log(self) -> str:
        self.log_file.seek(0)
        return self.log_file.read().decode(errors="replace")

    def pids(self) -> list[int]:
        """The server's process and its descendants (uvicorn's workers)."""
        found, pending = [], [self.process.pid]
        while pending:
            pid = pending.pop()
            found.append(pid)
            for children in Path(f"/proc/{pid}/task").glob("*/children"):
                pending.extend(int(child) for child in children.read_text().split())
        return found

    def cpu_seconds(self) -> float:
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for pid in self.pids():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime + stime
        return total

    def rss_mb(self) -> float:
        total = 0.0
        for pid in self.pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024
        return total

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log_file.close()


def start(app: str, env: dict[str, str], options: Sequence[str] = ()) -> Server:
    """``app`` under uvicorn, with uvicorn's ``options`` beside the defaults."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        app,
        "--factory",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
        "--timeout-graceful-shutdown",
        "2",
        # As `pawgraph serve` sets it by default (PAWGRAPH_WS_PER_MESSAGE_DEFLATE), for the
        # ceilings too: a ceiling compressing every message would be measured doing more work.
        "--ws-per-message-deflate",
        "false",
        *options,
    ]
    if app.startswith("graphql_api."):
        # The API as `pawgraph serve` runs it, with its websocket protocol; the ceilings keep
        # uvicorn's stock one.
        command += ["--ws", ws_protocol.IMPORT_PATH]
    # Its log aside (wrk cuts requests at the end of a run, which the ceiling app logs).
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    server = Server(process, f"http://127.0.0.1:{port}", log)
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{app} exited at startup:\n{server.log()}")
        try:
            if httpx.get(f"{server.base_url}/docs", timeout=1).status_code < 500:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"{app} did not start")


def workers_option(workers: int) -> list[str]:
    return ["--workers", str(workers)] if workers > 1 else []


# ---- wrk -----------------------------------------------------------------------------------------


def _lua_string(text: str) -> str:
    return json.dumps(text)  # a JSON string literal is a valid Lua string literal here


def wrk_script(directory: Path, name: str, headers: dict[str, str], bodies: list[str]) -> Path:
    """A wrk script POSTing ``bodies`` in turn with ``headers``."""
    lines = ['wrk.method = "POST"']
    lines += [f"wrk.headers[{_lua_string(k)}] = {_lua_string(v)}" for k, v in headers.items()]
    lines.append("local bodies = {" + ", ".join(_lua_string(body) for body in bodies) + "}")
    lines.append("local n = 0")
    lines.append(
        "request = function() n = n + 1; "
        "return wrk.format(nil, nil, nil, bodies[(n % #bodies) + 1]) end"
    )
    path = directory / f"{name}.lua"
    path.write_text("\n".join(lines) + "\n")
    return path


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * _UNITS[unit]


@dataclass
class Figure:
    name: str
    rate: float
    p50_ms: float
    p99_ms: float
    requests: int
    failed: int
    cpu_ms_per_request: float
    rss_mb: float


def run_wrk(server: Server, name: str, path: str, script: Path, args: argparse.Namespace) -> Figure:
    cpu_before = server.cpu_seconds()
    result = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{args.connections}",
            f"-d{args.seconds}s",
            "--latency",
            # An overloaded machine must slow a figure down, not turn it into timeouts.
            "--timeout",
            "10s",
            "-s",
            str(script),
            server.base_url + path,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=args.seconds + 30,
    )
    cpu = server.cpu_seconds() - cpu_before
    out = result.stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    failed = sum(
        int(match)
        for match in re.findall(r"Non-2xx or 3xx responses: (\d+)", out)
        + re.findall(r"(?:connect|read|write|timeout) (\d+)", out)
    )
    return Figure(
        name=name,
        rate=float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        # Anchored: "+/- Stdev" columns such as "87.99%" must not be read as a percentile.
        p50_ms=_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        p99_ms=_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        requests=requests,
        failed=failed,
        cpu_ms_per_request=1000 * cpu / requests if requests else float("nan"),
        rss_mb=server.rss_mb(),
    )


def report(figure: Figure, ceiling: Figure | None) -> None:
    ratio = f"{100 * figure.rate / ceiling.rate:5.1f} %" if ceiling else "ceiling"
    print(
        f"{figure.name:<32} {figure.rate:8.0f} req/s  p50 {figure.p50_ms:6.2f} ms  "
        f"p99 {figure.p99_ms:6.2f} ms  {ratio:>8}  cpu {figure.cpu_ms_per_request:5.2f} ms/req  "
        f"rss {figure.rss_mb:4.0f} MB  failed {figure.failed}",
        flush=True,
    )


# ---- the API's data ------------------------------------------------------------------------------


@dataclass
class Owner:
    token: str
    hub_path: str
    outlets: list[str]
    fleet: Fleet


async def set_up(base_url: str) -> Owner:
    """A hub with 8 outlets (the ingest fleet) and 4 feeders, spread over 2 pets (13 devices),
    with readings on every outlet; checks that the dashboard answers without errors."""
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        fleet = await register_fleet(http, OUTLETS)
        pets = []
        for name in ("Rex", "Tom"):
            pet = {"name": name, "species": "DOG"}
            data = await graphql(http, CREATE_PET, {"input": pet}, fleet.token)
            pets.append(data["createPet"]["pet"]["id"])
        for number, device_id in enumerate(fleet.outlet_ids.values()):
            update = {"id": device_id, "petId": pets[number % 2]}
            await graphql(http, ASSIGN, {"input": update}, fleet.token)
        for number in range(FEEDERS):
            feeder = {
                "kind": "FEEDER",
                "name": f"feeder {number}",
                "hardwareId": f"ESP-{secrets.token_hex(4).upper()}",
                "petId": pets[number % 2],
            }
            await graphql(http, REGISTER_DEVICE, {"input": feeder}, fleet.token)
        for outlet in fleet.outlet_ids:
            response = await http.post(
                f"{fleet.hub_path}/data/",
                content=reading(outlet, 0),
                headers={"Content-Type": "application/json"},
            )
            response.raise_for_status()
        data = await graphql(http, DASHBOARD, DASHBOARD_VARIABLES, fleet.token)
        devices = sum(edge["node"]["devices"]["totalCount"] for edge in data["me"]["pets"]["edges"])
        if devices != OUTLETS + FEEDERS:
            raise RuntimeError(f"the dashboard shows {devices} devices")
    return Owner(fleet.token, fleet.hub_path, list(fleet.outlet_ids), fleet)


def check_graphql(server: Server, body: dict, headers: dict[str, str]) -> None:
    response = httpx.post(f"{server.base_url}{body.pop('_path')}", json=body, headers=headers)
    response.raise_for_status()
    if response.json().get("errors"):
        raise RuntimeError(response.json()["errors"])


# ---- the run -------------------------------------------------------------------------------------


def graphql_body(query: str, variables: dict | None = None, operation: str | None = None) -> str:
    body: dict = {"query": query}
    if variables is not None:
        body["variables"] = variables
    if operation is not None:
        body["operationName"] = operation
    return json.dumps(body, separators=(",", ":"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10, help="per figure (default 10)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections")
    parser.add_argument(
        "--gc", action="store_true", help="also the dashboard without the served GC tuning"
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="uvicorn workers, for the ceilings too"
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("bench: wrk is missing (apt-get install wrk; `make bench` installs it)")
        return 1
    json_headers = {"Content-Type": "application/json"}
    with tempfile.TemporaryDirectory(prefix="pawgraph-bench-") as scratch:
        directory = Path(scratch)
        hello = wrk_script(directory, "hello", json_headers, [graphql_body("{ hello }")])
        bare_bodies = [reading(f"{0xFE - n:02X}", n).decode() for n in range(OUTLETS)]
        bare = wrk_script(directory, "bare", json_headers, bare_bodies)
        ceiling_env = {k: v for k, v in os.environ.items() if not k.startswith("PAWGRAPH_")}
        ceilings = start("bench.suite:ceiling_app", ceiling_env, workers_option(args.workers))
        try:
            check_graphql(ceilings, {"_path": "/stock", "query": "{ hello }"}, {})
            bare_figure = run_wrk(ceilings, "bare FastAPI route", "/bare", bare, args)
            hello_figure = run_wrk(ceilings, "stock Strawberry { hello }", "/stock", hello, args)
        finally:
            ceilings.stop()
        database_name, database_url = create_database()
        env = server_env(database_url, persist_interval=PERSIST_INTERVAL_S)
        env["PAWGRAPH_CHANNEL_PREFIX"] = f"bench-{secrets.token_hex(4)}"
        subprocess.run(
            [sys.executable, "-m", "graphql_api", "migrate"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=120,
        )
        try:
            how = {"app": "graphql_api.server", "database": database_name}
            figures, loss = measure_api(directory, env, args, how)
            if args.gc:
                unfrozen, _ = measure_api(
                    directory, env, args, {"app": "graphql_api.app", "only": "dashboard"}
                )
        finally:
            drop_database(database_name)
    workers = "one uvicorn worker" if args.workers == 1 else f"{args.workers} uvicorn workers"
    print(f"\n{args.seconds} s per figure, wrk -t1 -c{args.connections}, {workers}")
    report(bare_figure, None)
    report(figures["ingest"], bare_figure)
    print(f"{'  with ' + str(SUBSCRIBERS) + ' live subscribers':<32} {loss}")
    report(hello_figure, None)
    report(figures["typename"], hello_figure)
    report(figures["dashboard"], hello_figure)
    if args.gc:
        unfrozen["dashboard"].name = "dashboard, no GC tuning"
        report(unfrozen["dashboard"], hello_figure)
    failed = sum(f.failed for f in (bare_figure, hello_figure, *figures.values()))
    return 1 if failed or not loss.lossless else 0


@dataclass
class LossCheck:
    """The hub run's readings: answered 2xx (wrk), broadcast to the subscribers (one per outlet)
    and stored (at most one per outlet per persist interval, none of its slots skipped)."""

    answered: int
    broadcast: int
    stored: int
    throttled_as_expected: bool
    # Requests still in flight when wrk stopped: the server wrote them, wrk did not count them.
    in_flight: int

    @property
    def lossless(self) -> bool:
        broadcast_all = self.answered <= self.broadcast <= self.answered + self.in_flight
        return broadcast_all and self.throttled_as_expected

    def __str__(self) -> str:
        throttle = "as expected" if self.throttled_as_expected else "MISMATCH"
        verdict = "nothing lost" if self.lossless else "LOSS OR MISMATCH"
        return (
            f"{self.answered} answered, {self.broadcast} broadcast, {self.stored} stored "
            f"(one per outlet per {PERSIST_INTERVAL_S:g} s: {throttle}): {verdict}"
        )


async def hub_readings_with_subscribers(
    server: Server, owner: Owner, script: Path, args: argparse.Namespace, database: str
) -> tuple[Figure, LossCheck]:
    """The hub figure with ``SUBSCRIBERS`` live subscribers attached, and its loss check."""
    subscribers, tasks = await attach_subscribers(server.base_url, owner.fleet, SUBSCRIBERS)
    try:
        start = dt.datetime.now(dt.UTC)
        path = f"{owner.hub_path}/data/"
        name = "hub reading POST /h/<key>/"
        figure = await asyncio.to_thread(run_wrk, server, name, path, script, args)
        deadline = time.monotonic() + DRAIN_TIMEOUT_S
        while time.monotonic() < deadline:
            if sum(sub.received_since(start) for sub in subscribers) >= figure.requests:
                break
            await asyncio.sleep(0.2)
        await asyncio.sleep(0.5)  # what wrk cut off in flight arrives too
        broadcast = sum(sub.received_since(start) for sub in subscribers)
    finally:
        for task in tasks:
            task.cancel()
    outlet_pks = [database_id(global_id) for global_id in owner.fleet.outlet_ids.values()]
    stored = persisted_times(database, outlet_pks, start)
    throttled = all(
        throttle_check(times, PERSIST_INTERVAL_S, args.seconds, max_gap=1.0)[0]
        for times in stored.values()
    )
    stored_count = sum(len(times) for times in stored.values())
    check = LossCheck(figure.requests, broadcast, stored_count, throttled, args.connections)
    return figure, check


def measure_api(
    directory: Path, env: dict[str, str], args: argparse.Namespace, how: dict[str, str]
) -> tuple[dict[str, Figure], LossCheck | None]:
    factory = {
        "graphql_api.server": "graphql_api.server:create_served_app",
        "graphql_api.app": "graphql_api.app:create_app",
    }[how["app"]]
    server = start(factory, env, workers_option(args.workers))
    try:
        owner = asyncio.run(set_up(server.base_url))
        auth = {"Content-Type": "application/json", "Authorization": f"Bearer {owner.token}"}
        dashboard_body = graphql_body(DASHBOARD, DASHBOARD_VARIABLES, "Dashboard")
        dashboard = wrk_script(directory, "dashboard", auth, [dashboard_body])
        figures, loss = {}, None
        if how.get("only") != "dashboard":
            bodies = [reading(outlet, n).decode() for n, outlet in enumerate(owner.outlets)]
            ingest = wrk_script(directory, "ingest", {"Content-Type": "application/json"}, bodies)
            figures["ingest"], loss = asyncio.run(
                hub_readings_with_subscribers(server, owner, ingest, args, how["database"])
            )
            typename = wrk_script(directory, "typename", auth, [graphql_body("{ __typename }")])
            figures["typename"] = run_wrk(server, "{ __typename }", "/graphql", typename, args)
        figures["dashboard"] = run_wrk(
            server, "dashboard (2 pets, 13 devices)", "/graphql", dashboard, args
        )
        # What wrk counts as success is the HTTP status: the answer must hold no errors too.
        check_graphql(
            server,
            {"_path": "/graphql", "query": DASHBOARD, "variables": DASHBOARD_VARIABLES},
            auth,
        )
        return figures, loss
    finally:
        server.stop()


if __name__ == "__main__":
    raise SystemExit(main())
