"""Batched Petty collar readings (``POST /ingest`` with ``{"readings": [...]}``, WIRE.md section
3) driven by ``wrk``, beside raw COPY of the same rows measured in the same run.

    .venv/bin/python -m bench.collar_batch [--seconds 10] [--connections 16] [--batch 100]

* The API as ``pawgraph serve`` runs it (one uvicorn worker, access log off) on a fresh
  PostgreSQL database (dropped afterwards), Redis pub/sub under a channel prefix of its own.
  8 collars; wrk's script builds every request itself, so each batch holds new timestamps
  (a repeated body would only measure the duplicate check).
* The ceiling: the same number of connections each COPYing batches of the same size into a
  table shaped like ``collar_readings`` (same indexes and constraints), one transaction per
  batch: what PostgreSQL absorbs on this machine with no HTTP, JSON or checks in the way.
* The loss check: every reading the API answered 201 for is stored and broadcast once
  (requests wrk cut at the end of the run may be stored without being counted, so up to one
  batch per connection more may be stored, and broadcast).

Every load is bounded by ``--seconds``; traffic stays on loopback.
"""

import argparse
import asyncio
import datetime as dt
import secrets
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg

from bench.ingest import (
    REDIS_URL,
    create_database,
    database_id,
    drop_database,
    graphql,
    server_env,
    signed_up_token,
)
from bench.suite import (
    REGISTER_DEVICE,
    ROOT,
    Figure,
    _lua_string,
    run_wrk,
    start,
    workers_option,
)
from graphql_api import events

COLLARS = 8
REGISTER_COLLAR = REGISTER_DEVICE.replace("device { id }", "device { id } apiKey")


@dataclass
class Collar:
    pk: int
    hardware_id: str
    api_key: str


async def register_collars(base_url: str) -> list[Collar]:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        token = await signed_up_token(http)
        collars = []
        for number in range(COLLARS):
            hardware_id = f"SN-{secrets.token_hex(4).upper()}"
            collar = {"kind": "COLLAR", "name": f"collar {number}", "hardwareId": hardware_id}
            payload = (await graphql(http, REGISTER_COLLAR, {"input": collar}, token))[
                "registerDevice"
            ]
            global_id = payload["device"]["id"]
            pk = database_id(global_id)
            collars.append(Collar(pk, hardware_id, payload["apiKey"]))
        return collars


def batch_script(directory: Path, collars: list[Collar], batch: int) -> Path:
    """A wrk script: request n goes to collar n mod 8 with ``batch`` readings, each collar's
    requests stepping back through time one second per reading, so none repeats."""
    keys = ", ".join(_lua_string(c.api_key) for c in collars)
    ids = ", ".join(_lua_string(c.hardware_id) for c in collars)
    start = int(time.time()) - 60
    script = f"""
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local keys = {{{keys}}}
local ids = {{{ids}}}
local start = {start}
local n = 0
local parts = {{}}
request = function()
  local collar = (n % #keys) + 1
  local round = math.floor(n / #keys)
  n = n + 1
  for i = 1, {batch} do
    local at = start - (round * {batch} + i)
    parts[i] = string.format(
      '{{"collar_id":"%s","timestamp":"%s","heart_rate":%d,"activity_level":%d,' ..
      '"location":{{"type":"Point","coordinates":[%.6f,%.6f]}}}}',
      ids[collar], os.date("!%Y-%m-%dT%H:%M:%SZ", at), 60 + (at % 90), at % 3,
      -74.006 + (at % 1000) / 1e5, 40.7128 + (at % 700) / 1e5)
  end
  local body = '{{"readings":[' .. table.concat(parts, ",") .. ']}}'
  return wrk.format(nil, nil, {{["X-API-Key"] = keys[collar]}}, body)
end
"""
    path = directory / "collar-batch.lua"
    path.write_text(script)
    return path


# ---- the loss check: broadcasts counted on Redis -------------------------------------------------


class BroadcastCounter:
    """Counts the readings broadcast on the collars' telemetry channels with ``redis-cli``
    (compiled, writing to a file): a Python subscriber spent 11-14 % of a core on this count,
    taken from the server measured beside it on two cores, where the COPY ceiling pays
    nothing."""

    def __init__(self, prefix: str, collars: list[Collar], directory: Path) -> None:
        channels = [prefix + events.device_telemetry_channel(c.pk) for c in collars]
        self._output = directory / "broadcasts.txt"
        with self._output.open("wb") as output:
            self._process = subprocess.Popen(
                ["redis-cli", "-u", REDIS_URL, "--raw", "subscribe", *channels],
                stdout=output,
                stderr=subprocess.DEVNULL,
            )
        self._wait_for(lambda: self._lines().count(b"subscribe") == len(channels), 10.0)

    def _lines(self) -> list[bytes]:
        return self._output.read_bytes().splitlines()

    def _count(self) -> int:
        # --raw prints each message as three lines: "message", its channel, its payload (a
        # JSON array of a collar's readings, each with one "received_at").
        return self._output.read_bytes().count(b'"received_at":')

    @staticmethod
    def _wait_for(done, wait_s: float) -> None:
        deadline = time.monotonic() + wait_s
        while not done() and time.monotonic() < deadline:
            time.sleep(0.1)

    def settled(self, expected_at_least: int, wait_s: float = 30.0) -> int:
        self._wait_for(lambda: self._count() >= expected_at_least, wait_s)
        time.sleep(1.0)  # a duplicate would show now
        self.stop()
        return self._count()

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.terminate()
            self._process.wait(timeout=5)


