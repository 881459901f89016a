"""Group commit: small writes that arrive together share one unit of work.

A device line that sends many small writes (a hub relays a reading every 2 s for each of its
outlets) pays for each one a pooled connection, a session, BEGIN and COMMIT round trips and a
bus round trip for its events, and under load those cost more than the write. A
``GroupCommit`` hands the items submitted while a batch was being written to its domain's
service call for many items, in one transaction, then commits once and dispatches their events
in one round trip. Nothing waits to form a batch: an item that arrives while nothing is being
written starts one at once, so an idle process answers as fast as before and a busy one writes
more per commit.

Up to ``writers`` batches are written at once (one by default): a second lets one batch's
Python run while the database executes another's statements, where a batch's statements cost
the database more than the process (many rows each).

Each submitter is answered only after the commit that holds its item, so a 2xx still means
durable. An item the service refuses having written nothing (``Refused``) gets its error and
the batch goes on. Any other failure (a bug, a deadlock, a constraint) rolls the batch back and
its items run again, one per unit of work, so each gets its own answer and none fails for
another key's fault; an unreachable database fails them all at once (each retry would fail too).
A group made with ``keep_order`` never writes one key's items out of order: an item that fails
alone holds back its key's items after it in the batch (``HeldBehind``), for the submitter to
send again after it. The MQTT door's groups do (a device's messages are handled in order);
HTTP requests promise no order among themselves, so the others write each item they can.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import metrics
from graphql_api.batches import Batches, Entry
from graphql_api.db import is_transaction_conflict
from graphql_api.errors import CommonErrorCode, DomainError, ServiceUnavailable
from graphql_api.state import AppState
from graphql_api.unit_of_work import unit_of_work

logger = logging.getLogger(__name__)

Item = TypeVar("Item")
Result = TypeVar("Result")

# Bounds how long one transaction holds the rows of its batch (another process's batch that
# needs one of them waits for the whole commit).
MAX_BATCH = 64


@dataclass(frozen=True, slots=True)
class Refused:
    """A batch's outcome for an item its service refused having written nothing: the item's
    submitter gets ``error`` and the rest of the batch commits."""

    error: Exception


class HeldBehind(DomainError):
    """Not written: an earlier item of the same key failed in this batch, and written without
    it this one would land first (a device's later reading before its earlier one). Nothing
    was done; try again once the earlier one is settled."""

    http_status = 503
    default_code = CommonErrorCode.SERVICE_UNAVAILABLE
    default_message = "An earlier write of the same device failed; try again."
    retry_after = 1


class GroupCommit(Generic[Item, Result]):
    """Writes items submitted by concurrent requests in shared units of work.

    ``write`` is the domain's service call for many items: one outcome per item, in order, a
    result or ``Refused``. ``order`` gives each item a key the batch is sorted by (stably, so
    one key's items keep their order): batches then take their row locks in the same order, so
    two processes' batches do not deadlock on them (should the database's plan lock them in
    another order, the deadlock fails the batch and its items are written one by one).
    ``keep_order``: see the module's docstring.
    """

    def __init__(
        self,
        state: AppState,
        write: Callable[[AsyncSession, list[Item]], Awaitable[Sequence[Result | Refused]]],
        *,
        name: str,
        order: Callable[[Item], Hashable],
        max_batch: int = MAX_BATCH,
        writers: int = 1,
        keep_order: bool = False,
    ) -> None:
        self.name = name  # its metrics' label
        self._state = state
        self._write = write
        self._order = order
        self._keep_order = keep_order
        self._batches: Batches[Item, Result] = Batches(
            self._write_in_order, name="group-commit", max_batch=max_batch, handlers=writers
        )

    async def submit(self, item: Item) -> Result:
        """``item`` written and committed (its result), or its error raised."""
        return await self._batches.submit(item)

    async def _write_in_order(self, batch: list[Entry[Item, Result]]) -> None:
        await self._write_batch(sorted(batch, key=lambda entry: self._order(entry[0])))

    async def _write_batch(self, batch: list[Entry[Item, Result]]) -> None:
        try:
            async with unit_of_work(self._state) as session:
                outcomes = await self._write(session, [item for item, _ in batch])
        except ServiceUnavailable as unavailable:
            # A deadlock's victim is no verdict on the database: its items go one by one, as
            # after any failure; a database out of reach fails them all at once.
            if is_transaction_conflict(unavailable):
                await self._write_one_by_one(batch, unavailable.__cause__ or unavailable)
                return
            for _, future in batch:
                _fail(future, ServiceUnavailable())
            return
        except Exception as error:
            await self._write_one_by_one(batch, error)
            return
        metrics.group_commit_batch(self.name, len(batch))
        for (_, future), outcome in zip(batch, outcomes, strict=True):
            _settle(future, outcome)

    async def _write_one_by_one(self, batch: list[Entry[Item, Result]], error: Exception) -> None:
        """After the batch's transaction failed with ``error``: each item in its own."""
        metrics.group_commit_fallback(self.name)
        if len(batch) > 1:
            # The type only: a driver's message can quote the statement's parameters.
            logger.warning(
                "a batch of %d failed (%s): writing its items one by one",
                len(batch),
                type(error).__name__,
            )
        failed: set[Hashable] = set()
        for item, future in batch:
            key = self._order(item)
            if key in failed:
                _fail(future, HeldBehind())
            elif not await self._write_alone(item, future) and self._keep_order:
                failed.add(key)

    async def _write_alone(self, item: Item, future: asyncio.Future[Result]) -> bool:
        """Whether the item is settled: written, or refused for good. False when it failed
        in a way its submitter sends it again for (the database away, a bug, a deadlock), so
        its key's items after it must wait for it."""
        outcome: Result | Refused | None = None
        try:
            async with unit_of_work(self._state) as session:
                (outcome,) = await self._write(session, [item])
                if isinstance(outcome, Refused):
                    raise outcome.error  # it wrote nothing: roll back all the same
        except Exception as error:
            _fail(future, error)
            refused = isinstance(outcome, Refused) and error is outcome.error
            return refused or _is_refusal(error)
        _settle(future, outcome)
        return True


def sole_result(outcomes: Sequence[Result | Refused]) -> Result:
    """The outcome of a batch of one item: its result, or its refusal raised (a service's
    call for one item, written as its call for many)."""
    (outcome,) = outcomes
    if isinstance(outcome, Refused):
        raise outcome.error
    return outcome


def process_group(
    state: AppState,
    name: str,
    write: Callable[[AsyncSession, list[Item]], Awaitable[Sequence[Result | Refused]]],
    *,
    order: Callable[[Item], Hashable],
    writers: int = 1,
    keep_order: bool = False,
) -> GroupCommit[Item, Result]:
    """This process's group commit ``name`` (kept on ``state``), created on first use."""
    group = state.group_commits.get(name)
    if group is None:
        group = GroupCommit(
            state, write, name=name, order=order, writers=writers, keep_order=keep_order
        )
        state.group_commits[name] = group
    return group


def _is_refusal(error: Exception) -> bool:
    """A domain's answer that trying again will not change."""
    return isinstance(error, DomainError) and not isinstance(error, ServiceUnavailable | HeldBehind)


def _settle(future: asyncio.Future, outcome: object) -> None:
    if isinstance(outcome, Refused):
        _fail(future, outcome.error)
    elif not future.done():  # done: its request went away; the item was written all the same
        future.set_result(outcome)


def _fail(future: asyncio.Future, error: Exception) -> None:
    if not future.done():
        future.set_exception(error)
