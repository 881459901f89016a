"""The after-commit buffer: events wait on their session until its transaction commits.

Services call :func:`publish` with the session they write through; that only buffers. The unit
of work (``graphql_api.unit_of_work``) takes the buffer with :func:`take_committed` right after
the commit and sends it; a rollback drops it, so a subscriber never sees a change the database
forgot.
"""

from collections.abc import Callable

from pydantic import BaseModel
from sqlalchemy import event as sa_event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

_PENDING_KEY = "pawgraph.pending_events"
_AFTER_COMMIT_KEY = "pawgraph.after_commit"


def publish(session: AsyncSession, channel: str, payload: BaseModel) -> None:
    """Buffer an event on the session; it is sent only if the session's transaction commits."""
    session.info.setdefault(_PENDING_KEY, []).append((channel, payload.model_dump_json()))


def after_commit(session: AsyncSession, callback: Callable[[], None]) -> None:
    """Run ``callback`` once the session's transaction committed (with its events); dropped
    on rollback. For bookkeeping that must only count what lasted (metrics)."""
    session.info.setdefault(_AFTER_COMMIT_KEY, []).append(callback)


def publish_message(session: AsyncSession, channel: str, message: str) -> None:
    """:func:`publish` for a message already serialized: what the outbox kept, or a device's
    telemetry readings (``telemetry_service.publish_readings`` writes their array)."""
    session.info.setdefault(_PENDING_KEY, []).append((channel, message))


def take_committed(session: AsyncSession) -> list[tuple[str, str]]:
    """The ``(channel, message)`` pairs buffered on ``session``, removed from it."""
    return session.info.pop(_PENDING_KEY, [])


def take_after_commit(session: AsyncSession) -> list[Callable[[], None]]:
    """The callbacks :func:`after_commit` registered on ``session``, removed from it."""
    return session.info.pop(_AFTER_COMMIT_KEY, [])


@sa_event.listens_for(Session, "after_rollback")
def _drop_pending_events(session: Session) -> None:
    session.info.pop(_PENDING_KEY, None)
    session.info.pop(_AFTER_COMMIT_KEY, None)
