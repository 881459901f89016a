"""Who each bearer token names, read from the database for every token asked at once.

A process reads a token's viewer when its cache has none (an HTTP request), before each
operation of a websocket, and for every websocket whose session watch listens again after the
bus lost its channel. That last one comes in storms: after a Redis cut, every open socket of
the process rechecks its token within seconds. One session and one statement each cost 3,000
sockets ~6 s of CPU on two cores, and a request meanwhile waited up to 1.2 s. So lookups are
batched (graphql_api.batches, as group commit batches writes): a lookup that arrives while
nothing is being read starts a batch at once (an idle process answers as fast as before), and
the ones that arrive while a batch is read share the next statement (20 statements and 1.9 s
of CPU for the same 3,000, the re-subscribing included).
"""

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.accounts import service as accounts_service
from graphql_api.auth import TokenClaims, Viewer
from graphql_api.batches import Batches, Entry

# Bounds one statement's parameter lists (and the time a batch holds its waiters).
MAX_BATCH = 500


class ViewerLookups:
    """Reads tokens' viewers with ``sessions`` (a session factory), up to ``max_batch`` tokens
    in one statement, one batch at a time."""

    def __init__(
        self,
        sessions: Callable[[], AbstractAsyncContextManager[AsyncSession]],
        max_batch: int = MAX_BATCH,
    ) -> None:
        self._sessions = sessions
        self._batches: Batches[TokenClaims, Viewer] = Batches(
            self._read_batch, name="viewer-lookups", max_batch=max_batch
        )

    async def viewer_for(self, claims: TokenClaims) -> Viewer:
        """As :func:`accounts_service.viewer_for_token`: the viewer, NotAuthenticated when the
        token no longer holds, or the database's error."""
        return await self._batches.submit(claims)

    async def _read_batch(self, batch: list[Entry[TokenClaims, Viewer]]) -> None:
        # A waiter that went away (its request cancelled) is not read for.
        batch = [(claims, future) for claims, future in batch if not future.done()]
        if not batch:
            return
        try:
            async with self._sessions() as session:
                outcomes = await accounts_service.viewers_for_tokens(
                    session, [claims for claims, _ in batch]
                )
        except Exception as error:  # noqa: BLE001 - each waiter gets it, as if it had read alone
            for _, future in batch:
                if not future.done():
                    future.set_exception(error)
            return
        for (_, future), outcome in zip(batch, outcomes, strict=True):
            if future.done():
                continue
            if isinstance(outcome, Exception):
                future.set_exception(outcome)
            else:
                future.set_result(outcome)
