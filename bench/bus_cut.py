"""A Redis cut under open websockets: what it costs an API process to recover, beside the same
process idle in the same run.

    .venv/bin/python -m bench.bus_cut [--sockets 1000] [--seconds 6]

One API process (``pawgraph serve``'s app, one uvicorn worker) on a fresh PostgreSQL database
(dropped afterwards) and a private ``redis-server`` on a free port (the shared one is never
touched). ``--sockets`` websockets open (graphql-transport-ws), each authenticated as a user of
its own, so each has a session watch on its user's sessions channel. Then Redis kills the
process's pub/sub connection (``CLIENT KILL TYPE pubsub``: what its output buffer limit, an
operator or a proxy does). redis-py reconnects at once, the bus tells every listener, and every
session watch listens again and rechecks its token.

Printed: a ``{ __typename }`` POST sent back to back (one connection, a 10 ms pause between)
for ``--seconds``, p50/p99/max, first with nothing happening (the ceiling) and then from the
cut on; the server's CPU over each window; the database transactions the recovery ran (from
``pg_stat_database``); and the check: every socket still open and every user's sessions channel
subscribed again. Every wait is bounded; traffic stays on loopback.
"""

import argparse
import asyncio
import datetime as dt
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
import redis
import websockets

from bench.fanout import OPENING_AT_ONCE, allow_open_files
from bench.ingest import create_database, drop_database, server_env
from bench.suite import ROOT, Server, start
from graphql_api.auth import issue_access_token
from graphql_api.settings import Settings
from tests.support.private_services import PrivateRedis

MAX_SOCKETS = 5_000
CONNECT_TIMEOUT_S = 300.0
SETTLE_S = 3.0
QUIET_TIMEOUT_S = 60.0
PROBE_PAUSE_S = 0.01


@dataclass
class Window:
    name: str
    latencies_ms: list[float]
    cpu_s: float

    def line(self) -> str:
        ordered = sorted(self.latencies_ms)
        p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
        return (
            f"{self.name:<28} {len(ordered):5d} probes  p50 {statistics.median(ordered):7.1f} ms  "
            f"p99 {p99:7.1f} ms  max {ordered[-1]:7.1f} ms  server CPU {self.cpu_s:5.2f} s"
        )


def users_with_tokens(env: dict[str, str], database_url: str, count: int) -> list[str]:
    """``count`` users written straight to the database (signing up hashes a password each),
    and an access token for each, signed as the server signs them."""
    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute(
            "INSERT INTO users (email, password_hash, display_name, role, time_zone, created_at) "
            "SELECT 'bus-cut-' || n || '@example.com', '-', 'bus cut', 'OWNER', 'UTC', now() "
            "FROM generate_series(1, %s) AS n",
            (count,),
        )
        ids = [row[0] for row in connection.execute("SELECT id FROM users ORDER BY id")]
    settings = server_settings(env)
    now = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=5)
    return [issue_access_token(settings, user_id, now).token for user_id in ids]


def server_settings(env: dict[str, str]) -> Settings:
    """The settings the server reads from ``env``, not from this shell's PAWGRAPH_ variables."""
    saved = dict(os.environ)
    try:
        for key in [key for key in os.environ if key.startswith("PAWGRAPH_")]:
            del os.environ[key]
        os.environ.update({key: value for key, value in env.items() if key.startswith("PAWGRAPH_")})
        return Settings()
    finally:
        os.environ.clear()
        os.environ.update(saved)


def transactions(database_url: str, database_name: str) -> int:
    with psycopg.connect(database_url, autocommit=True) as connection:
        # The statistics a backend sends when it goes idle, not a second old.
        connection.execute("SELECT pg_stat_clear_snapshot()")
        row = connection.execute(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = %s",
            (database_name,),
        ).fetchone()
        return int(row[0])


