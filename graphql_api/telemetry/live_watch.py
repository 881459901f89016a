"""A live ``telemetryUpdated`` subscription counts as a watcher of its device, in every API
process, for as long as it lasts: a hub's focus rule (``outlets.service.focused_outlet``) reads
the watchers to decide which outlet to poll every 2 s.

The bookkeeping is kept once per process and device (:class:`LiveWatches`): the first
subscriber of a device in this process adds its row, later ones only move its start forward
(the newest watch wins the focus), the last one to leave deletes it, and one task renews every
row of the process in one statement every ``WATCH_REFRESH``. (A row per subscriber, each renewed
in a transaction of its own, cost a fifth of a core just to hold 1,000 idle subscriptions.)

Each step is its own short unit of work, because a subscription lives for hours and must not
hold a transaction (or a pooled connection) meanwhile. A process that dies leaves rows that
expire by themselves (``WATCH_TTL``).
"""

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from graphql_api.db import utcnow
from graphql_api.state import AppState
from graphql_api.telemetry import service as telemetry_service
from graphql_api.unit_of_work import unit_of_work

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class _DeviceWatch:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    watcher_id: str | None = None
    subscribers: int = 0


class LiveWatches:
    """This process's live watchers: one row per watched device, renewed together."""

    def __init__(self, state: AppState) -> None:
        self._state = state
        self._devices: dict[int, _DeviceWatch] = {}
        self._refresher: asyncio.Task[None] | None = None

    @contextlib.asynccontextmanager
    async def watching(self, device_id: int) -> AsyncIterator[None]:
        """Count the block as a live watcher of ``device_id`` until it ends."""
        await self._join(device_id)
        try:
            yield
        finally:
            # Shielded: the subscription is usually ending because its task was cancelled.
            await asyncio.shield(self._leave(device_id))

    async def _join(self, device_id: int) -> None:
        while True:
            watch = self._devices.setdefault(device_id, _DeviceWatch())
            async with watch.lock:
                if self._devices.get(device_id) is not watch:
                    continue  # its last subscriber left while we waited: start afresh
                async with unit_of_work(self._state) as session:
                    if watch.watcher_id is None:
                        watch.watcher_id = await telemetry_service.start_watch(
                            session, device_id, utcnow()
                        )
                    else:
                        await telemetry_service.restart_watch(session, watch.watcher_id, utcnow())
                watch.subscribers += 1
                break
        if self._refresher is None or self._refresher.done():
            self._refresher = asyncio.create_task(self._keep_watching(), name="live-watches")

    async def _leave(self, device_id: int) -> None:
        watch = self._devices[device_id]
        async with watch.lock:
            watch.subscribers -= 1
            if watch.subscribers:
                return
            del self._devices[device_id]  # retired: a subscriber waiting on the lock starts anew
            try:
                async with unit_of_work(self._state) as session:
                    await telemetry_service.end_watch(session, watch.watcher_id)
            except Exception:  # the row expires by itself (WATCH_TTL)
                logger.exception("could not end the live watch of device %d", device_id)

    async def _keep_watching(self) -> None:
        while self._devices:
            await asyncio.sleep(telemetry_service.WATCH_REFRESH.total_seconds())
            try:
                await self.refresh()
            except Exception:  # a lost refresh only shortens the watches; keep them going
                logger.exception("could not refresh the live watchers")

    async def refresh(self) -> None:
        """Renew every row of this process, in one statement."""
        watcher_ids = [watch.watcher_id for watch in self._devices.values() if watch.watcher_id]
        if watcher_ids:
            async with unit_of_work(self._state) as session:
                await telemetry_service.refresh_watches(session, watcher_ids, utcnow())


def watching(state: AppState, device_id: int) -> contextlib.AbstractAsyncContextManager[None]:
    """Count the block as a live watcher of ``device_id`` in this process until it ends."""
    if state.live_watches is None:
        state.live_watches = LiveWatches(state)
    return state.live_watches.watching(device_id)
