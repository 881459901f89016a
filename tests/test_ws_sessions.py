"""A websocket's session watch (graphql_api.ws_sessions.SessionWatch) on an in-process bus:
what closes the socket, and that stopping it leaves nothing subscribed. The live behaviour
(real sockets, real logout and suspension) is in tests/live/test_websocket_sessions.py."""

import asyncio
import datetime as dt
import secrets
from collections.abc import AsyncIterator
from types import SimpleNamespace

import pytest

from graphql_api import events, ws_sessions
from graphql_api.accounts.service import SessionEndReason, SessionsRevoked
from graphql_api.auth import TokenClaims
from graphql_api.events import EventBus

TIMEOUT_S = 10


class RecordingWebSocket:
    def __init__(self) -> None:
        self.closed: list[tuple[int, str]] = []
        self.closing = asyncio.Event()

    async def close(self, code: int, reason: str) -> None:
        self.closed.append((code, reason))
        self.closing.set()


@pytest.fixture
async def bus() -> AsyncIterator[EventBus]:
    bus = EventBus("memory://")
    await bus.connect()
    try:
        yield bus
    finally:
        await bus.disconnect()


def connection(bus: EventBus) -> SimpleNamespace:
    return SimpleNamespace(
        app_state=SimpleNamespace(bus=bus), viewer="the viewer", request=RecordingWebSocket()
    )


def claims(expires_in: dt.timedelta = dt.timedelta(hours=1)) -> TokenClaims:
    now = dt.datetime.now(dt.UTC)
    return TokenClaims(
        user_id=secrets.randbelow(10**9),
        token_id=secrets.token_hex(8),
        issued_at=now,
        expires_at=now + expires_in,
    )


async def watching(bus: EventBus, context: SimpleNamespace, token: TokenClaims):
    watch = ws_sessions.watch(context, token)
    async with asyncio.timeout(TIMEOUT_S):
        while bus.subscriptions == 0:
            await asyncio.sleep(0.01)
    return watch


async def revoke(bus: EventBus, token: TokenClaims, revoked: SessionsRevoked) -> None:
    await bus.publish(events.user_sessions_channel(token.user_id), revoked.model_dump_json())


class TestSessionWatch:
    async def test_logging_out_the_token_closes_with_4401(self, bus):
        # given
        context, token = connection(bus), claims()
        watch = await watching(bus, context, token)

        # when
        await revoke(
            bus, token, SessionsRevoked(reason=SessionEndReason.LOGGED_OUT, token_id=token.token_id)
        )

        # then
        await asyncio.wait_for(context.request.closing.wait(), TIMEOUT_S)
        assert context.request.closed == [(4401, "The access token was revoked.")]
        assert context.viewer is None
        await ws_sessions.stop(watch)

    async def test_another_tokens_logout_leaves_the_socket_open(self, bus):
        # given
        context, token = connection(bus), claims()
        watch = await watching(bus, context, token)

        # when: another token of the same user is logged out, then the user is suspended
        await revoke(
            bus, token, SessionsRevoked(reason=SessionEndReason.LOGGED_OUT, token_id="other")
        )
        await revoke(bus, token, SessionsRevoked(reason=SessionEndReason.SUSPENDED))

        # then: only the suspension closed it
        await asyncio.wait_for(context.request.closing.wait(), TIMEOUT_S)
        assert context.request.closed == [(4403, "The account was suspended.")]
        await ws_sessions.stop(watch)

    async def test_expiry_closes_with_4401(self, bus):
        # given
        context = connection(bus)

        # when
        watch = ws_sessions.watch(context, claims(expires_in=dt.timedelta(milliseconds=50)))

        # then
        await asyncio.wait_for(context.request.closing.wait(), TIMEOUT_S)
        assert context.request.closed == [(4401, "The access token expired.")]
        assert context.viewer is None
        await ws_sessions.stop(watch)

    async def test_stopping_leaves_the_channel_and_closes_nothing(self, bus):
        # given
        context, token = connection(bus), claims(expires_in=dt.timedelta(milliseconds=300))
        watch = await watching(bus, context, token)

        # when
        await ws_sessions.stop(watch)
        await revoke(bus, token, SessionsRevoked(reason=SessionEndReason.SUSPENDED))
        await asyncio.sleep(0.5)  # past the expiry

        # then
        assert bus.subscriptions == 0
        assert context.request.closed == []
        assert context.viewer == "the viewer"

    async def test_stopping_before_it_subscribed_leaves_nothing_subscribed(self, bus):
        # given: stopped in the same step it started, before its subscription ran
        context = connection(bus)
        watch = ws_sessions.watch(context, claims())

        # when
        await ws_sessions.stop(watch)
        await asyncio.sleep(0.1)

        # then
        assert bus.subscriptions == 0
