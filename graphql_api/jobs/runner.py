"""One runner for "every N seconds, in every API process, safely with several processes".

Each registered :class:`Job` gets a loop in every API process. A run is one unit of work
(``graphql_api.unit_of_work``) that first takes the job's PostgreSQL advisory lock for its
transaction: while one process runs a job, the others skip that tick instead of doing the same
work twice and contending for the same rows. The jobs' own statements stay idempotent as well
(conditional updates, unique constraints), so a run that a lock could not prevent — SQLite, or a
lock lost with its connection — still changes each row once.

What each job did last is written to ``job_runs`` in the same transaction (failures in a
transaction of their own, after the rollback), and shown by ``pawgraph jobs`` and ``/healthz``.
"""

import asyncio
import contextlib
import datetime as dt
import logging
import os
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import metrics
from graphql_api.db import utcnow
from graphql_api.jobs.repository import JobRunRepository
from graphql_api.settings import Settings
from graphql_api.state import AppState
from graphql_api.unit_of_work import unit_of_work

logger = logging.getLogger(__name__)

JobBody = Callable[[AsyncSession, Settings, dt.datetime], Awaitable[Any]]

_PROCESS = f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True, slots=True)
class Job:
    name: str
    run: JobBody
    # How often; zero turns the job off (tests that drive a job by hand set that).
    interval: Callable[[Settings], dt.timedelta]
    # One line for operators: what the job does.
    summary: str
    # What the job returned, as the outcome operators read (e.g. "3 devices taken offline").
    describe: Callable[[Any], str] = str


@dataclass(frozen=True, slots=True)
class RunResult:
    ran: bool
    result: Any = None


async def run_once(state: AppState, job: Job) -> RunResult:
    """One run of ``job`` in its own unit of work; skipped when another process holds its lock.

    Raises what the job raised, after recording the failure.
    """
    started_at, started = utcnow(), time.perf_counter()
    try:
        async with unit_of_work(state) as session:
            runs = JobRunRepository(session)
            if not await runs.try_lock(job.name):
                return RunResult(ran=False)
            result = await job.run(session, state.settings, started_at)
            await runs.record(
                job.name,
                started_at=started_at,
                finished_at=utcnow(),
                outcome=job.describe(result),
                error=None,
                process=_PROCESS,
            )
    except Exception as error:
        metrics.job_run(job.name, False, time.perf_counter() - started)
        await _record_failure(state, job, started_at, error)
        raise
    metrics.job_run(job.name, True, time.perf_counter() - started)
    return RunResult(ran=True, result=result)


async def _record_failure(
    state: AppState, job: Job, started_at: dt.datetime, error: Exception
) -> None:
    with contextlib.suppress(Exception):  # the database may be what failed
        async with unit_of_work(state) as session:
            await JobRunRepository(session).record(
                job.name,
                started_at=started_at,
                finished_at=utcnow(),
                outcome="failed",
                error=f"{type(error).__name__}: {error}",
                process=_PROCESS,
            )


async def _run_forever(state: AppState, job: Job, interval: float) -> None:
    while True:
        try:
            await run_once(state, job)
        except Exception:  # a failed run (database away) must not end the loop
            logger.exception("job %s failed; next run in %.0f s", job.name, interval)
        await asyncio.sleep(interval)


class JobRunner:
    """Starts a loop per enabled job when the app starts, and stops them before the bus and
    the database go away."""

    def __init__(self, state: AppState, jobs: tuple[Job, ...]) -> None:
        self._state = state
        self._jobs = jobs
        self._tasks: list[asyncio.Task[None]] = []

    def start(self) -> None:
        for job in self._jobs:
            interval = job.interval(self._state.settings).total_seconds()
            if interval > 0:
                task = _run_forever(self._state, job, interval)
                self._tasks.append(asyncio.create_task(task, name=f"job-{job.name}"))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._tasks.clear()
