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
from typing import TYPE_CHECKING

from graphql_api import events
from graphql_api.accounts import service as accounts_service
from graphql_api.auth import TokenClaims
from graphql_api.errors import CommonErrorCode, NotAuthenticated

if TYPE_CHECKING:
    from graphql_api.context import Context

logger = logging.getLogger(__name__)

CLOSE_UNAUTHORIZED = 4401
CLOSE_FORBIDDEN = 4403


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
        async with context.short_session() as session:
            context.viewer = await accounts_service.viewer_for_token(session, claims)
    except NotAuthenticated as error:
        context.viewer = None
        await close(context, _close_code(error), error.message)


async def _until_revoked(context: "Context", claims: TokenClaims) -> None:
    channel = events.user_sessions_channel(claims.user_id)
    async with context.app_state.bus.subscribe(channel) as messages:
        async for message in messages:
            revoked = accounts_service.SessionsRevoked.model_validate_json(message)
            if revoked.token_id not in (None, claims.token_id):
                continue
            context.viewer = None
            if revoked.reason is accounts_service.SessionEndReason.SUSPENDED:
                await close(context, CLOSE_FORBIDDEN, "The account was suspended.")
            else:
                await close(context, CLOSE_UNAUTHORIZED, "The access token was revoked.")
            return


async def _watch(context: "Context", claims: TokenClaims) -> None:
    remaining = (claims.expires_at - dt.datetime.now(dt.UTC)).total_seconds()
    try:
        async with asyncio.timeout(max(remaining, 0)):
            try:
                await _until_revoked(context, claims)
                return
            except Exception:  # the bus is down: per-operation rechecks and expiry still hold
                logger.warning("websocket session watch lost its channel", exc_info=True)
            await asyncio.Event().wait()
    except TimeoutError:
        context.viewer = None
        await close(context, CLOSE_UNAUTHORIZED, "The access token expired.")


def watch(context: "Context", claims: TokenClaims) -> asyncio.Task[None]:
    """Start watching; the task is cancelled when the connection ends (``stop``)."""
    return asyncio.create_task(_watch(context, claims), name=f"ws-session-{claims.token_id}")


async def stop(task: asyncio.Task[None] | None) -> None:
    if task is None or task.done():
        return
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
