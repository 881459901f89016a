"""A websocket connection holds its token's rights only while the token holds.

HTTP checks the token on every request; a websocket authenticates once, in
``connection_init``, and may live for hours. So each connection with a token:

* re-checks it before every operation (:func:`recheck`): expired, revoked or suspended, the
  operation runs without the viewer (a write is refused) and the socket closes;
* watches its user's sessions channel and the token's expiry (:func:`watch`), closing the socket
  at once when the token expires or is revoked (4401) or the user is suspended (4403), so
  open subscriptions stop delivering.
"""

import asyncio
import contextlib
import datetime as dt
import logging
import random
from typing import TYPE_CHECKING

from graphql_api import events
from graphql_api.accounts import service as accounts_service
from graphql_api.auth import TokenClaims
from graphql_api.errors import CommonErrorCode, NotAuthenticated
from graphql_api.events import Listener
from graphql_api.events.errors import EventsUnavailable

if TYPE_CHECKING:
    from graphql_api.context import Context

logger = logging.getLogger(__name__)

CLOSE_UNAUTHORIZED = 4401
CLOSE_FORBIDDEN = 4403
# A watch that cannot listen tries again after a pause (jittered, doubling to the maximum): a
# bus outage must not turn every open socket into a loop hammering the bus.
_RELISTEN_PAUSE_S = 1.0
_RELISTEN_MAX_PAUSE_S = 15.0


async def close(context: "Context", code: int, reason: str) -> None:
    websocket = context.request
    with contextlib.suppress(RuntimeError, OSError):
        await websocket.close(code=code, reason=reason)


def _close_code(error: NotAuthenticated) -> int:
    return (
        CLOSE_FORBIDDEN if error.code is CommonErrorCode.ACCOUNT_SUSPENDED else (CLOSE_UNAUTHORIZED)
    )


async def recheck(context: "Context") -> None:
    """Before an operation on a websocket: the viewer as of now, or none (and the socket
    closing) when the token stopped holding."""
    claims = context.token_claims
    if claims is None or context.viewer is None:
        return
    if dt.datetime.now(dt.UTC) >= claims.expires_at:
        context.viewer = None
        await close(context, CLOSE_UNAUTHORIZED, "The access token expired.")
        return
    try:
        context.viewer = await context.app_state.viewer_lookups.viewer_for(claims)
    except NotAuthenticated as error:
        context.viewer = None
        await close(context, _close_code(error), error.message)


class SessionWatch:
    """Closes one websocket when its token expires (4401) or is revoked (4401), or its user is
    suspended (4403): a timer, and a listener on the user's sessions channel.

    No task waits for the connection's life (with its channel subscription it held ~4 KB per
    websocket, tracemalloc): the bus calls :meth:`_on_message`, the loop :meth:`_expired`.
    Only subscribing runs in a task, so ``connection_ack`` never waits on the bus, and again
    after the bus lost the channel (:meth:`_lost`), until it is back."""

    __slots__ = (
        "_channel",
        "_claims",
        "_closing",
        "_context",
        "_expiry",
        "_listener",
        "_listening",
    )

    def __init__(self, context: "Context", claims: TokenClaims) -> None:
        self._context = context
        self._claims = claims
        self._channel = events.user_sessions_channel(claims.user_id)
        self._listener: Listener | None = None
        self._closing: asyncio.Task[None] | None = None
        remaining = (claims.expires_at - dt.datetime.now(dt.UTC)).total_seconds()
        loop = asyncio.get_running_loop()
        self._expiry = loop.call_later(max(remaining, 0), self._expired)
        self._listening: asyncio.Task[None] | None = asyncio.create_task(
            self._listen(), name=f"ws-session-{claims.token_id}"
        )

    async def _listen(self, *, after_a_gap: bool = False) -> None:
        """Listen on the user's sessions channel, trying again while the bus is down (the
        per-operation rechecks and the expiry hold meanwhile). After a gap (the bus lost the
        channel, or was down when the socket opened) a revocation may have been missed: the
        token is checked once more once listening again."""
        pause = _RELISTEN_PAUSE_S
        try:
            while True:
                try:
                    self._listener = await self._context.app_state.bus.listen(
                        self._channel, self._on_message, on_end=self._lost
                    )
                    break
                except EventsUnavailable:  # the bus logs why, once for all sockets
                    logger.debug("websocket session watch cannot listen yet")
                    after_a_gap = True
                await asyncio.sleep(random.uniform(pause / 2, pause))
                pause = min(pause * 2, _RELISTEN_MAX_PAUSE_S)
            if after_a_gap:
                await self._recheck()
        finally:
            self._listening = None

    async def _recheck(self) -> None:
        try:
            await recheck(self._context)
        except Exception:  # the database away: the next operation's recheck still holds
            logger.warning("websocket session watch could not recheck its token", exc_info=True)

    def _lost(self, error: Exception) -> None:
        logger.debug("websocket session watch lost its channel: %r", error)
        lost, self._listener = self._listener, None
        if self._closing is None and self._listening is None:
            self._listening = asyncio.create_task(
                self._listen_again(lost), name=f"ws-session-{self._claims.token_id}"
            )

    async def _listen_again(self, lost: Listener | None) -> None:
        # The ended listener goes only once its successor listens: the channel keeps a
        # listener meanwhile, so the bus keeps it subscribed (redis-py subscribes it again when
        # it reconnects) instead of an UNSUBSCRIBE and a SUBSCRIBE round trip for each socket,
        # all at once after a Redis cut (bench/bus_cut.py).
        try:
            await self._listen(after_a_gap=True)
        finally:
            if lost is not None:
                with contextlib.suppress(Exception):
                    await self._context.app_state.bus.stop_listening(self._channel, lost)

    def _on_message(self, message: str) -> None:
        revoked = accounts_service.SessionsRevoked.model_validate_json(message)
        if revoked.token_id not in (None, self._claims.token_id):
            return
        if revoked.reason is accounts_service.SessionEndReason.SUSPENDED:
            self._end(CLOSE_FORBIDDEN, "The account was suspended.")
        else:
            self._end(CLOSE_UNAUTHORIZED, "The access token was revoked.")

    def _expired(self) -> None:
        self._end(CLOSE_UNAUTHORIZED, "The access token expired.")

    def _end(self, code: int, reason: str) -> None:
        if self._closing is not None:
            return
        self._expiry.cancel()
        self._context.viewer = None
        self._closing = asyncio.create_task(close(self._context, code, reason))

    async def stop(self) -> None:
        self._expiry.cancel()
        for task in (self._listening, self._closing):
            if task is not None and not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        if self._listener is not None:
            listener, self._listener = self._listener, None
            await self._context.app_state.bus.stop_listening(self._channel, listener)


def watch(context: "Context", claims: TokenClaims) -> SessionWatch:
    """Start watching; stopped when the connection ends (``stop``)."""
    return SessionWatch(context, claims)


async def stop(session_watch: SessionWatch | None) -> None:
    if session_watch is not None:
        await session_watch.stop()
