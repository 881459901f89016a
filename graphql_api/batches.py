"""Items asked for by concurrent callers, handled in batches (group commit's writes, token
lookups' reads).

Nothing waits to form a batch: an item that arrives while no batch is being handled starts one
at once, so an idle process answers as fast as it would alone, and the items that arrive while
a batch is handled share the next one, so a busy process makes fewer, larger calls.
"""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# An item and the future its caller waits on; the handler settles every future of its batch.
Entry = tuple[Item, asyncio.Future[Result]]


class Batches(Generic[Item, Result]):
    """Hands ``handle`` batches of at most ``max_batch`` items, at most ``handlers`` batches at
    once, in the order the items arrived."""

    def __init__(
        self,
        handle: Callable[[list[Entry[Item, Result]]], Awaitable[None]],
        *,
        name: str,
        max_batch: int,
        handlers: int = 1,
    ) -> None:
        self._handle = handle
        self._name = name  # its tasks'
        self._max_batch = max_batch
        self._max_handlers = handlers
        self._pending: list[Entry[Item, Result]] = []
        self._handlers: set[asyncio.Task[None]] = set()

    async def submit(self, item: Item) -> Result:
        """What the handler settled ``item``'s future with: its result, or its error raised."""
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._pending.append((item, future))
        if len(self._handlers) < self._max_handlers:
            handler = asyncio.create_task(self._handle_pending(), name=self._name)
            self._handlers.add(handler)
        return await future

    async def _handle_pending(self) -> None:
        batch: list[Entry[Item, Result]] = []
        try:
            # Items this loop iteration submitted (requests whose bodies it read, lookups it
            # started) join the first batch.
            await asyncio.sleep(0)
            while self._pending:
                batch = self._pending[: self._max_batch]
                del self._pending[: self._max_batch]
                await self._handle(batch)
        except BaseException:
            # Cancelled (the loop is closing): no caller may wait for ever.
            for _, future in [*batch, *self._pending]:
                future.cancel()
            self._pending.clear()
            raise
        finally:
            # Here, not in a done callback: an item submitted once this handler saw nothing
            # pending must find it gone and start another.
            self._handlers.discard(asyncio.current_task())
