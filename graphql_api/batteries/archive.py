"""Where raw provider responses are kept: one interface, the database as the embedded default.

``ScheduleArchive.store`` runs before anything reads the body, in the caller's unit of work, so
an archived response and what was decided about it commit together; nothing after the store
raises a domain error, so a rejected body is committed too. An object-store archive keeps the
same metadata row and puts the body in its bucket under ``storage_key`` (``storage`` names it).
The body, its hash, status and headers are never updated; ``outcome`` is set once, from PENDING.
"""

import datetime as dt
import hashlib
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.batteries.models import ArchiveOutcome, ScheduleArchiveEntry
from graphql_api.batteries.provider import RawResponse
from graphql_api.batteries.repository import ArchiveRepository


class ScheduleArchive(Protocol):
    async def store(
        self,
        session: AsyncSession,
        response: RawResponse,
        device_id: int | None,
        for_date: dt.date,
    ) -> ScheduleArchiveEntry: ...

    async def body(self, session: AsyncSession, entry: ScheduleArchiveEntry) -> bytes | None: ...

    async def prune(self, session: AsyncSession, received_before: dt.datetime) -> int: ...


class DatabaseArchive:
    """Bodies in the ``schedule_archive.body`` column, beside their metadata."""

    name = "database"

    async def store(
        self,
        session: AsyncSession,
        response: RawResponse,
        device_id: int | None,
        for_date: dt.date,
    ) -> ScheduleArchiveEntry:
        body = response.body
        repository = ArchiveRepository(session)
        entry = repository.add(
            ScheduleArchiveEntry(
                device_id=device_id,
                for_date=for_date,
                url=response.url[:500],
                status_code=response.status_code,
                headers=response.headers,
                body_sha256=hashlib.sha256(body).hexdigest() if body is not None else None,
                body_size=len(body) if body is not None else None,
                storage=self.name,
                body=body,
                error=response.error,
                received_at=response.received_at,
                outcome=ArchiveOutcome.PENDING,
                reasons=[],
            )
        )
        await repository.flush()
        return entry

    async def body(self, session: AsyncSession, entry: ScheduleArchiveEntry) -> bytes | None:
        return entry.body

    async def prune(self, session: AsyncSession, received_before: dt.datetime) -> int:
        return await ArchiveRepository(session).delete_received_before(received_before)


def default_archive() -> ScheduleArchive:
    return DatabaseArchive()
