"""Pub/sub fan-out across two API processes on one Redis: every subscriber gets every event.

100 subscribers (two owners' feeders, each watched by 25 subscribers on each process) open their
websockets at once, so many of them are a channel's "first" subscriber together. Heartbeats
then go to both processes in turn; each subscriber must receive exactly those heartbeats, in
order: a closing sentinel heartbeat proves nothing was lost, duplicated or crossed over.
"""

import asyncio
from dataclasses import dataclass

from tests.factories.accounts import signed_up
from tests.factories.devices import RegisteredDevice, post_heartbeat, register_device
from tests.support.graphql_client import GraphQLClient, next_result
from tests.support.live_server import LiveServer

DEVICE_STATUS = """
subscription DeviceStatus($deviceId: ID!) {
  deviceStatus(deviceId: $deviceId) { deviceId ... on FeederStatus { uptimeSeconds } }
}
"""
SUBSCRIBERS_PER_DEVICE_PER_SERVER = 25
HEARTBEATS = 5
SENTINEL_UPTIME = 999_999
# Bounds, not expectations: a shared 2-core machine may be slow to open 100 websockets.
SUBSCRIBE_TIMEOUT_S = 120.0
EVENT_TIMEOUT_S = 60.0


@dataclass
class Watched:
    owner: GraphQLClient
    feeder: RegisteredDevice


async def watch(
    client: GraphQLClient, feeder: RegisteredDevice, subscribed: asyncio.Future[None]
) -> list[tuple[str, int]]:
    """Subscribe, report once the snapshot arrived (so the bus subscription is live), then
    collect (device, uptime) of every event up to and including the sentinel."""
    received: list[tuple[str, int]] = []
    try:
        async with client.subscribe(DEVICE_STATUS, {"deviceId": feeder.id}) as stream:
            await next_result(stream, SUBSCRIBE_TIMEOUT_S)
            subscribed.set_result(None)
            while not received or received[-1][1] != SENTINEL_UPTIME:
                status = (await next_result(stream, EVENT_TIMEOUT_S))["deviceStatus"]
                received.append((status["deviceId"], status["uptimeSeconds"]))
    except BaseException as error:
        if not subscribed.done():
            subscribed.set_exception(error)
        raise
    return received


class TestFanOut:
    async def test_every_subscriber_on_both_processes_gets_every_heartbeat(
        self, anonymous: GraphQLClient, server_a: LiveServer, server_b: LiveServer
    ):
        # given
        watched = []
        for prefix in ("fanout-a", "fanout-b"):
            owner = await signed_up(anonymous, prefix)
            watched.append(Watched(owner, await register_device(owner)))
        loop = asyncio.get_running_loop()
        subscriptions = []
        for server in (server_a, server_b):
            for target in watched:
                for _ in range(SUBSCRIBERS_PER_DEVICE_PER_SERVER):
                    subscribed = loop.create_future()
                    client = GraphQLClient(server, target.owner.token)
                    task = asyncio.create_task(watch(client, target.feeder, subscribed))
                    subscriptions.append((target.feeder, subscribed, task))
        try:
            await asyncio.wait_for(
                asyncio.gather(*(subscribed for _, subscribed, _ in subscriptions)),
                SUBSCRIBE_TIMEOUT_S,
            )
            # when
            for number in range(1, HEARTBEATS + 1):
                server = server_a if number % 2 else server_b
                for target in watched:
                    await post_heartbeat(server, target.feeder, uptime=number)
            for target in watched:
                await post_heartbeat(server_b, target.feeder, uptime=SENTINEL_UPTIME)
            received = await asyncio.wait_for(
                asyncio.gather(*(task for _, _, task in subscriptions)), EVENT_TIMEOUT_S * 2
            )
        finally:
            for _, _, task in subscriptions:
                task.cancel()
            await asyncio.gather(*(task for _, _, task in subscriptions), return_exceptions=True)
        # then
        assert len(received) == 2 * 2 * SUBSCRIBERS_PER_DEVICE_PER_SERVER
        for (feeder, _, _), events in zip(subscriptions, received, strict=True):
            expected = [*range(1, HEARTBEATS + 1), SENTINEL_UPTIME]
            assert events == [(feeder.id, uptime) for uptime in expected]