# ---- the ceiling: raw COPY ----------------------------------------------------------------------


def copy_ceiling(dsn: str, connections: int, batch: int, seconds: float) -> tuple[float, int]:
    """Points/s COPYing ``batch`` rows per transaction from ``connections`` threads into a table
    like collar_readings, and the server-side rows, for ``seconds``."""
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute(
            "CREATE TABLE bench_copy (LIKE collar_readings INCLUDING ALL)"
            " ; ALTER TABLE bench_copy DROP CONSTRAINT IF EXISTS bench_copy_device_id_fkey"
        )
        device_id = admin.execute("SELECT min(id) FROM devices").fetchone()[0]
    received = dt.datetime.now(dt.UTC)
    written = [0] * connections
    deadline = time.monotonic() + seconds

    def worker(number: int) -> None:
        with psycopg.connect(dsn) as connection:
            at = int(time.time()) - 60 - number * 10_000_000
            while time.monotonic() < deadline:
                rows = []
                for _ in range(batch):
                    at -= 1
                    rows.append(
                        (
                            device_id,
                            dt.datetime.fromtimestamp(at, dt.UTC),
                            received,
                            60 + at % 90,
                            at % 3,
                            -74.006 + (at % 1000) / 1e5,
                            40.7128 + (at % 700) / 1e5,
                        )
                    )
                with (
                    connection.cursor() as cursor,
                    cursor.copy(
                        "COPY bench_copy (device_id, measured_at, received_at, heart_rate,"
                        " activity_level, longitude, latitude) FROM STDIN"
                    ) as copy,
                ):
                    for row in rows:
                        copy.write_row(row)
                connection.commit()
                written[number] += batch

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    elapsed = time.monotonic() - started
    with psycopg.connect(dsn) as connection:
        stored = connection.execute("SELECT count(*) FROM bench_copy").fetchone()[0]
    return sum(written) / elapsed, stored


def stored_readings(dsn: str, wait_s: float = 30.0) -> int:
    """The readings stored once the server finished the requests wrk left in flight (the count
    held still for a second)."""
    deadline = time.monotonic() + wait_s
    with psycopg.connect(dsn, autocommit=True) as connection:
        count = -1
        while time.monotonic() < deadline:
            now = connection.execute("SELECT count(*) FROM collar_readings").fetchone()[0]
            if now == count:
                break
            count = now
            time.sleep(1.0)
        return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10, help="per figure (default 10)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections")
    parser.add_argument("--batch", type=int, default=100, help="readings per request (max 100)")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers")
    args = parser.parse_args()
    database_name, database_url = create_database()
    dsn = database_url.replace("postgresql+psycopg://", "postgresql://")
    prefix = f"bench-{secrets.token_hex(4)}"
    env = server_env(database_url, persist_interval=1.0)
    env["PAWGRAPH_CHANNEL_PREFIX"] = prefix
    try:
        subprocess.run(
            [sys.executable, "-m", "graphql_api", "migrate"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=120,
        )
        server = start("graphql_api.server:create_served_app", env, workers_option(args.workers))
        try:
            collars = asyncio.run(register_collars(server.base_url))
            with tempfile.TemporaryDirectory(prefix="pawgraph-bench-") as scratch:
                counter = BroadcastCounter(prefix + ":", collars, Path(scratch))
                try:
                    script = batch_script(Path(scratch), collars, args.batch)
                    figure = run_wrk(server, "collar batch POST /ingest", "/ingest", script, args)
                    answered = (figure.requests - figure.failed) * args.batch
                    stored = stored_readings(dsn)
                    broadcast = counter.settled(stored)
                finally:
                    counter.stop()
        finally:
            server.stop()
        copy_rate, copied = copy_ceiling(dsn, args.connections, args.batch, args.seconds)
    finally:
        drop_database(database_name)
    report(figure, args, copy_rate, copied, answered, stored, broadcast)
    cut_at_most = args.connections * args.batch
    lost = stored < answered or stored > answered + cut_at_most or broadcast != stored
    return 1 if figure.failed or lost else 0


def report(
    figure: Figure,
    args: argparse.Namespace,
    copy_rate: float,
    copied: int,
    answered: int,
    stored: int,
    broadcast: int,
) -> None:
    points = figure.rate * args.batch
    print(
        f"\n{args.seconds} s per figure, {args.connections} connections, {args.batch} readings"
        f" per batch, uvicorn workers: {args.workers}"
    )
    print(f"{'raw COPY (ceiling)':<32} {copy_rate:8.0f} points/s  ({copied} rows)")
    print(
        f"{figure.name:<32} {points:8.0f} points/s  {100 * points / copy_rate:5.1f} %  "
        f"{figure.rate:6.0f} batches/s  p50 {figure.p50_ms:6.2f} ms  p99 {figure.p99_ms:6.2f} ms"
        f"  cpu {figure.cpu_ms_per_request:5.2f} ms/batch  rss {figure.rss_mb:4.0f} MB"
        f"  failed {figure.failed}"
    )
    print(f"loss check: answered 201 {answered}, stored {stored}, broadcast {broadcast}")


if __name__ == "__main__":
    raise SystemExit(main())
