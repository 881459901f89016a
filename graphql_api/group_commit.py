"""Group commit: small writes that arrive together share one unit of work.

A device line that sends many small writes (a hub relays a reading every 2 s for each of its
outlets) pays for each one a pooled connection, a session, BEGIN and COMMIT round trips and a
bus round trip for its events, and under load those cost more than the write. A
``GroupCommit`` runs each item through its domain's own service call, in arrival order, but
items submitted while a batch is being written wait for the next one, which writes them all in
one transaction, commits once and dispatches their events in one round trip. Nothing waits to
form a batch: an item that arrives while nothing is being written starts one at once, so an
idle process answers as fast as before and a busy one writes more per commit.

Each submitter is answered only after the commit that holds its item, so a 2xx still means
durable. An item its service refuses before writing anything (``Refused``) gets its error and
the batch goes on. Any other failure (a bug, a deadlock, a constraint) rolls the batch back and
its items run again, one per unit of work, so each gets its own answer and none fails for
another's fault; an unreachable database fails them all at once (each retry would fail too).
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.errors import ServiceUnavailable
from graphql_api.state import AppState
from graphql_api.unit_of_work import unit_of_work

logger = logging.getLogger(__name__)

Item = TypeVar("Item")
Result = TypeVar("Result")

# Bounds how long one transaction holds the rows of its batch (another process's batch that
# needs one of them waits for the whole commit).
MAX_BATCH = 64


class Refused(Exception):
    """Raised by a batch's write for an item it refused having written nothing: the item's
    submitter gets ``error`` and the rest of the batch goes on in the same transaction."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


class GroupCommit(Generic[Item, Result]):
    """Writes items submitted by concurrent requests in shared units of work.

    ``write`` is the domain's service call for one item (it may raise ``Refused``); ``order``
    gives each item a key the batch is sorted by (stably, so one key's items keep their order):
    every batch then takes its row locks in the same order, and two processes' batches cannot
    deadlock on them.
    """

    def __init__(
        self,
        state: AppState,
        write: Callable[[AsyncSession, Item], Awaitable[Result]],
        *,
        order: Callable[[Item], Hashable],
        max_batch: int = MAX_BATCH,
    ) -> None:
        self._state = state
        self._write_one = write
        self._order = order
        self._max_batch = max_batch
        self._pending: list[tuple[Item, asyncio.Future[Result]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def submit(self, item: Item) -> Result:
        """``item`` written and committed (its result), or its error raised."""
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._pending.append((item, future))
        if self._writer is None:
            self._writer = asyncio.create_task(self._write_pending(), name="group-commit")
        return await future

    async def _write_pending(self) -> None:
        try:
            # Requests whose bodies this loop iteration read are submitted before it ends:
            # let them join the first batch.
            await asyncio.sleep(0)
            while self._pending:
                batch = self._pending[: self._max_batch]
                del self._pending[: self._max_batch]
                await self._write_batch(sorted(batch, key=lambda entry: self._order(entry[0])))
        except BaseException:
            for _, future in self._pending:
                future.cancel()
            self._pending.clear()
            raise
        finally:
            self._writer = None

    async def _write_batch(self, batch: list[tuple[Item, asyncio.Future[Result]]]) -> None:
        outcomes: list[tuple[Result | None, Exception | None]] = []
        try:
            async with unit_of_work(self._state) as session:
                for item, _ in batch:
                    try:
                        outcomes.append((await self._write_one(session, item), None))
                    except Refused as refused:
                        outcomes.append((None, refused.error))
        except ServiceUnavailable:
            for _, future in batch:
                _settle(future, None, ServiceUnavailable())
            return
        except Exception:
            if len(batch) > 1:
                logger.info("a batch of %d failed: writing its items one by one", len(batch))
            for item, future in batch:
                await self._write_alone(item, future)
            return
        for (_, future), (result, error) in zip(batch, outcomes, strict=True):
            _settle(future, result, error)

    async def _write_alone(self, item: Item, future: asyncio.Future[Result]) -> None:
        try:
            async with unit_of_work(self._state) as session:
                result = await self._write_one(session, item)
        except Refused as refused:
            _settle(future, None, refused.error)
        except Exception as error:
            _settle(future, None, error)
        else:
            _settle(future, result, None)


def _settle(future: asyncio.Future, result: object, error: Exception | None) -> None:
    if future.done():  # its request went away; the item was written (or refused) all the same
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)
