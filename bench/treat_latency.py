"""TreatTap end to end: tap → MQTT → collar firmware dispenses and acks → SUCCEEDED live, beside
a bare MQTT round trip through the same broker, in the same run.

    .venv/bin/python bench/treat_latency.py [--treats 30]

Starts a private Mosquitto (dynamic security, free port) and one API process with its MQTT door
on a fresh PostgreSQL database (dropped afterwards) with Redis pub/sub, registers one collar and
runs the collar firmware (``firmware.collar_unit`` on paho, polling every 20 ms). Each treat is
timed from sending the ``treat`` mutation to the owner's ``commandUpdated`` subscription showing
that command SUCCEEDED; taps are sequential. The ceiling is a bare aiomqtt ping-pong: one client
publishes at QoS 1, a second one subscribed answers, and the first waits for the answer.
It prints p50/p99/max of both, and fails if any treat did not succeed.
"""

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import aiomqtt

# The sibling benchmark; importing it also puts the project root on sys.path.
from mqtt_ingest import create_database, drop_database, register_collars, start_server

from tests.factories.collars import (  # noqa: E402
    COMMAND_UPDATED,
    TREAT,
    RegisteredCollar,
    RunningCollar,
    node_pk,
)
from tests.support.graphql_client import queued  # noqa: E402
from tests.support.mosquitto import PrivateMosquitto  # noqa: E402

SETTLE_TIMEOUT_S = 15.0


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return (
        f"p50 {statistics.median(ordered) * 1000:7.1f} ms  p99 {p99 * 1000:7.1f} ms  "
        f"max {ordered[-1] * 1000:7.1f} ms"
    )


async def bare_round_trips(broker: PrivateMosquitto, count: int) -> list[float]:
    """Publish → broker → echoing client → broker → publisher, at QoS 1, ``count`` times."""

    def client(name: str) -> aiomqtt.Client:
        return aiomqtt.Client(
            "127.0.0.1", broker.port, username=broker.admin_username,
            password=broker.admin_password, identifier=name,
            protocol=aiomqtt.ProtocolVersion.V5,
        )  # fmt: skip

    samples = []
    async with client("bench-ping") as ping, client("bench-pong") as pong:
        await ping.subscribe("devices/bench-echo/pong", qos=1)
        await pong.subscribe("devices/bench-echo/ping", qos=1)

        async def echo() -> None:
            async for message in pong.messages:
                await pong.publish("devices/bench-echo/pong", message.payload, qos=1)

        echoing = asyncio.create_task(echo())
        try:
            answers = aiter(ping.messages)
            for n in range(count):
                started = time.monotonic()
                await ping.publish("devices/bench-echo/ping", str(n).encode(), qos=1)
                await asyncio.wait_for(anext(answers), SETTLE_TIMEOUT_S)
                samples.append(time.monotonic() - started)
        finally:
            echoing.cancel()
    return samples


async def treat_round_trips(owner, collar: dict, count: int) -> list[float]:
    """Tap ``count`` treats one after the other; each timed until its SUCCEEDED arrives live."""
    samples = []
    async with (
        owner.subscribe(COMMAND_UPDATED, {"deviceId": collar["id"]}) as stream,
        queued(stream, "commandUpdated") as updates,
    ):
        await tap(owner, collar, updates)  # warm-up: the subscription is live after it
        for _ in range(count):
            started = time.monotonic()
            await tap(owner, collar, updates)
            samples.append(time.monotonic() - started)
    return samples


async def tap(owner, collar: dict, updates: "asyncio.Queue[dict]") -> None:
    result = (await owner.execute(TREAT, {"input": {"deviceId": collar["id"]}}))["treat"]
    if result["userErrors"]:
        raise RuntimeError(f"treat refused: {result['userErrors']}")
    command_id = result["command"]["id"]
    async with asyncio.timeout(SETTLE_TIMEOUT_S):
        while True:
            update = await updates.get()
            if update["id"] != command_id:
                continue
            if update["status"] == "SUCCEEDED":
                return
            if update["status"] in ("FAILED", "EXPIRED"):
                raise RuntimeError(f"treat {update['status']}: {update['reason']}")


async def run(args, broker: PrivateMosquitto, server) -> int:
    owner, [collar] = await register_collars(server, 1)
    registered = RegisteredCollar(
        collar["id"], node_pk(collar["id"]), collar["username"], collar["password"]
    )
    with RunningCollar(registered, broker.port, telemetry_interval=5.0) as running:
        running.unit.dispenser.treats = args.treats + 1
        deadline = time.monotonic() + SETTLE_TIMEOUT_S
        while not running.unit.connected and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        bare = await bare_round_trips(broker, args.treats)
        treats = await treat_round_trips(owner, collar, args.treats)
    dispensed = running.unit.dispenser.dispensed
    print(f"treats tapped {len(treats)} (+1 warm-up), dispensed {dispensed}")
    print(f"bare MQTT round trip (ceiling) : {percentiles(bare)}")
    print(f"treat tap → SUCCEEDED live     : {percentiles(treats)}")
    return 0 if dispensed == args.treats + 1 else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--treats", type=int, default=30, help="timed taps (<= 200)")
    args = parser.parse_args()
    if not 1 <= args.treats <= 200:
        parser.error("1-200 treats")
    database_name, database_url = create_database()
    workdir = Path(tempfile.mkdtemp(prefix="pawgraph-treat-bench-"))
    broker = PrivateMosquitto(workdir / "mosquitto")
    server = None
    try:
        broker.start()
        server = start_server(database_url, broker, 2.0, workdir / "server.log")
        return asyncio.run(run(args, broker, server))
    finally:
        if server is not None:
            server.stop()
        broker.stop()
        drop_database(database_name)


if __name__ == "__main__":
    sys.exit(main())
