"""Device heartbeat latency while passwords are being guessed, next to the same heartbeats alone.

    .venv/bin/python -m bench.login_pressure [--seconds 6] [--guessers 32]

Starts one API process on a fresh PostgreSQL database (dropped afterwards) with rate limits
raised out of the way (so every guess is really hashed), registers an owner and a feeder, then
for a bounded time sends heartbeats one after another, first alone (the ceiling), then while
``--guessers`` clients send wrong logins without pause. argon2 runs in a pool of
``PAWGRAPH_PASSWORD_HASH_WORKERS`` threads, never on the event loop: the heartbeat's latency
should stay near the ceiling however many guesses queue up.
"""

import argparse
import asyncio
import json
import secrets
import statistics
import time

import httpx

from bench.ingest import create_database, drop_database, free_port, server_env, start_server

REGISTER = "mutation R($input: RegisterInput!) { register(input: $input) { userErrors { code } } }"
LOGIN = (
    "mutation L($input: LoginInput!) { login(input: $input) { accessToken userErrors { code } } }"
)
REGISTER_DEVICE = """mutation D($input: RegisterDeviceInput!) {
  registerDevice(input: $input) { apiKey userErrors { code } } }"""
PASSWORD = "bench-password-42"
MAX_HEARTBEATS = 5000


async def graphql(http, query, variables, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = await http.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    return response.json()["data"]


async def feeder(http) -> tuple[str, str]:
    email = f"bench-{secrets.token_hex(4)}@example.com"
    await graphql(
        http, REGISTER, {"input": {"email": email, "password": PASSWORD, "displayName": "B"}}
    )
    token = (await graphql(http, LOGIN, {"input": {"email": email, "password": PASSWORD}}))[
        "login"
    ]["accessToken"]
    hardware_id = f"ESP-{secrets.token_hex(4).upper()}"
    device = {"kind": "FEEDER", "name": "bench", "hardwareId": hardware_id}
    key = (await graphql(http, REGISTER_DEVICE, {"input": device}, token))["registerDevice"][
        "apiKey"
    ]
    return hardware_id, key


async def heartbeats(http, hardware_id: str, key: str, seconds: float) -> list[float]:
    body = json.dumps({"device_id": hardware_id, "heartbeat": True, "uptime": 1}).encode()
    headers = {"Content-Type": "application/json", "Device-ID": hardware_id, "X-Device-Key": key}
    latencies, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline and len(latencies) < MAX_HEARTBEATS:
        started = time.perf_counter()
        response = await http.post("/api/device/status/", content=body, headers=headers)
        assert response.status_code == 200, response.text
        latencies.append((time.perf_counter() - started) * 1000)
    return latencies


async def guess(http, stop: asyncio.Event, counter: list[int]) -> None:
    variables = {
        "input": {"email": f"nobody-{secrets.token_hex(4)}@example.com", "password": "wrong-1"}
    }
    while not stop.is_set():
        await graphql(http, LOGIN, variables)
        counter[0] += 1


def report(name: str, latencies: list[float]) -> None:
    ordered = sorted(latencies)
    p99 = ordered[int(len(ordered) * 0.99) - 1] if len(ordered) >= 100 else ordered[-1]
    print(
        f"{name:<28} n={len(ordered):5d}  p50={statistics.median(ordered):7.1f} ms  "
        f"p99={p99:7.1f} ms  max={ordered[-1]:7.1f} ms"
    )


async def run(base_url: str, args: argparse.Namespace) -> None:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        hardware_id, key = await feeder(http)
        alone = await heartbeats(http, hardware_id, key, args.seconds)
        stop, counter = asyncio.Event(), [0]
        async with httpx.AsyncClient(base_url=base_url, timeout=60) as guessers:
            tasks = [
                asyncio.create_task(guess(guessers, stop, counter)) for _ in range(args.guessers)
            ]
            await asyncio.sleep(0.5)
            started = time.monotonic()
            pressed = await heartbeats(http, hardware_id, key, args.seconds)
            elapsed = time.monotonic() - started
            stop.set()
            await asyncio.gather(*tasks)
    report("heartbeat alone (ceiling)", alone)
    report(f"heartbeat, {args.guessers} guessers", pressed)
    print(f"wrong logins hashed: {counter[0]} ({counter[0] / elapsed:.1f}/s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--guessers", type=int, default=32)
    args = parser.parse_args()
    name, url = create_database()
    env = server_env(url, 300)
    env["PAWGRAPH_RATE_LIMITS"] = json.dumps(
        {
            "login_per_ip": "1000000/1m",
            "login_per_account": "1000000/1m",
            "register_per_ip": "1000/1m",
        }
    )
    port = free_port()
    process = start_server(env, port, 1)
    try:
        asyncio.run(run(f"http://127.0.0.1:{port}", args))
    finally:
        process.terminate()
        process.wait(timeout=10)
        drop_database(name)


if __name__ == "__main__":
    main()
