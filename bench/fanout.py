"""Live fan-out: one device's status events to many subscribers of one API process, beside stock
Strawberry + broadcaster doing the same in the same run.

    .venv/bin/python -m bench.fanout [--subscribers 1000] [--events 20]   (up to 10,000)

Two server processes, measured one after the other so they never share the two cores:

* the ceiling (:func:`ceiling_app`): stock Strawberry on FastAPI whose ``deviceStatus``
  subscription reads the channel through ``broadcaster`` (Redis) and yields the decoded event,
  with no authorization, no snapshot and no bookkeeping;
* the API as ``pawgraph serve`` runs it, on a fresh PostgreSQL database (dropped afterwards) and
  Redis under a channel prefix of its own, its ``deviceStatus`` subscription as apps use it.

For each: ``--subscribers`` websockets (graphql-transport-ws) subscribe to one device; then
``--events`` status events are published onto its Redis channel, one every ``--gap`` seconds
(so each fan-out finishes before the next: this measures delivery, not a backlog). Each event
carries its sequence number in ``uptimeSeconds``; the client notes when it published each one.

Printed per server: delivery latency p50/p99 (publish → the subscriber's socket read it, over
every delivery), server CPU per delivery, RSS per idle subscriber (after connecting, before any
event), and the loss check (every subscriber got every event, in order). For pawgraph also a
hub's reading ``POST`` (wrk, one connection, back to back) p50/p99 while the events keep going
out to every subscriber, in further rounds of events after the measured one, beside the same
probe with no subscribers: sent to the subscribers' own process, then to a second API process
on the same database and bus (where a deployment that gives websockets processes of their own,
deploy/nginx, sends device requests). The client is one
Python process on the same two cores: its own parsing adds to the latencies of both servers
alike (its heap is frozen while it measures, so that its own full collections do not).
Every wait is bounded.
"""

import argparse
import asyncio
import gc
import json
import os
import resource
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import redis.asyncio as aioredis
import strawberry
import websockets
from broadcaster import Broadcast
from fastapi import FastAPI
from strawberry.fastapi import GraphQLRouter

from bench.ingest import (
    REDIS_URL,
    create_database,
    database_id,
    drop_database,
    reading,
    register_fleet,
    server_env,
)
from bench.subscriber_soak import register_feeder
from bench.suite import ROOT, Figure, Server, StockQuery, run_wrk, start, wrk_script
from tests.support.soak import status_event

MAX_SUBSCRIBERS = 10_000
# Descriptors beyond the websockets: the servers' database, Redis and log files, wrk's.
SPARE_FILES = 500
CONNECT_TIMEOUT_S = 300.0
OPENING_AT_ONCE = 100
HUB_PROBE_S = 5
SAME_PROCESS = "the subscribers' process"
OTHER_PROCESS = "another API process"
DELIVERY_TIMEOUT_S = 30.0
CEILING_CHANNEL_ENV = "BENCH_FANOUT_CHANNEL"
OURS = """
subscription DeviceStatus($deviceId: ID!) {
  deviceStatus(deviceId: $deviceId) { deviceId online ... on FeederStatus { uptimeSeconds } }
}
"""
STOCK = """
subscription DeviceStatus($deviceId: ID!) {
  deviceStatus(deviceId: $deviceId) { deviceId online uptimeSeconds }
}
"""


# ---- the ceiling ---------------------------------------------------------------------------------


@strawberry.type
class _StockStatus:
    device_id: strawberry.ID
    online: bool
    uptime_seconds: int


def ceiling_app() -> FastAPI:
    """Stock Strawberry + broadcaster: what the fan-out is held against."""
    broadcast = Broadcast(REDIS_URL)
    channel = os.environ[CEILING_CHANNEL_ENV]

    @strawberry.type
    class Subscription:
        @strawberry.subscription
        async def device_status(self, device_id: strawberry.ID) -> AsyncGenerator[_StockStatus]:
            async with broadcast.subscribe(channel=channel) as subscriber:
                async for event in subscriber:
                    data = json.loads(event.message)
                    yield _StockStatus(
                        device_id=device_id,
                        online=data["online"],
                        uptime_seconds=data["state"]["uptime_seconds"],
                    )

    async def connect() -> None:
        await broadcast.connect()
        # broadcaster 0.3.1's Redis listener wakes when SUBSCRIBE is sent, finds no confirmed
        # channel yet, and then sleeps until a *new* channel is subscribed, which never comes
        # (the race graphql_api/events/bus.py fixes): every event is lost. Subscribe once here
        # and wake the listener after Redis confirmed, so the ceiling delivers at all.
        backend = broadcast._backend
        await backend.subscribe(channel)
        while not backend._pubsub.subscribed:
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.1)
        backend._ready.set()

    schema = strawberry.Schema(query=StockQuery, subscription=Subscription)
    app = FastAPI(on_startup=[connect], on_shutdown=[broadcast.disconnect])
    app.include_router(GraphQLRouter(schema), prefix="/graphql")
    gc.collect()
    gc.freeze()  # as the served app does: the imported API is not the ceiling's heap
    return app


