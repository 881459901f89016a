"""Many events to many live subscribers of one API process, and what it cost the process:
the soak behind tests/live/test_subscriber_memory.py and bench/subscriber_soak.py.

Events are published straight onto the process's Redis channel (as another process's writes
would be), in batches; each batch waits until every subscriber received it, so the test
measures what delivering costs, never a backlog. Each subscriber checks it got every event,
in order."""

import asyncio
import json
from dataclasses import dataclass, field

import redis.asyncio as aioredis
import websockets

DEVICE_STATUS = """
subscription DeviceStatus($deviceId: ID!) {
  deviceStatus(deviceId: $deviceId) {
    deviceId online ... on FeederStatus { uptimeSeconds wifiRssi }
  }
}
"""
BATCH = 200
BATCH_TIMEOUT_S = 60.0


def rss_mib(pid: int) -> float:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def status_event(device_pk: int, uptime: int) -> str:
    return json.dumps(
        {
            "device_id": device_pk,
            "online": True,
            "last_seen_at": "2026-12-04T10:00:00Z",
            "device_time": None,
            "state": {"uptime_seconds": uptime, "wifi_rssi": -55},
        }
    )


@dataclass
class Watcher:
    uptimes: list[int] = field(default_factory=list)
    progress: asyncio.Event = field(default_factory=asyncio.Event)


async def _watch(
    ws_url: str, token: str, device_id: str, watcher: Watcher, ready: asyncio.Event
) -> None:
    async with websockets.connect(ws_url, subprotocols=["graphql-transport-ws"]) as socket:
        init = {"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}
        await socket.send(json.dumps(init))
        assert json.loads(await socket.recv())["type"] == "connection_ack"
        payload = {"query": DEVICE_STATUS, "variables": {"deviceId": device_id}}
        await socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
        snapshot = json.loads(await socket.recv())
        assert snapshot["type"] == "next", snapshot
        ready.set()
        async for raw in socket:
            message = json.loads(raw)
            if message["type"] == "ping":
                await socket.send(json.dumps({"type": "pong"}))
                continue
            assert message["type"] == "next" and "errors" not in message["payload"], message
            watcher.uptimes.append(message["payload"]["data"]["deviceStatus"]["uptimeSeconds"])
            watcher.progress.set()


async def _publish(
    redis: aioredis.Redis,
    channel: str,
    device_pk: int,
    first: int,
    count: int,
    watchers: list[Watcher],
) -> None:
    for start in range(first, first + count, BATCH):
        stop = min(start + BATCH, first + count)
        async with redis.pipeline(transaction=False) as pipe:
            for uptime in range(start, stop):
                pipe.publish(channel, status_event(device_pk, uptime))
            await pipe.execute()
        async with asyncio.timeout(BATCH_TIMEOUT_S):
            for watcher in watchers:
                while not watcher.uptimes or watcher.uptimes[-1] < stop - 1:
                    watcher.progress.clear()
                    await watcher.progress.wait()


@dataclass
class SoakResult:
    rss_before_mib: float
    rss_after_mib: float
    rss_after_disconnect_mib: float
    complete: bool
    seconds: float

    @property
    def growth_mib(self) -> float:
        return self.rss_after_mib - self.rss_before_mib


async def soak(
    *,
    pid: int,
    ws_url: str,
    redis_url: str,
    channel: str,
    token: str,
    device_id: str,
    device_pk: int,
    subscribers: int,
    events: int,
    warmup: int = 1000,
) -> SoakResult:
    watchers = [Watcher() for _ in range(subscribers)]
    readies = [asyncio.Event() for _ in watchers]
    tasks = [
        asyncio.create_task(_watch(ws_url, token, device_id, watcher, ready))
        for watcher, ready in zip(watchers, readies, strict=True)
    ]
    redis = aioredis.Redis.from_url(redis_url)
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(BATCH_TIMEOUT_S):
            await asyncio.gather(*(ready.wait() for ready in readies))
        await _publish(redis, channel, device_pk, 0, warmup, watchers)
        before = rss_mib(pid)
        started = loop.time()
        await _publish(redis, channel, device_pk, warmup, events, watchers)
        seconds = loop.time() - started
        after = rss_mib(pid)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await redis.aclose()
    await asyncio.sleep(1.0)
    expected = list(range(warmup + events))
    return SoakResult(
        before,
        after,
        rss_mib(pid),
        all(watcher.uptimes == expected for watcher in watchers),
        seconds,
    )
