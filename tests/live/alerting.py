"""Helpers for live alert and notification tests: who a client is, and knowing that a live
subscription has reached Redis before the event it waits for is caused."""

import asyncio
import base64

from redis import asyncio as aioredis

from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import LiveServer

ME = "query Me { me { id } }"
ALERT_RAISED = """
subscription AlertRaised {
  alertRaised { id kind status message device { id } }
}
"""
NOTIFICATION_RECEIVED = """
subscription NotificationReceived {
  notificationReceived { id kind text read targetId target { id ... on Alert { kind status } } }
}
"""
SUBSCRIBED_TIMEOUT_S = 10.0
# The live servers' channel namespace (``<database>:``), set for the session by
# tests/live/conftest.py: servers of other test runs share Redis and channel names.
channel_prefix = ""


def on(server: LiveServer, client: GraphQLClient) -> GraphQLClient:
    """The same user, talking to another process."""
    return GraphQLClient(server, client.token)


async def user_pk(client: GraphQLClient) -> int:
    global_id = (await client.execute(ME))["me"]["id"]
    _, _, pk = base64.b64decode(global_id).decode().partition(":")
    return int(pk)


async def until_subscribed(redis_url: str, channel: str) -> None:
    """Wait (bounded) until some API process subscribed ``channel`` in Redis: exactly, when it
    is given with its deployment prefix (``<prefix>:device.1.status``), else under any prefix."""
    pattern = channel if ":" in channel else f"*:{channel}"

    async def poll() -> None:
        redis = aioredis.Redis.from_url(redis_url)
        try:
            while True:
                if await redis.pubsub_channels(pattern):
                    return
                await asyncio.sleep(0.05)
        finally:
            await redis.aclose()

    await asyncio.wait_for(poll(), SUBSCRIBED_TIMEOUT_S)