# ---- subscribers ---------------------------------------------------------------------------------


@dataclass
class Subscriber:
    received: list[int] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    error: str | None = None


async def _subscribe(
    ws_url: str,
    query: str,
    device_id: str,
    token: str | None,
    subscriber: Subscriber,
    published: dict[int, float],
    ready: asyncio.Event,
    snapshot: bool,
) -> None:
    try:
        await _read(ws_url, query, device_id, token, subscriber, published, ready, snapshot)
    except (OSError, AssertionError, websockets.WebSocketException) as error:
        subscriber.error = repr(error)[:300]
        ready.set()


async def _read(
    ws_url: str,
    query: str,
    device_id: str,
    token: str | None,
    subscriber: Subscriber,
    published: dict[int, float],
    ready: asyncio.Event,
    snapshot: bool,
) -> None:
    async with websockets.connect(ws_url, subprotocols=["graphql-transport-ws"]) as socket:
        init: dict = {"type": "connection_init"}
        if token:
            init["payload"] = {"Authorization": f"Bearer {token}"}
        await socket.send(json.dumps(init))
        assert json.loads(await socket.recv())["type"] == "connection_ack"
        payload = {"query": query, "variables": {"deviceId": device_id}}
        await socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
        if snapshot:  # ours sends the device's current status first
            assert json.loads(await socket.recv())["type"] == "next"
        ready.set()
        async for raw in socket:
            now = time.perf_counter()
            message = json.loads(raw)
            if message["type"] == "ping":
                await socket.send(json.dumps({"type": "pong"}))
                continue
            assert message["type"] == "next" and "errors" not in message["payload"], message
            sequence = message["payload"]["data"]["deviceStatus"]["uptimeSeconds"]
            subscriber.received.append(sequence)
            subscriber.latencies.append(now - published[sequence])


@dataclass
class FanOut:
    name: str
    subscribers: int
    events: int
    latencies_ms: list[float]
    complete: bool
    deliveries: int
    cpu_ms_per_delivery: float
    rss_per_subscriber_kb: float
    # Each hub probe's figure, by where its POSTs went: measured in rounds of events after the
    # measured one (so they add nothing above).
    hub_during: dict[str, Figure] = field(default_factory=dict)

    def line(self, ceiling: "FanOut | None") -> str:
        p50 = statistics.median(self.latencies_ms) if self.latencies_ms else float("nan")
        p99 = _percentile(self.latencies_ms, 0.99)
        text = (
            f"{self.name:<34} p50 {p50:7.1f} ms  p99 {p99:7.1f} ms  "
            f"{self.cpu_ms_per_delivery:6.3f} ms CPU/delivery  "
            f"{self.rss_per_subscriber_kb:6.1f} KB/idle subscriber  "
            f"{self.deliveries}/{self.subscribers * self.events} delivered"
            f"{'' if self.complete else ' (EVENTS MISSING OR OUT OF ORDER)'}"
        )
        if ceiling is not None and ceiling.latencies_ms:
            ratio = _percentile(self.latencies_ms, 0.99) / _percentile(ceiling.latencies_ms, 0.99)
            cpu = self.cpu_ms_per_delivery / ceiling.cpu_ms_per_delivery
            text += f"  (p99 {ratio:.1f}x, CPU {cpu:.1f}x the ceiling)"
        return text


def _percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


