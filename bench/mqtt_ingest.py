"""Collar telemetry through the MQTT door, next to a bare subscriber, in the same run.

    .venv/bin/python bench/mqtt_ingest.py [--collars 8] [--readings 200] [--seconds 30]

Starts a private Mosquitto (dynamic security, free port) and one API process (served as
``pawgraph serve`` serves it) on a fresh PostgreSQL database (dropped afterwards) with Redis
pub/sub and its MQTT door on, registers ``--collars`` collars over GraphQL (each gets its
broker login) and attaches one live ``telemetryUpdated`` subscriber per collar. The load and
the ceiling are compiled clients: one ``mosquitto_pub`` per collar publishes its
``--readings`` readings at QoS 1 as fast as the broker acknowledges them, and a bare
``mosquitto_sub`` on ``devices/+/telemetry`` only receives them. Meanwhile one more collar, the
probe, publishes a reading every ``--probe-every`` ms and times each until its receipt
(``telemetry/receipt``, sent after the commit): the door's latency under the burst.

It prints, for the same burst: readings/s the bare subscriber received, readings/s the door
handled (committed: telemetry store, status, alerts, dedupe receipt; then broadcast), the ratio,
the server's CPU per reading and RSS, the probe's p50/p99, and the loss check: readings the
broker acknowledged = bare count = handled by the door = broadcasts received by the
subscribers, and stored rows as the throttle allows. Every loop is bounded (``--seconds``).
"""

import argparse
import asyncio
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import aiomqtt
import httpx
import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.suite import Server, start  # noqa: E402
from tests.support.graphql_client import GraphQLClient  # noqa: E402
from tests.support.live_server import LiveServer  # noqa: E402
from tests.support.mosquitto import PrivateMosquitto  # noqa: E402

ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
REDIS_URL = "redis://127.0.0.1:6379/0"
READY_TIMEOUT_S = 60.0
DRAIN_TIMEOUT_S = 90.0
PASSWORD = "bench-password-42"
REGISTER = (
    """mutation R($input: RegisterInput!) { register(input: $input) { userErrors { message } } }"""
)
LOGIN = """mutation L($input: LoginInput!) { login(input: $input) { accessToken } }"""
REGISTER_COLLAR = """mutation D($input: RegisterDeviceInput!) {
  registerDevice(input: $input) { device { id } mqttCredentials { username password } } }"""
LIVE = """subscription T($deviceId: ID!) { telemetryUpdated(deviceId: $deviceId) { receivedAt } }"""
STORED = """query S($deviceId: ID!) { telemetry(deviceId: $deviceId, keys: ["battery"]) {
  totalCount } }"""


