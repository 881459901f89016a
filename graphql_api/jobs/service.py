"""What operators see of the periodic jobs: each registered job with its last run."""

import datetime as dt
from typing import Any

from graphql_api.jobs.registry import JOBS
from graphql_api.jobs.repository import JobRunRepository
from graphql_api.state import AppState


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


async def status(state: AppState) -> dict[str, dict[str, Any]]:
    """Per job: interval, last run (any process), outcome and last error."""
    async with state.sessionmaker() as session:
        runs = {run.name: run for run in await JobRunRepository(session).all()}
    report: dict[str, dict[str, Any]] = {}
    for job in JOBS:
        run = runs.get(job.name)
        report[job.name] = {
            "summary": job.summary,
            "interval_s": job.interval(state.settings).total_seconds(),
            "last_run_at": _iso(run.finished_at) if run else None,
            "succeeded": run.succeeded if run else None,
            "outcome": run.outcome if run else None,
            "runs": run.runs if run else 0,
            "last_error": run.last_error if run else None,
            "last_error_at": _iso(run.last_error_at) if run else None,
            "process": run.process if run else None,
        }
    return report