async def measure(
    name: str,
    server: Server,
    *,
    query: str,
    device_id: str,
    token: str | None,
    channel: str,
    device_pk: int,
    snapshot: bool,
    args: argparse.Namespace,
    hub_probes: dict[str, Callable[[], Figure]] | None = None,
) -> FanOut:
    ws_url = server.base_url.replace("http://", "ws://") + "/graphql"
    published: dict[int, float] = {}
    subscribers = [Subscriber() for _ in range(args.subscribers)]
    readies = [asyncio.Event() for _ in subscribers]
    rss_before = server.rss_mb()
    tasks: list[asyncio.Task[None]] = []

    def connect(index: int) -> None:
        task = _subscribe(
            ws_url, query, device_id, token, subscribers[index], published, readies[index], snapshot
        )
        tasks.append(asyncio.create_task(task))

    redis = aioredis.Redis.from_url(REDIS_URL)
    try:
        async with asyncio.timeout(CONNECT_TIMEOUT_S):
            # The first alone: broadcaster 0.3.1 loses the queues of subscribers who arrive
            # while a channel's first SUBSCRIBE is in flight (each overwrites the channel's set).
            connect(0)
            await readies[0].wait()
            await asyncio.sleep(0.5)
            # In waves: thousands of handshakes at once on two cores time out in the client's
            # websockets library (open_timeout 10 s) before either server is measured.
            for first in range(1, len(subscribers), OPENING_AT_ONCE):
                wave = range(first, min(first + OPENING_AT_ONCE, len(subscribers)))
                for index in wave:
                    connect(index)
                await asyncio.gather(*(readies[index].wait() for index in wave))
        failed = [s.error for s in subscribers if s.error]
        if failed:
            raise RuntimeError(f"{len(failed)} subscribers failed to subscribe: {failed[0]}")
        await asyncio.sleep(1.0)  # the last subscriptions reach the bus
        rss_idle = server.rss_mb()
        # This client's own heap (thousands of websockets) out of its collector's reach while
        # it measures: its full collections took up to 0.9 s at 10,000 subscribers, stalling
        # the reads of a whole event, and that pause landed in either server's p99.
        gc.collect()
        gc.freeze()
        cpu_before = server.cpu_seconds()
        for sequence in range(args.events):
            published[sequence] = time.perf_counter()
            await redis.publish(channel, status_event(device_pk, sequence))
            await _until_delivered(subscribers, sequence)
            await asyncio.sleep(args.gap)
        cpu = server.cpu_seconds() - cpu_before
        received = [list(s.received) for s in subscribers]
        latencies_ms = [latency * 1000 for s in subscribers for latency in s.latencies]
        hub_during = {}
        for where, probe in (hub_probes or {}).items():
            hub_during[where] = await _events_while(
                probe, redis, channel, device_pk, published, args
            )
    finally:
        gc.unfreeze()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await redis.aclose()
    expected = list(range(args.events))
    deliveries = sum(len(r) for r in received)
    lost = [s.error for s in subscribers if s.error]
    if lost:
        print(f"{name}: {len(lost)} subscribers ended early, the first: {lost[0]}")
    # CPU between the first publish and the last delivery, the gaps included (an idle
    # subscription costs little, but not nothing: its keep-alive pings).
    return FanOut(
        name=name,
        subscribers=args.subscribers,
        events=args.events,
        latencies_ms=latencies_ms,
        complete=all(r == expected for r in received),
        deliveries=deliveries,
        cpu_ms_per_delivery=cpu * 1000 / max(deliveries, 1),
        rss_per_subscriber_kb=(rss_idle - rss_before) * 1024 / args.subscribers,
        hub_during=hub_during,
    )


async def _events_while(
    probe: Callable[[], Figure],
    redis: aioredis.Redis,
    channel: str,
    device_pk: int,
    published: dict[int, float],
    args: argparse.Namespace,
) -> Figure:
    """``probe`` (blocking: wrk) in a thread while events keep going out, one every ``gap``."""
    running = asyncio.create_task(asyncio.to_thread(probe))
    sequence = args.events
    while not running.done():
        published[sequence] = time.perf_counter()
        await redis.publish(channel, status_event(device_pk, sequence))
        sequence += 1
        await asyncio.sleep(args.gap)
    return await running


def hub_probe(server: Server, directory: Path, seconds: int) -> Callable[[], Figure]:
    """One hub posting readings back to back (wrk, 1 connection) for ``seconds``."""
    fleet = asyncio.run(_hub_fleet(server.base_url))
    outlet = next(iter(fleet.outlet_ids))
    headers = {"Content-Type": "application/json"}
    script = wrk_script(directory, "hub", headers, [reading(outlet, n).decode() for n in range(8)])
    options = argparse.Namespace(connections=1, seconds=seconds)
    path = f"{fleet.hub_path}/data/"
    return lambda: run_wrk(server, "hub reading POST", path, script, options)


async def _hub_fleet(base_url: str):
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        return await register_fleet(http, 1)


async def _until_delivered(subscribers: list[Subscriber], sequence: int) -> None:
    deadline = time.monotonic() + DELIVERY_TIMEOUT_S
    while any(not s.received or s.received[-1] < sequence for s in subscribers):
        if time.monotonic() > deadline:
            return  # the loss check reports it
        await asyncio.sleep(0.005)


# ---- setup ---------------------------------------------------------------------------------------


