"""The outbox: live events whose write committed but which the bus did not take (Redis away).

Why only those, and not every event (a classic transactional outbox): the ingest hot path sends
an event per reading, and an INSERT plus a DELETE per event would double its writes while Redis
is up, which is nearly always. Instead the unit of work publishes after the commit, as before,
and writes what the bus refused here, in a transaction of its own
(``graphql_api.unit_of_work.dispatch``); the ``event-outbox`` job sends it on once the bus is
back.

What this does not cover, on purpose: a process that dies between a commit and this write
loses those few events. Subscribers that were connected through a broken bus connection are
told to RESYNC anyway (``graphql_api.events``), so what they show is refetched.
"""

import datetime as dt

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import events
from graphql_api.outbox.repository import OutboxRepository
from graphql_api.settings import Settings

# Events sent per drain run: an outage's backlog goes out in steps of this many.
DRAIN_BATCH = 500


async def keep_undelivered(session: AsyncSession, undelivered: list[tuple[str, str]]) -> None:
    """Append ``(channel, message)`` pairs the bus did not take, in their commit order."""
    if undelivered:
        await OutboxRepository(session).append(undelivered)


async def drain(session: AsyncSession, settings: Settings, now: dt.datetime) -> int:
    """Job body: take the oldest waiting events off the outbox and buffer them on ``session``,
    so the unit of work sends them after this commit (and, if the bus is still away, keeps
    them again). Returns how many were taken."""
    outbox = OutboxRepository(session)
    waiting = await outbox.oldest(DRAIN_BATCH)
    if not waiting:
        return 0
    for event in waiting:
        events.publish_message(session, event.channel, event.message)
    await outbox.delete([event.id for event in waiting])
    return len(waiting)


async def waiting(session: AsyncSession) -> int:
    return await OutboxRepository(session).count()
