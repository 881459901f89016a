"""Collar telemetry through the MQTT door, next to a bare aiomqtt subscriber, in the same run.

    .venv/bin/python bench/mqtt_ingest.py [--collars 8] [--readings 200] [--seconds 30]

Starts a private Mosquitto (dynamic security, free port) and one API process on a fresh
PostgreSQL database (dropped afterwards) with Redis pub/sub and its MQTT door on, registers
``--collars`` collars over GraphQL (each gets its broker login), attaches one live
``telemetryUpdated`` subscriber per collar, and a bare aiomqtt subscriber on
``devices/+/telemetry`` that only counts. Then every collar publishes ``--readings`` readings at
QoS 1 as fast as the broker acknowledges them (a window of ``--inflight`` unacknowledged each),
bounded by ``--seconds``.

It prints, for the same burst: readings/s the bare subscriber received, readings/s the door
handled (committed: telemetry store, status, alerts, dedupe receipt; then broadcast), the ratio,
and the loss check: readings the broker acknowledged = bare count = handled by the door =
broadcasts received by the subscribers, and stored rows as the throttle allows.
"""

import argparse
import asyncio
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiomqtt
import httpx
import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.graphql_client import GraphQLClient  # noqa: E402
from tests.support.live_server import LiveServer, free_port  # noqa: E402
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


def start_server(database_url: str, broker: PrivateMosquitto, persist_interval: float, log: Path):
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
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "graphql_api.app:create_app", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    server = LiveServer(f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            health = httpx.get(f"{server.base_url}/healthz", timeout=1).json()
            if health.get("mqtt", {}).get("broker") == "connected":
                return server
        except (httpx.HTTPError, ValueError):
            pass
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"server did not start:\n{server.log()}")


async def register_collars(server: LiveServer, count: int) -> tuple[GraphQLClient, list[dict]]:
    anonymous = GraphQLClient(server)
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
        collars.append({"id": payload["device"]["id"], **credentials})
    return owner, collars


def reading(seq: int) -> bytes:
    ts = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    body = {"ts": ts, "seq": seq, "accel": {"x": 0.01, "y": -0.02, "z": 0.98},
            "battery": 87, "heart_rate": 88}  # fmt: skip
    return json.dumps(body).encode()


async def publish_collar(broker: PrivateMosquitto, collar: dict, args, deadline: float) -> int:
    """Publish up to ``args.readings`` readings, ``args.inflight`` awaiting their PUBACK at a
    time; returns how many the broker acknowledged."""
    topic = f"devices/{collar['username'].removeprefix('device-')}/telemetry"
    acked = 0
    async with aiomqtt.Client(
        "127.0.0.1", broker.port, username=collar["username"], password=collar["password"],
        identifier=f"bench-{collar['username']}", protocol=aiomqtt.ProtocolVersion.V5,
        max_inflight_messages=args.inflight,
    ) as client:  # fmt: skip
        seq = 0
        while seq < args.readings and time.monotonic() < deadline:
            window = range(seq, min(seq + args.inflight, args.readings))
            await asyncio.gather(*(client.publish(topic, reading(n), qos=1) for n in window))
            acked += len(window)
            seq += len(window)
    return acked


class BareCounter:
    def __init__(self, broker: PrivateMosquitto) -> None:
        self.count = 0
        self.last_at = 0.0
        self._broker = broker
        self.ready = asyncio.Event()

    async def run(self) -> None:
        async with aiomqtt.Client(
            "127.0.0.1", self._broker.port, username=self._broker.admin_username,
            password=self._broker.admin_password, protocol=aiomqtt.ProtocolVersion.V5,
        ) as client:  # fmt: skip
            await client.subscribe("devices/+/telemetry", qos=1)
            self.ready.set()
            async for _ in client.messages:
                self.count += 1
                self.last_at = time.monotonic()


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


async def door_handled(server: LiveServer) -> int:
    async with httpx.AsyncClient() as http:
        return (await http.get(f"{server.base_url}/healthz")).json()["mqtt"]["handled"]


