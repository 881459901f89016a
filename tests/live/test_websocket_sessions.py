"""Websockets hold a token's rights only while it holds (issue 8, item 3): suspension, logout
and expiry close the socket (4403 / 4401) and refuse operations sent over it, also when the
revocation came while Redis was away, or after."""

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis.asyncio as aioredis
import websockets

from tests.conftest import SHARED_SERVER_RATE_LIMITS, TEST_SECRET_KEY
from tests.factories.accounts import PASSWORD, logged_in, signed_up
from tests.support.environment import migrated_database
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import LiveServer, start_server
from tests.support.private_services import PrivateRedis

ME = "query Me { me { id email } }"
NOTIFICATIONS = "subscription Notes { notificationReceived { id } }"
CREATE_POST = """
mutation Post($input: CreatePostInput!) { createPost(input: $input) { userErrors { code } } }
"""
SUSPEND = """
mutation Suspend($input: UserSuspensionInput!) {
  suspendUser(input: $input) { suspendedAt userErrors { code } }
}
"""
LOGOUT = "mutation Logout($input: LogoutInput!) { logout(input: $input) { revoked } }"
CLOSE_TIMEOUT_S = 15.0
SHORT_TTL_S = 4


class Socket:
    """A raw graphql-transport-ws connection, to see close codes."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.next_id = 0

    @classmethod
    async def open(cls, server: LiveServer, token: str) -> "Socket":
        connection = await websockets.connect(server.ws_url, subprotocols=["graphql-transport-ws"])
        payload = {"Authorization": f"Bearer {token}"}
        await connection.send(json.dumps({"type": "connection_init", "payload": payload}))
        ack = json.loads(await connection.recv())
        assert ack["type"] == "connection_ack", ack
        return cls(connection)

    async def start(self, query: str, variables: dict[str, Any] | None = None) -> str:
        self.next_id += 1
        operation_id = str(self.next_id)
        payload = {"query": query, "variables": variables or {}}
        message = {"id": operation_id, "type": "subscribe", "payload": payload}
        await self.connection.send(json.dumps(message))
        return operation_id

    async def result(self, operation_id: str) -> dict[str, Any]:
        while True:
            message = json.loads(await asyncio.wait_for(self.connection.recv(), 10))
            if message.get("id") == operation_id and message["type"] in ("next", "error"):
                return message

    async def close_code(self) -> int:
        """Read until the server closes; its close code."""
        try:
            async with asyncio.timeout(CLOSE_TIMEOUT_S):
                while True:
                    await self.connection.recv()
        except websockets.ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd else closed.code


@pytest.fixture(scope="module")
def short_token_server(
    server_logs: Path, database_url: str, test_environment
) -> Iterator[LiveServer]:
    server = start_server(
        server_logs,
        "short-tokens",
        env="test",
        database_url=database_url,
        broadcast_url=test_environment.redis_url,
        secret_key=TEST_SECRET_KEY,
        access_token_ttl=str(SHORT_TTL_S),
        rate_limits=SHARED_SERVER_RATE_LIMITS,
    )
    yield server
    server.stop()


class TestSuspension:
    async def test_closes_the_users_sockets_with_4403(self, owner, staff):
        # given: the user has a subscription open
        user_id = (await owner.execute(ME))["me"]["id"]
        socket = await Socket.open(owner.server, owner.token)
        await socket.start(NOTIFICATIONS)
        created = await socket.result(await socket.start(CREATE_POST, {"input": {"text": "hi"}}))
        # when
        await staff.execute(SUSPEND, {"input": {"userId": user_id}})
        # then
        assert created["payload"]["data"]["createPost"]["userErrors"] == []
        assert await socket.close_code() == 4403

    async def test_an_operation_after_suspension_is_refused(self, owner, staff):
        # given: a socket without subscriptions (nothing else watches it)
        user_id = (await owner.execute(ME))["me"]["id"]
        socket = await Socket.open(owner.server, owner.token)
        await staff.execute(SUSPEND, {"input": {"userId": user_id}})
        # when
        try:
            result = await socket.result(await socket.start(CREATE_POST, {"input": {"text": "x"}}))
            errors = result["payload"]["data"]["createPost"]["userErrors"]
        except websockets.ConnectionClosed:
            errors = "closed"
        # then: refused one way or the other, never a post
        assert errors in ("closed", [{"code": "NOT_AUTHENTICATED"}]), errors


class TestLogout:
    async def test_closes_the_tokens_sockets_with_4401(self, owner, anonymous):
        # given: two sessions of one user, each with a socket
        email = (await owner.execute(ME))["me"]["email"]
        other = await logged_in(anonymous, email, PASSWORD)
        revoked_socket = await Socket.open(owner.server, owner.token)
        other_socket = await Socket.open(owner.server, other.token)
        await revoked_socket.start(NOTIFICATIONS)
        # when
        await owner.execute(LOGOUT, {"input": {}})
        # then: only the logged-out token's socket closes
        assert await revoked_socket.close_code() == 4401
        still = await other_socket.result(await other_socket.start(ME))
        assert still["payload"]["data"]["me"]["email"] == email


class TestExpiry:
    async def test_an_expired_tokens_socket_closes_with_4401(self, owner, short_token_server):
        # given
        email = (await owner.execute(ME))["me"]["email"]
        client = await logged_in(GraphQLClient(short_token_server), email, PASSWORD)
        socket = await Socket.open(short_token_server, client.token)
        await socket.start(NOTIFICATIONS)
        # when / then
        assert await socket.close_code() == 4401

    async def test_a_mutation_after_expiry_is_refused(self, owner, short_token_server):
        # given: a socket that outlived its token (the server's watch is the only closer)
        email = (await owner.execute(ME))["me"]["email"]
        client = await logged_in(GraphQLClient(short_token_server), email, PASSWORD)
        socket = await Socket.open(short_token_server, client.token)
        await asyncio.sleep(SHORT_TTL_S + 1)
        # when
        try:
            result = await socket.result(await socket.start(CREATE_POST, {"input": {"text": "x"}}))
            errors = result["payload"]["data"]["createPost"]["userErrors"]
        except websockets.ConnectionClosed:
            errors = "closed"
        # then
        assert errors in ("closed", [{"code": "NOT_AUTHENTICATED"}]), errors


@pytest.fixture(scope="module")
def bus_outage(
    server_logs: Path, tmp_path_factory: pytest.TempPathFactory, test_environment
) -> Iterator[tuple[LiveServer, PrivateRedis]]:
    """A server on a Redis of its own (stopped and started by the tests) and a database of
    its own. Its outbox is drained only hourly: a revocation committed while Redis was away
    reaches no socket through the bus, so what closes one then is the watch's own check."""
    redis_server = PrivateRedis(tmp_path_factory.mktemp("ws-sessions-redis")).start()
    with migrated_database(test_environment.postgres_admin_dsn, "pawgraph_ws_outage") as url:
        server = start_server(
            server_logs,
            "ws-sessions-outage",
            env="test",
            database_url=url,
            broadcast_url=redis_server.url,
            secret_key=TEST_SECRET_KEY,
            event_outbox_drain_interval="3600",
            rate_limits=SHARED_SERVER_RATE_LIMITS,
        )
        yield server, redis_server
        server.stop()
    redis_server.stop()