def create_database() -> tuple[str, str]:
    name = f"pawgraph_bench_{secrets.token_hex(4)}"
    with psycopg.connect(ADMIN_DSN, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return name, f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def drop_database(name: str) -> None:
    with psycopg.connect(ADMIN_DSN, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_server(database_url: str, broker: PrivateMosquitto, persist_interval: float) -> Server:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PAWGRAPH_")}
    env.update(
        PAWGRAPH_ENV="test",
        PAWGRAPH_DATABASE_URL=database_url,
        PAWGRAPH_BROADCAST_URL=REDIS_URL,
        PAWGRAPH_CHANNEL_PREFIX="bench-" + secrets.token_hex(4),
        PAWGRAPH_SECRET_KEY="bench-" + secrets.token_hex(16),
        PAWGRAPH_TELEMETRY_PERSIST_INTERVAL=str(persist_interval),
        PAWGRAPH_MQTT_URL=broker.admin_url,
        PAWGRAPH_MQTT_BROKER_ADMIN="mosquitto-dynsec",
        PAWGRAPH_LOG_LEVEL="WARNING",
    )
    subprocess.run(
        [sys.executable, "-m", "graphql_api", "migrate"], env=env, cwd=ROOT, check=True,
        capture_output=True, timeout=120,
    )  # fmt: skip
    server = start("graphql_api.server:create_served_app", env)
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        health = httpx.get(f"{server.base_url}/healthz", timeout=1).json()
        if health.get("mqtt", {}).get("broker") == "connected":
            return server
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"the server's MQTT door did not connect:\n{server.log()}")


async def register_collars(server: Server, count: int) -> tuple[GraphQLClient, list[dict]]:
    anonymous = GraphQLClient(LiveServer(server.base_url, server.process, Path(os.devnull)))
    email = f"bench-{secrets.token_hex(4)}@example.com"
    await anonymous.execute(
        REGISTER, {"input": {"email": email, "password": PASSWORD, "displayName": "bench"}}
    )
    login = await anonymous.execute(LOGIN, {"input": {"email": email, "password": PASSWORD}})
    owner = anonymous.with_token(login["login"]["accessToken"])
    collars = []
    for index in range(count):
        hardware_id = f"BENCH-{secrets.token_hex(4)}-{index}"
        result = await owner.execute(
            REGISTER_COLLAR,
            {"input": {"kind": "COLLAR", "name": hardware_id, "hardwareId": hardware_id}},
        )
        payload = result["registerDevice"]
        credentials = payload["mqttCredentials"]
        pk = credentials["username"].removeprefix("device-")
        collars.append({"id": payload["device"]["id"], "pk": pk, **credentials})
    return owner, collars


def reading(seq: int) -> bytes:
    ts = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    body = {"ts": ts, "seq": seq, "accel": {"x": 0.01, "y": -0.02, "z": 0.98},
            "battery": 87, "heart_rate": 88}  # fmt: skip
    return json.dumps(body, separators=(",", ":")).encode()


def broker_login(broker: PrivateMosquitto, username: str, password: str) -> list[str]:
    return ["-h", "127.0.0.1", "-p", str(broker.port), "-u", username, "-P", password,
            "-V", "mqttv5"]  # fmt: skip


def start_publisher(broker: PrivateMosquitto, collar: dict, readings: int, scratch: Path):
    """``mosquitto_pub`` publishing the collar's readings, one per line, at QoS 1; it exits
    once the broker acknowledged the last."""
    lines = scratch / f"readings-{collar['pk']}.jsonl"
    lines.write_bytes(b"\n".join(reading(seq) for seq in range(readings)) + b"\n")
    return subprocess.Popen(
        ["mosquitto_pub", *broker_login(broker, collar["username"], collar["password"]),
         "-i", f"bench-{collar['username']}", "-q", "1",
         "-t", f"devices/{collar['pk']}/telemetry", "-l"],
        stdin=lines.open("rb"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip


class BareSubscriber:
    """``mosquitto_sub`` on every collar's telemetry, exiting after ``count`` messages; the
    moment it exits is when the last arrived."""

    def __init__(self, broker: PrivateMosquitto, count: int, timeout_s: float) -> None:
        self.subscribed = threading.Event()
        self.done_at = float("nan")
        self.received = 0
        self._process = subprocess.Popen(
            # stdbuf: its debug lines unbuffered, so the SUBACK shows when it comes.
            ["stdbuf", "-oL", "mosquitto_sub",
             *broker_login(broker, broker.admin_username, broker.admin_password),
             "-t", "devices/+/telemetry", "-q", "1", "-C", str(count), "-W", str(int(timeout_s)),
             "-d"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        # -d prints the SUBACK (the subscription is in place) and a line per PUBLISH received.
        for line in self._process.stdout:
            if b"received SUBACK" in line:
                self.subscribed.set()
            elif b"received PUBLISH" in line:
                self.received += 1
        self._process.wait()
        self.done_at = time.monotonic()

    def wait(self) -> None:
        self._reader.join(DRAIN_TIMEOUT_S)


class LiveCounter:
    def __init__(self, owner: GraphQLClient, device_id: str) -> None:
        self.count = 0
        self._owner = owner
        self._device_id = device_id
        self.ready = asyncio.Event()

    async def run(self) -> None:
        async with self._owner.subscribe(LIVE, {"deviceId": self._device_id}) as stream:
            self.ready.set()
            async for _ in stream:
                self.count += 1


class Probe:
    """One more collar publishing a reading every ``every_s`` until stopped, each timed from
    its publish to its receipt (sent by the door after the reading's commit)."""

    def __init__(self, broker: PrivateMosquitto, collar: dict, every_s: float) -> None:
        self.latencies_ms: list[float] = []
        self.sent = 0
        self._broker, self._collar, self._every_s = broker, collar, every_s
        self._sent_at: dict[int, float] = {}
        self.stop = asyncio.Event()

    async def run(self, ready: asyncio.Event) -> None:
        topic = f"devices/{self._collar['pk']}/telemetry"
        async with aiomqtt.Client(
            "127.0.0.1", self._broker.port, username=self._collar["username"],
            password=self._collar["password"], protocol=aiomqtt.ProtocolVersion.V5,
        ) as client:  # fmt: skip
            await client.subscribe(f"{topic}/receipt", qos=0)
            receipts = asyncio.create_task(self._receive(client))
            ready.set()
            try:
                while not self.stop.is_set() and self.sent < 100_000:
                    self._sent_at[self.sent] = time.monotonic()
                    await client.publish(topic, reading(self.sent), qos=1)
                    self.sent += 1
                    await asyncio.sleep(self._every_s)
                deadline = time.monotonic() + DRAIN_TIMEOUT_S
                while len(self.latencies_ms) < self.sent and time.monotonic() < deadline:
                    await asyncio.sleep(0.05)
            finally:
                receipts.cancel()

    async def _receive(self, client: aiomqtt.Client) -> None:
        async for message in client.messages:
            sent_at = self._sent_at.pop(json.loads(message.payload)["seq"], None)
            if sent_at is not None:
                self.latencies_ms.append(1000 * (time.monotonic() - sent_at))


async def door_handled(base_url: str) -> int:
    async with httpx.AsyncClient() as http:
        return (await http.get(f"{base_url}/healthz")).json()["mqtt"]["handled"]


async def wait_for(count, target: int) -> float:
    deadline = time.monotonic() + DRAIN_TIMEOUT_S
    while time.monotonic() < deadline:
        if await count() >= target:
            return time.monotonic()
        await asyncio.sleep(0.05)
    return float("nan")


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[int(fraction * 100) - 1]


async def run(args, broker: PrivateMosquitto, server: Server, scratch: Path) -> int:
    owner, collars = await register_collars(server, args.collars + 1)
    probe_collar, collars = collars[-1], collars[:-1]
    live = [LiveCounter(owner, collar["id"]) for collar in (*collars, probe_collar)]
    tasks = [asyncio.create_task(counter.run()) for counter in live]
    for counter in live:
        await asyncio.wait_for(counter.ready.wait(), 15)
    burst = args.collars * args.readings
    probe = Probe(broker, probe_collar, args.probe_every / 1000)
    probe_ready = asyncio.Event()
    tasks.append(asyncio.create_task(probe.run(probe_ready)))
    await asyncio.wait_for(probe_ready.wait(), 15)
    await asyncio.sleep(0.5)  # a few probe readings before the burst: its idle latency too
    bare = BareSubscriber(broker, burst, args.seconds + DRAIN_TIMEOUT_S)
    if not await asyncio.to_thread(bare.subscribed.wait, 15):
        raise RuntimeError("mosquitto_sub did not subscribe")
    handled_before = await door_handled(server.base_url)
    probe_before = probe.sent
    cpu_before = server.cpu_seconds()
    started = time.monotonic()
    publishers = [start_publisher(broker, c, args.readings, scratch) for c in collars]
    for publisher in publishers:
        try:
            await asyncio.to_thread(
                publisher.wait, max(0.1, started + args.seconds - time.monotonic())
            )
        except subprocess.TimeoutExpired:
            publisher.kill()
    published = time.monotonic()
    failed = [p.stderr.read().decode() for p in publishers if p.wait() != 0]

    async def handled() -> int:
        return await door_handled(server.base_url) - handled_before

    await asyncio.to_thread(bare.wait)
    # The door handles the burst and the probe's readings since the burst began.
    door_done = await wait_for(handled, burst + (probe.sent - probe_before))
    cpu = server.cpu_seconds() - cpu_before
    probe.stop.set()
    await asyncio.sleep(1)  # late duplicates, if any, would show now
    await asyncio.wait_for(tasks[-1], DRAIN_TIMEOUT_S)
    total = burst + probe.sent
    handled_all = await door_handled(server.base_url)

    async def broadcast() -> int:
        return sum(counter.count for counter in live)

    # A receipt leaves after its reading's commit, and the reading's event may reach its
    # subscriber a moment after it: wait (bounded) for the last probe reading's too.
    await wait_for(broadcast, total)
    broadcasts = await broadcast()
    stored = 0
    for collar in (*collars, probe_collar):
        stored += (await owner.execute(STORED, {"deviceId": collar["id"]}))["telemetry"][
            "totalCount"
        ]
    for task in tasks:
        task.cancel()
    bare_rate = burst / (bare.done_at - started)
    in_burst = burst + (probe.sent - probe_before)
    door_rate = in_burst / (door_done - started)
    print(
        f"collars {args.collars} x {args.readings} readings, published by mosquitto_pub at QoS 1 "
        f"in {published - started:.2f} s ({burst / (published - started):.0f}/s)"
    )
    print(f"bare mosquitto_sub      : {bare.received:6d} readings, {bare_rate:8.0f} readings/s")
    print(
        f"MQTT door (stored+live) : {in_burst:6d} readings, {door_rate:8.0f} readings/s"
        f"  ({door_rate / bare_rate:.0%} of bare)  cpu {1000 * cpu / in_burst:.2f} ms/reading"
        f"  rss {server.rss_mb():.0f} MB"
    )
    latencies = probe.latencies_ms
    print(
        f"probe collar, every {args.probe_every:g} ms: {len(latencies)} receipts, publish to "
        f"receipt p50 {percentile(latencies, 0.5):.1f} ms, p99 {percentile(latencies, 0.99):.1f} ms"
    )
    print(
        f"broadcast to subscribers: {broadcasts:6d}; stored rows (battery key): {stored} "
        f"(throttle: at most one per collar per {args.persist_interval} s)"
    )
    lost = failed or not (
        bare.received == burst
        and handled_all == total == broadcasts
        and len(latencies) == probe.sent
    )
    if not lost:
        print("nothing lost, nothing twice")
    else:
        print(
            f"MISMATCH: published {total} (burst {burst}, probe {probe.sent}), bare "
            f"{bare.received}, handled {handled_all}, broadcast {broadcasts}, probe receipts "
            f"{len(latencies)}; publishers failed: {failed}"
        )
    return 1 if lost else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--collars", type=int, default=8, help="simulated collars (<= 64)")
    parser.add_argument("--readings", type=int, default=200, help="readings per collar (<= 5000)")
    parser.add_argument("--seconds", type=float, default=30.0, help="publishing bound (<= 60)")
    parser.add_argument("--probe-every", type=float, default=20.0, help="probe readings, ms")
    parser.add_argument("--persist-interval", type=float, default=2.0, help="throttle, s")
    args = parser.parse_args()
    if not (1 <= args.collars <= 64 and 1 <= args.readings <= 5000 and 0 < args.seconds <= 60):
        parser.error("1-64 collars, 1-5000 readings each, at most 60 s")
    if not args.probe_every >= 5:
        parser.error("--probe-every is at least 5 ms")
    database_name, database_url = create_database()
    scratch = Path(tempfile.mkdtemp(prefix="pawgraph-mqtt-bench-"))
    broker = PrivateMosquitto(scratch / "mosquitto")
    server = None
    try:
        broker.start()
        server = start_server(database_url, broker, args.persist_interval)
        return asyncio.run(run(args, broker, server, scratch))
    finally:
        if server is not None:
            server.stop()
        broker.stop()
        drop_database(database_name)


if __name__ == "__main__":
    sys.exit(main())
