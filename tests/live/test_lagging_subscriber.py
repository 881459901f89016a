"""A subscriber that stops reading (issue 8, item 12) is dropped once its bounded queue fills:
the websocket closes with code 4413 and the server logs it, instead of the process buffering
events for it until a ping timeout.

Its queue fills once the kernel's buffers and the transport's are full: events are written to
a waiting subscriber's socket as they come (execution.DirectDelivery), and only what the socket
cannot take waits in the queue. Each event here carries 8 KB, so that the kernel's send buffer
(up to net.ipv4.tcp_wmem's maximum, 4 MB on the CI host) fills within a few hundred."""

import asyncio
import base64
import json
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis.asyncio as aioredis
import websockets
from websockets.exceptions import ConnectionClosed

from graphql_api.events.errors import LAGGING_CLOSE_CODE
from graphql_api.settings import Settings
from tests.conftest import TEST_SECRET_KEY
from tests.factories.accounts import signed_up
from tests.factories.devices import register_device
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import LiveServer, start_server

QUEUE_SIZE = 5
# Bounded: enough to fill a tiny receive window, the kernel's send buffer and the queue.
MAX_EVENTS = 40_000
ERROR_MESSAGE_BYTES = 8_192
DEVICE_STATUS = """
subscription DeviceStatus($deviceId: ID!) {
  deviceStatus(deviceId: $deviceId) { deviceId ... on FeederStatus { uptimeSeconds errorMessage } }
}
"""


def status_event(device_pk: int, uptime: int) -> str:
    """A feeder's status event, 8 KB of it its error message."""
    state = {"uptime_seconds": uptime, "error_message": "e" * ERROR_MESSAGE_BYTES}
    return json.dumps(
        {
            "device_id": device_pk,
            "online": True,
            "last_seen_at": "2026-12-04T10:00:00Z",
            "device_time": None,
            "state": state,
        }
    )


DROP_TIMEOUT_S = 60.0


@pytest.fixture(scope="module")
def small_queue_server(
    server_logs: Path, database_url: str, test_environment
) -> Iterator[LiveServer]:
    server = start_server(
        server_logs,
        "lagging",
        env="test",
        database_url=database_url,
        broadcast_url=test_environment.redis_url,
        secret_key=TEST_SECRET_KEY,
        subscriber_queue_size=str(QUEUE_SIZE),
    )
    yield server
    server.stop()


def _tiny_window_socket(base_url: str) -> socket.socket:
    # A client that never reads: a small receive buffer makes the server's sends block soon.
    host, port = base_url.removeprefix("http://").split(":")
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect((host, int(port)))
    return sock


async def _dropped_lagging(server: LiveServer) -> int:
    async with httpx.AsyncClient(base_url=server.base_url, timeout=10) as http:
        return (await http.get("/healthz")).json()["bus"]["dropped_lagging"]


class TestLaggingSubscriber:
    async def test_a_subscriber_that_stops_reading_is_closed_with_4413(
        self,
        small_queue_server: LiveServer,
        settings: Settings,
        test_environment,
    ):
        # given: a subscriber that reads the snapshot, then stops reading
        owner = await signed_up(GraphQLClient(small_queue_server), "lagging")
        feeder = await register_device(owner)
        device_pk = int(base64.b64decode(feeder.id).decode().split(":", 1)[1])
        channel = f"{settings.event_channel_prefix}device.{device_pk}.status"
        sock = _tiny_window_socket(small_queue_server.base_url)
        async with websockets.connect(
            small_queue_server.ws_url,
            sock=sock,
            subprotocols=["graphql-transport-ws"],
            max_queue=1,
            ping_interval=None,
        ) as client:
            authorization = {"Authorization": f"Bearer {owner.token}"}
            init = {"type": "connection_init", "payload": authorization}
            await client.send(json.dumps(init))
            assert json.loads(await client.recv())["type"] == "connection_ack"
            payload = {"query": DEVICE_STATUS, "variables": {"deviceId": feeder.id}}
            await client.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
            assert json.loads(await client.recv())["type"] == "next"
            dropped_before = await _dropped_lagging(small_queue_server)

            # when: events keep coming and the client reads none of them
            redis = aioredis.Redis.from_url(test_environment.redis_url)
            published = 0
            try:
                async with asyncio.timeout(DROP_TIMEOUT_S):
                    while await _dropped_lagging(small_queue_server) == dropped_before:
                        assert published < MAX_EVENTS, "never dropped"
                        async with redis.pipeline(transaction=False) as pipe:
                            for uptime in range(published, published + 500):
                                pipe.publish(channel, status_event(device_pk, uptime))
                            await pipe.execute()
                        published += 500
            finally:
                await redis.aclose()

            # then: reading on, the client finds the connection closed with the lagging code
            with pytest.raises(ConnectionClosed) as closed:
                async with asyncio.timeout(DROP_TIMEOUT_S):
                    while True:
                        await client.recv()
        assert closed.value.rcvd is not None
        assert closed.value.rcvd.code == LAGGING_CLOSE_CODE
        assert "dropping a lagging subscriber" in small_queue_server.log()
