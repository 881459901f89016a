"""Who a bearer token names, kept in the process for a few seconds (issue 13: looking the
viewer up was 8 % of a query over HTTP, one session and one statement per request).

A token stops working when it is revoked (logout), when all of its user's tokens are (log out
everywhere, suspension), or when it expires; a viewer changes when the user is suspended or
their suspension is lifted. Each of those, in the service that does it, publishes
``ViewerChanged(user_id)`` on :data:`~graphql_api.events.VIEWERS_CHANNEL` after its commit, and:

* on the process that committed it, the bus hands the event to this cache *before* sending it
  (:meth:`EventBus.on_committed`), so the next request there reads the database again: a
  revoked token is refused at once;
* every other process drops the user's entries when the event arrives from Redis (a
  millisecond or so later);
* if that event can be lost (the cache is not subscribed: the bus is down, was interrupted,
  or the subscription lagged), the cache holds nothing and every request reads the database
  until it is subscribed again, having dropped everything.

So the bound on a revoked token being honoured elsewhere is the bus's delivery time; and at
worst, for an event lost in flight while the bus breaks, ``viewer_cache_ttl``. A token's expiry
is checked on every request, cached or not. A lookup that raced an invalidation is not stored
(the generation counter).
"""

import asyncio
import contextlib
import datetime as dt
import logging
import time
from collections import OrderedDict

from graphql_api.accounts.service import ViewerChanged
from graphql_api.auth import TokenClaims, Viewer
from graphql_api.events import VIEWERS_CHANNEL, EventBus

logger = logging.getLogger(__name__)

_RESUBSCRIBE_AFTER_S = 1.0


class ViewerCache:
    """Token text -> (viewer, claims) for ``ttl`` seconds, at most ``maxsize`` tokens."""

    def __init__(self, ttl: dt.timedelta, maxsize: int = 10_000) -> None:
        self._ttl = ttl.total_seconds()
        self._maxsize = maxsize
        self._entries: OrderedDict[str, tuple[Viewer, TokenClaims, float]] = OrderedDict()
        self._generation = 0
        self._listening = False
        self._task: asyncio.Task[None] | None = None

    @property
    def active(self) -> bool:
        """Whether entries are kept: a positive TTL, and subscribed to invalidations."""
        return self._ttl > 0 and self._listening

    @property
    def generation(self) -> int:
        """Read before a lookup and passed to :meth:`put`: a lookup that overlapped an
        invalidation is not kept."""
        return self._generation

    def get(self, token: str) -> tuple[Viewer, TokenClaims] | None:
        if not self.active:
            return None
        entry = self._entries.get(token)
        if entry is None:
            return None
        viewer, claims, deadline = entry
        if time.monotonic() >= deadline or dt.datetime.now(dt.UTC) >= claims.expires_at:
            del self._entries[token]
            return None
        return viewer, claims

    def put(self, token: str, viewer: Viewer, claims: TokenClaims, generation: int) -> None:
        if not self.active or generation != self._generation:
            return
        self._entries[token] = (viewer, claims, time.monotonic() + self._ttl)
        self._entries.move_to_end(token)
        while len(self._entries) > self._maxsize:
            self._entries.popitem(last=False)

    def forget_user(self, user_id: int) -> None:
        self._generation += 1
        for token in [t for t, entry in self._entries.items() if entry[1].user_id == user_id]:
            del self._entries[token]

    def clear(self) -> None:
        self._generation += 1
        self._entries.clear()

    def _on_message(self, message: str) -> None:
        self.forget_user(ViewerChanged.model_validate_json(message).user_id)

    # ---- the subscription ----------------------------------------------------------------------

    async def start(self, bus: EventBus) -> None:
        """Listen for invalidations (this process's at once, the others' from the bus)."""
        if self._ttl <= 0:
            return
        bus.on_committed(VIEWERS_CHANNEL, self._on_message)
        subscribed = asyncio.Event()
        self._task = asyncio.create_task(self._listen(bus, subscribed), name="viewer-cache")
        # Serve from the start without waiting long for a bus that is away.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(subscribed.wait(), 5.0)

    async def stop(self) -> None:
        if self._task is None:
            return
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None

    async def _listen(self, bus: EventBus, subscribed: asyncio.Event) -> None:
        warned = False
        while True:
            try:
                async with bus.subscribe(VIEWERS_CHANNEL) as messages:
                    self._listening = True
                    subscribed.set()
                    if warned:
                        logger.warning("viewer cache subscribed again")
                        warned = False
                    async for message in messages:
                        self._on_message(message)
            except asyncio.CancelledError:
                raise
            except Exception as error:  # noqa: BLE001 — any end of the stream: stop caching
                if not warned:  # once per outage, not once per retry
                    logger.warning("viewer cache not subscribed (%s): reading every token", error)
                    warned = True
            finally:
                self._listening = False
                self.clear()
            await asyncio.sleep(_RESUBSCRIBE_AFTER_S)
