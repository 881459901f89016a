"""The job runner's statements: the per-job lock and the run record."""

import datetime as dt
import zlib

from sqlalchemy import func, select, text

from graphql_api.jobs.models import JobRun
from graphql_api.repository import RepositoryBase


def lock_key(job_name: str) -> int:
    """A stable 32-bit advisory-lock key per job name (the same in every process)."""
    return zlib.crc32(f"pawgraph.job.{job_name}".encode())


class JobRunRepository(RepositoryBase[JobRun]):
    model = JobRun

    async def try_lock(self, job_name: str) -> bool:
        """Take the job's lock for this transaction, or learn that another process holds it.

        PostgreSQL: a transaction-level advisory lock, released by the commit or rollback.
        SQLite has one writer at a time anyway (the embedded default is one process).
        """
        if self.session.get_bind().dialect.name != "postgresql":
            return True
        taken = await self.execute(
            text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": lock_key(job_name)}
        )
        return bool(taken.scalar())

    async def record(
        self,
        job_name: str,
        *,
        started_at: dt.datetime,
        finished_at: dt.datetime,
        outcome: str,
        error: str | None,
        process: str,
    ) -> None:
        values = {
            "name": job_name,
            "started_at": started_at,
            "finished_at": finished_at,
            "succeeded": error is None,
            "outcome": outcome,
            "runs": 1,
            "process": process,
        }
        if error is not None:
            values |= {"last_error": error, "last_error_at": finished_at}
        insert = self.insert_statement(JobRun).values(**values)
        updates = {key: value for key, value in values.items() if key not in ("name", "runs")}
        await self.execute(
            insert.on_conflict_do_update(
                index_elements=[JobRun.name], set_={**updates, "runs": JobRun.runs + 1}
            )
        )

    async def all(self) -> list[JobRun]:
        return await self.scalars(select(JobRun).order_by(func.lower(JobRun.name)))