async def owner_with_feeder(base_url: str) -> tuple[str, str, int]:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        token, device_id = await register_feeder(http)
    device_pk = database_id(device_id)
    return token, device_id, device_pk


def allow_open_files(count: int) -> bool:
    """Raise this process's soft open-file limit to ``count`` if it is lower (the servers it
    starts inherit it); False when the hard limit does not allow as many."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= count:
        return True
    if hard != resource.RLIM_INFINITY and hard < count:
        return False
    resource.setrlimit(resource.RLIMIT_NOFILE, (count, hard))
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--subscribers", type=int, default=1000, help=f"websockets (<= {MAX_SUBSCRIBERS})"
    )
    parser.add_argument("--events", type=int, default=20, help="events published (<= 1000)")
    parser.add_argument("--gap", type=float, default=0.2, help="seconds between events")
    args = parser.parse_args()
    args.subscribers = min(args.subscribers, MAX_SUBSCRIBERS)
    args.events = min(args.events, 1000)
    if not allow_open_files(args.subscribers + SPARE_FILES):
        print(f"bench: {args.subscribers} websockets need a higher open-file limit (ulimit -Hn)")
        return 1
    prefix = f"bench-fanout-{secrets.token_hex(4)}"

    ceiling_channel = f"{prefix}-stock"
    ceiling_env = {k: v for k, v in os.environ.items() if not k.startswith("PAWGRAPH_")}
    ceiling_env[CEILING_CHANNEL_ENV] = ceiling_channel
    ceiling_server = start("bench.fanout:ceiling_app", ceiling_env)
    try:
        ceiling = asyncio.run(
            measure(
                "stock Strawberry + broadcaster",
                ceiling_server,
                query=STOCK,
                device_id="1",
                token=None,
                channel=ceiling_channel,
                device_pk=1,
                snapshot=False,
                args=args,
            )
        )
    finally:
        ceiling_server.stop()

    database_name, database_url = create_database()
    env = server_env(database_url, persist_interval=1.0)
    env["PAWGRAPH_CHANNEL_PREFIX"] = prefix
    env["PAWGRAPH_ACCESS_LOG"] = "false"
    try:
        subprocess.run(
            [sys.executable, "-m", "graphql_api", "migrate"],
            cwd=ROOT, env=env, check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        server = start("graphql_api.server:create_served_app", env)
        # A second API process on the same database and bus, serving no websocket: where a
        # deployment that gives subscriptions processes of their own sends device requests.
        device_server = start("graphql_api.server:create_served_app", env)
        scratch = tempfile.TemporaryDirectory(prefix="pawgraph-bench-")
        try:
            token, device_id, device_pk = asyncio.run(owner_with_feeder(server.base_url))
            probes = {
                SAME_PROCESS: hub_probe(server, Path(scratch.name), HUB_PROBE_S),
                OTHER_PROCESS: hub_probe(device_server, Path(scratch.name), HUB_PROBE_S),
            }
            hub_alone = probes[SAME_PROCESS]()
            ours = asyncio.run(
                measure(
                    "pawgraph deviceStatus",
                    server,
                    query=OURS,
                    device_id=device_id,
                    token=token,
                    channel=f"{prefix}:device.{device_pk}.status",
                    device_pk=device_pk,
                    snapshot=True,
                    args=args,
                    hub_probes=probes,
                )
            )
        finally:
            server.stop()
            device_server.stop()
            scratch.cleanup()
    finally:
        drop_database(database_name)
    print(
        f"\n{args.subscribers} subscribers of one device, {args.events} events "
        f"{args.gap} s apart, one uvicorn worker"
    )
    print(ceiling.line(None))
    print(ours.line(ceiling))
    print(
        f"hub reading POST, 1 connection, alone: p50 {hub_alone.p50_ms:.1f} ms, "
        f"p99 {hub_alone.p99_ms:.1f} ms; while the events keep going out, sent to"
    )
    failed = hub_alone.failed
    for where, during in ours.hub_during.items():
        # wrk counts only the requests answered before it stops: none means every POST of
        # the probe waited longer than the probe ran (wrk's latencies then read 0).
        latencies = (
            f"p50 {during.p50_ms:7.1f} ms  p99 {during.p99_ms:7.1f} ms"
            if during.requests
            else f"no POST answered within the {HUB_PROBE_S} s probe"
        )
        print(f"  {where:<32} {latencies}  failed {during.failed}")
        failed += during.failed + (0 if during.requests else 1)
    return 0 if ceiling.complete and ours.complete and not failed else 1


if __name__ == "__main__":
    raise SystemExit(main())
