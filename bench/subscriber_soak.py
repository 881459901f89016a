"""Memory per delivered event, at full size: 100,000 events to 10 live subscribers of one device.

    .venv/bin/python bench/subscriber_soak.py [--events 100000] [--subscribers 10]

Starts one API process as ``pawgraph serve`` runs it (the served app) on a fresh PostgreSQL
database (dropped afterwards) with Redis pub/sub, registers an owner and a feeder over GraphQL,
opens the subscribers' websockets, and publishes the feeder's status events onto its Redis
channel in batches (tests/support/soak.py). Prints deliveries/s, the API process's RSS before,
after, and after the subscribers left, and the growth per delivery beside the bound the suite
holds (tests/live/test_subscriber_memory.py, 5,000 events). Exits 1 when an event was lost or
reordered, or RSS grew more than ``--bound-mib``.

On this shared 2-core machine the full run takes several minutes; ``make test`` runs the
5,000-event version.
"""

import argparse
import asyncio
import secrets
import subprocess
import sys
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.ingest import (  # noqa: E402
    LOGIN,
    PASSWORD,
    REDIS_URL,
    REGISTER,
    REGISTER_DEVICE,
    ROOT,
    create_database,
    database_id,
    drop_database,
    free_port,
    graphql,
    server_env,
)
from tests.support.live_server import start_server  # noqa: E402
from tests.support.soak import soak  # noqa: E402


async def register_feeder(http: httpx.AsyncClient) -> tuple[str, str]:
    email = f"soak-{secrets.token_hex(4)}@example.com"
    user = {"email": email, "password": PASSWORD, "displayName": "soak", "timeZone": "UTC"}
    await graphql(http, REGISTER, {"input": user})
    login = await graphql(http, LOGIN, {"input": {"email": email, "password": PASSWORD}})
    token = login["login"]["accessToken"]
    feeder = {"kind": "FEEDER", "name": "soak", "hardwareId": f"ESP-{secrets.token_hex(4).upper()}"}
    payload = await graphql(http, REGISTER_DEVICE, {"input": feeder}, token)
    return token, payload["registerDevice"]["device"]["id"]


async def run(args: argparse.Namespace, base_url: str, pid: int, database_name: str) -> int:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        token, feeder_id = await register_feeder(http)
    device_pk = database_id(feeder_id)
    result = await soak(
        pid=pid,
        ws_url=base_url.replace("http://", "ws://") + "/graphql",
        redis_url=REDIS_URL,
        channel=f"{database_name}:device.{device_pk}.status",
        token=token,
        device_id=feeder_id,
        device_pk=device_pk,
        subscribers=args.subscribers,
        events=args.events,
    )
    deliveries = args.events * args.subscribers
    per_delivery = result.growth_mib * 2**20 / deliveries
    print(
        f"{args.events} events x {args.subscribers} subscribers = {deliveries} deliveries "
        f"in {result.seconds:.1f} s ({deliveries / result.seconds:.0f}/s)"
    )
    print(
        f"RSS {result.rss_before_mib:.1f} -> {result.rss_after_mib:.1f} MiB "
        f"(+{result.growth_mib:.1f} MiB, {per_delivery:.1f} B per delivery; bound "
        f"{args.bound_mib} MiB), {result.rss_after_disconnect_mib:.1f} MiB after leaving"
    )
    print(f"every subscriber got every event in order: {result.complete}")
    return 0 if result.complete and result.growth_mib < args.bound_mib else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--subscribers", type=int, default=10)
    parser.add_argument("--bound-mib", type=float, default=16.0)
    args = parser.parse_args()
    database_name, database_url = create_database()
    env = server_env(database_url, persist_interval=300)
    subprocess.run(
        [sys.executable, "-m", "graphql_api", "migrate"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    settings = {
        key.removeprefix("PAWGRAPH_").lower(): value
        for key, value in env.items()
        if key.startswith("PAWGRAPH_")
    }
    logs = Path(f"/tmp/pawgraph-soak-{secrets.token_hex(3)}")
    logs.mkdir()
    server = start_server(
        logs, "soak", free_port(), app="graphql_api.server:create_served_app", **settings
    )
    try:
        return asyncio.run(run(args, server.base_url, server.process.pid, database_name))
    finally:
        server.stop()
        drop_database(database_name)


if __name__ == "__main__":
    sys.exit(main())