async def open_socket(ws_url: str, token: str) -> websockets.ClientConnection:
    socket = await websockets.connect(ws_url, subprotocols=["graphql-transport-ws"])
    init = {"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}
    await socket.send(json.dumps(init))
    ack = json.loads(await socket.recv())
    if ack["type"] != "connection_ack":
        raise RuntimeError(f"not acknowledged: {ack}")
    return socket


async def probe(server: Server, name: str, seconds: float, during=None) -> Window:
    """``{ __typename }`` back to back for ``seconds``; ``during`` runs once it started."""
    latencies: list[float] = []
    cpu_before = server.cpu_seconds()
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        while time.monotonic() < deadline:
            started = time.perf_counter()
            response = await http.post("/graphql", json={"query": "{ __typename }"})
            response.raise_for_status()
            latencies.append(1000 * (time.perf_counter() - started))
            if during is not None:
                during()
                during = None
            await asyncio.sleep(PROBE_PAUSE_S)
    return Window(name, latencies, server.cpu_seconds() - cpu_before)


async def until_quiet(server: Server) -> None:
    """Until the server used under 5 % of a core over half a second (bounded)."""
    deadline = time.monotonic() + QUIET_TIMEOUT_S
    last = server.cpu_seconds()
    while time.monotonic() < deadline:
        await asyncio.sleep(0.5)
        now = server.cpu_seconds()
        if now - last < 0.025:
            return
        last = now


async def measure(server: Server, admin: redis.Redis, tokens: list[str], args, database) -> int:
    ws_url = server.base_url.replace("http://", "ws://") + "/graphql"
    sockets: list[websockets.ClientConnection] = []
    try:
        async with asyncio.timeout(CONNECT_TIMEOUT_S):
            for first in range(0, len(tokens), OPENING_AT_ONCE):
                wave = tokens[first : first + OPENING_AT_ONCE]
                sockets += await asyncio.gather(*(open_socket(ws_url, token) for token in wave))
        await asyncio.sleep(SETTLE_S)  # every watch subscribed
        idle = await probe(server, "idle (ceiling)", args.seconds)
        before = transactions(*database)
        cut = await probe(
            server,
            "from the cut on",
            args.seconds,
            during=lambda: admin.client_kill_filter(_type="pubsub"),
        )
        await until_quiet(server)
        recovery_transactions = transactions(*database) - before
        still_open = sum(socket.state is websockets.State.OPEN for socket in sockets)
        watched = len(admin.pubsub_channels(f"{args.prefix}:user.*.sessions"))
    finally:
        await asyncio.gather(*(socket.close() for socket in sockets), return_exceptions=True)
    print(f"\n{args.sockets} authenticated websockets, one uvicorn worker; Redis cuts its pub/sub")
    print(idle.line())
    print(cut.line())
    print(f"database transactions from the cut until quiet: {recovery_transactions}")
    complete = still_open == len(tokens) and watched == len(tokens)
    print(
        f"after: {still_open}/{len(tokens)} sockets open, {watched}/{len(tokens)} sessions "
        f"channels subscribed: {'all back' if complete else 'NOT ALL BACK'}"
    )
    return 0 if complete else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sockets", type=int, default=1000, help="websockets (<= 5,000)")
    parser.add_argument("--seconds", type=float, default=6.0, help="each probe window")
    args = parser.parse_args()
    args.sockets = min(args.sockets, MAX_SOCKETS)
    if not allow_open_files(args.sockets + 500):
        print(f"bench: {args.sockets} websockets need a higher open-file limit (ulimit -Hn)")
        return 1
    args.prefix = f"bench-bus-cut-{secrets.token_hex(4)}"
    scratch = tempfile.TemporaryDirectory(prefix="pawgraph-bench-")
    private_redis = PrivateRedis(Path(scratch.name)).start()
    database_name, database_url = create_database()
    try:
        env = server_env(database_url, persist_interval=1.0)
        env.update(
            PAWGRAPH_BROADCAST_URL=private_redis.url,
            PAWGRAPH_CHANNEL_PREFIX=args.prefix,
            PAWGRAPH_ACCESS_LOG="false",
        )
        subprocess.run(
            [sys.executable, "-m", "graphql_api", "migrate"],
            cwd=ROOT, env=env, check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        plain_url = database_url.replace("postgresql+psycopg://", "postgresql://")
        tokens = users_with_tokens(env, plain_url, args.sockets)
        server = start("graphql_api.server:create_served_app", env)
        admin = redis.Redis(port=private_redis.port)
        try:
            return asyncio.run(measure(server, admin, tokens, args, (plain_url, database_name)))
        finally:
            admin.close()
            server.stop()
    finally:
        drop_database(database_name)
        private_redis.stop()
        scratch.cleanup()


if __name__ == "__main__":
    raise SystemExit(main())