async def sessions_watched(redis_server: PrivateRedis, watched: bool = True) -> None:
    """Until a user's sessions channel is (or no longer is) subscribed on ``redis_server``."""
    client = aioredis.Redis.from_url(redis_server.url)
    try:
        async with asyncio.timeout(CLOSE_TIMEOUT_S):
            while bool(await client.pubsub_channels("*.sessions")) != watched:
                await asyncio.sleep(0.1)
    finally:
        await client.aclose()


async def watched_socket(
    server: LiveServer, redis_server: PrivateRedis
) -> tuple[GraphQLClient, Socket]:
    """A new owner's socket, once its session watch listens."""
    owner = await signed_up(GraphQLClient(server), "ws-outage")
    socket = await Socket.open(server, owner.token)
    await sessions_watched(redis_server)
    return owner, socket


async def redis_outage(server: LiveServer, redis_server: PrivateRedis) -> None:
    """Redis goes away until the server has noticed (its /healthz says so)."""
    redis_server.stop()
    async with httpx.AsyncClient(base_url=server.base_url, timeout=10) as http:
        async with asyncio.timeout(CLOSE_TIMEOUT_S):
            while (await http.get("/healthz")).json()["pubsub"] != "unreachable":
                await asyncio.sleep(0.1)


class TestBusOutage:
    async def test_a_logout_during_the_outage_closes_the_socket_once_redis_is_back(
        self, bus_outage: tuple[LiveServer, PrivateRedis]
    ):
        # given: a socket whose watch listens
        server, redis_server = bus_outage
        owner, socket = await watched_socket(server, redis_server)

        # when: the token is logged out while Redis is away (the revocation event is kept in
        # the outbox), then Redis returns
        await redis_outage(server, redis_server)
        await owner.execute(LOGOUT, {"input": {}})
        redis_server.start()

        # then
        assert await socket.close_code() == 4401

    async def test_after_the_outage_a_logout_closes_the_socket(
        self, bus_outage: tuple[LiveServer, PrivateRedis]
    ):
        # given: a socket that lived through an outage
        server, redis_server = bus_outage
        owner, socket = await watched_socket(server, redis_server)
        await redis_outage(server, redis_server)
        redis_server.start()

        # when: the channel is subscribed again, and the token is logged out (the watch's
        # new listener closes the socket, or its recheck if it has not listened again yet)
        await sessions_watched(redis_server)
        await owner.execute(LOGOUT, {"input": {}})

        # then
        assert await socket.close_code() == 4401

    async def test_after_redis_cut_the_connection_a_logout_closes_the_socket(
        self, bus_outage: tuple[LiveServer, PrivateRedis]
    ):
        # given: a socket whose watch listens
        server, redis_server = bus_outage
        owner, socket = await watched_socket(server, redis_server)

        # when: Redis cuts the server's pub/sub connection and stays up (its output buffer
        # limit, CLIENT KILL, a proxy), then the token is logged out
        admin = aioredis.Redis.from_url(redis_server.url)
        try:
            assert await admin.client_kill_filter(_type="pubsub") == 1
        finally:
            await admin.aclose()
        await owner.execute(LOGOUT, {"input": {}})

        # then: the watch listened again (and rechecked the token), so the socket closes
        assert await socket.close_code() == 4401