async def wait_for(count, target: int) -> float:
    deadline = time.monotonic() + DRAIN_TIMEOUT_S
    while time.monotonic() < deadline:
        if await count() >= target:
            return time.monotonic()
        await asyncio.sleep(0.05)
    return float("nan")


async def run(args, broker: PrivateMosquitto, server: LiveServer) -> int:
    owner, collars = await register_collars(server, args.collars)
    bare = BareCounter(broker)
    live = [LiveCounter(owner, collar["id"]) for collar in collars]
    tasks = [asyncio.create_task(counter.run()) for counter in (bare, *live)]
    for counter in (bare, *live):
        await asyncio.wait_for(counter.ready.wait(), 15)
    handled_before = await door_handled(server)
    started = time.monotonic()
    acked = sum(
        await asyncio.gather(
            *(publish_collar(broker, c, args, started + args.seconds) for c in collars)
        )
    )
    published = time.monotonic()

    async def bare_count() -> int:
        return bare.count

    async def handled() -> int:
        return await door_handled(server) - handled_before

    bare_done = await wait_for(bare_count, acked)
    if args.verbose:
        print("health", httpx.get(f"{server.base_url}/healthz").json())
    door_done = await wait_for(handled, acked)
    await asyncio.sleep(1)  # late duplicates, if any, would show now
    if args.verbose:
        print("health", httpx.get(f"{server.base_url}/healthz").json(), server.log()[-3000:])
    broadcasts = sum(counter.count for counter in live)
    stored = 0
    for collar in collars:
        stored += (await owner.execute(STORED, {"deviceId": collar["id"]}))["telemetry"][
            "totalCount"
        ]
    for task in tasks:
        task.cancel()
    bare_rate = acked / (bare_done - started)
    door_rate = acked / (door_done - started)
    print(
        f"collars {args.collars}, readings acked by the broker {acked} "
        f"(published in {published - started:.2f} s, {acked / (published - started):.0f}/s)"
    )
    print(f"bare aiomqtt subscriber : {bare.count:6d} readings, {bare_rate:8.0f} readings/s")
    print(
        f"MQTT door (stored+live) : {await handled():6d} readings, {door_rate:8.0f} readings/s"
        f"  ({door_rate / bare_rate:.0%} of bare)"
    )
    print(
        f"broadcast to subscribers: {broadcasts:6d}; stored rows (battery key): {stored} "
        f"(throttle: at most one per collar per {args.persist_interval} s)"
    )
    lost = not (bare.count == acked == await handled() == broadcasts)
    print("nothing lost, nothing twice" if not lost else "MISMATCH: see counts above")
    return 1 if lost else 0  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--collars", type=int, default=8, help="simulated collars (<= 64)")
    parser.add_argument("--readings", type=int, default=200, help="readings per collar (<= 5000)")
    parser.add_argument("--inflight", type=int, default=10, help="unacked publishes per collar")
    parser.add_argument("--seconds", type=float, default=30.0, help="publishing bound (<= 60)")
    parser.add_argument("--persist-interval", type=float, default=2.0, help="throttle, s")
    parser.add_argument("--verbose", action="store_true", help="print the door's counters")
    args = parser.parse_args()
    if not (1 <= args.collars <= 64 and 1 <= args.readings <= 5000 and 0 < args.seconds <= 60):
        parser.error("1-64 collars, 1-5000 readings each, at most 60 s")
    database_name, database_url = create_database()
    workdir = Path(tempfile.mkdtemp(prefix="pawgraph-mqtt-bench-"))
    broker = PrivateMosquitto(workdir / "mosquitto")
    server = None
    try:
        broker.start()
        server = start_server(database_url, broker, args.persist_interval, workdir / "server.log")
        return asyncio.run(run(args, broker, server))
    finally:
        if server is not None:
            server.stop()
        broker.stop()
        drop_database(database_name)


if __name__ == "__main__":
    sys.exit(main())
