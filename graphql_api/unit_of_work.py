"""The one unit of work: commit, or roll back on error, and only then send the buffered events.

Every caller that writes goes through this module, and nothing else calls ``commit()`` (a test
in tests/test_architecture.py holds that):

* the GraphQL mutation boundary (``Context.commit_operation`` / ``rollback_operation``),
* the REST shim's per-request dependency (``device_rest.dependencies.UnitOfWork``), and the
  group commit (``graphql_api.group_commit``) that writes a hub's readings many to a unit,
* the MQTT handlers and the periodic jobs (:func:`unit_of_work`).

Services only ``flush()`` and buffer events with ``events.publish``; the commit here decides
whether those events are sent (after it) or dropped (on rollback).

Two failures are turned into answers a client can act on, here, once for every front door:

* the database cannot be reached (PostgreSQL down, connections refused or dropped), or it
  rolled the transaction back for another's sake (a deadlock's victim): the work raises
  ``ServiceUnavailable`` (503 with ``Retry-After`` on REST, a ``SERVICE_UNAVAILABLE`` user
  error in GraphQL); nothing was written, and trying again can succeed;
* publishing *after* a successful commit never fails the caller: the write is durable, so
  answering 500 would make a client retry what already happened (a second feed). What the bus
  did not take is written to the outbox (``graphql_api.outbox``) in a transaction of its own,
  and sent on by the ``event-outbox`` job once the bus is back.
"""

import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import events
from graphql_api.db import is_database_unavailable, is_transient
from graphql_api.errors import ServiceUnavailable
from graphql_api.events import EventBus
from graphql_api.outbox import service as outbox_service
from graphql_api.state import AppState

logger = logging.getLogger(__name__)


async def commit(session: AsyncSession, bus: EventBus) -> None:
    """Commit ``session``'s transaction, then send the events it buffered."""
    try:
        await session.commit()
    except Exception as error:
        raise as_service_unavailable(error) from error
    await dispatch(session, bus)


async def rollback(session: AsyncSession) -> None:
    """Roll back ``session``'s transaction; its buffered events are dropped with it. A database
    that went away has rolled it back already: that is not a second error."""
    try:
        await session.rollback()
    except Exception as error:
        if not is_database_unavailable(error):
            raise
        events.take_committed(session)
        events.take_after_commit(session)


async def dispatch(session: AsyncSession, bus: EventBus) -> None:
    """Send what ``session`` buffered, after its commit, in one round trip; never raises for
    an unreachable bus: what the bus does not take goes to the outbox."""
    pending = events.take_committed(session)
    if pending and not await bus.publish_committed(pending):
        await _keep_in_outbox(session, pending)
    for callback in events.take_after_commit(session):
        callback()


async def _keep_in_outbox(committed: AsyncSession, undelivered: list[tuple[str, str]]) -> None:
    try:
        async with AsyncSession(committed.bind, expire_on_commit=False) as session:
            await outbox_service.keep_undelivered(session, undelivered)
            await session.commit()
    except Exception:  # the database may be away too: say exactly what is lost
        logger.exception("%d committed events lost: bus and outbox unreachable", len(undelivered))


def as_service_unavailable(error: BaseException) -> BaseException:
    """``ServiceUnavailable`` when ``error`` means the database is out of reach, or rolled the
    transaction back for another's sake (a deadlock's victim), else ``error``."""
    return ServiceUnavailable() if is_transient(error) else error


@asynccontextmanager
async def unit_of_work(state: AppState) -> AsyncIterator[AsyncSession]:
    """A session whose work commits (then dispatches) when the block ends normally, and rolls
    back when it raises."""
    async with state.sessionmaker() as session:
        try:
            yield session
        except BaseException as error:
            with contextlib.suppress(Exception):
                await rollback(session)
            unavailable = as_service_unavailable(error)
            if unavailable is not error:
                raise unavailable from error
            raise
        await commit(session, state.bus)
