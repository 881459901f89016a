"""The periodic-job runner (graphql_api.jobs): one unit of work per run, one process at a time
per job, and a record of each job's last run and last error."""

import datetime as dt
import secrets

import pytest
from sqlalchemy import text

from graphql_api.jobs import service as jobs_service
from graphql_api.jobs.registry import JOBS
from graphql_api.jobs.repository import JobRunRepository, lock_key
from graphql_api.jobs.runner import Job, run_once
from graphql_api.unit_of_work import unit_of_work
from tests.support.live_server import run_cli


class Broken(RuntimeError):
    pass


def interval(settings) -> dt.timedelta:
    return dt.timedelta(seconds=30)


def unique_job(run, name: str = "probe") -> Job:
    # job_runs is shared by every test of the session: each test its own job name.
    return Job(
        name=f"{name}-{secrets.token_hex(4)}",
        run=run,
        interval=interval,
        summary="a test job",
        describe=lambda result: f"{result} things done",
    )


async def last_run_of(app_state, name: str):
    async with app_state.sessionmaker() as session:
        return {run.name: run for run in await JobRunRepository(session).all()}.get(name)


class TestRunOnce:
    async def test_runs_the_body_and_records_its_outcome(self, app_state):
        # given
        calls = []

        async def body(session, settings, now):
            calls.append(now)
            return 3

        job = unique_job(body)

        # when
        first = await run_once(app_state, job)
        second = await run_once(app_state, job)

        # then
        assert (first.ran, first.result, second.ran) == (True, 3, True)
        assert len(calls) == 2
        run = await last_run_of(app_state, job.name)
        assert (run.succeeded, run.outcome, run.runs, run.last_error) == (
            True,
            "3 things done",
            2,
            None,
        )

    async def test_commits_what_the_body_wrote(self, app_state):
        # given: a body that writes through the session it is given
        written = f"written-{secrets.token_hex(4)}"

        async def body(session, settings, now):
            await JobRunRepository(session).record(
                written, started_at=now, finished_at=now, outcome="", error=None, process="t"
            )
            return 0

        # when
        await run_once(app_state, unique_job(body))

        # then
        assert await last_run_of(app_state, written) is not None

    async def test_a_failing_body_leaves_nothing_written(self, app_state):
        # given
        written = f"written-{secrets.token_hex(4)}"

        async def body(session, settings, now):
            await JobRunRepository(session).record(
                written, started_at=now, finished_at=now, outcome="", error=None, process="t"
            )
            raise Broken("after writing")

        # when
        with pytest.raises(Broken):
            await run_once(app_state, unique_job(body))

        # then
        assert await last_run_of(app_state, written) is None

    async def test_a_failure_is_rolled_back_recorded_and_raised(self, app_state):
        # given
        async def body(session, settings, now):
            await session.execute(text("SELECT 1"))
            raise Broken("database said no")

        job = unique_job(body)

        # when
        with pytest.raises(Broken):
            await run_once(app_state, job)

        # then
        run = await last_run_of(app_state, job.name)
        assert run.succeeded is False
        assert run.last_error == "Broken: database said no"
        assert run.last_error_at is not None

    async def test_a_later_success_keeps_the_last_error_visible(self, app_state):
        # given
        outcomes = iter([Broken("first run fails"), 1])

        async def body(session, settings, now):
            outcome = next(outcomes)
            if isinstance(outcome, Exception):
                raise outcome
            return outcome

        job = unique_job(body)
        with pytest.raises(Broken):
            await run_once(app_state, job)

        # when
        await run_once(app_state, job)

        # then
        run = await last_run_of(app_state, job.name)
        assert (run.succeeded, run.runs) == (True, 2)
        assert run.last_error == "Broken: first run fails"

    async def test_skips_while_another_process_holds_the_job(self, app_state):
        # given: another process is inside a run of this job (it holds the advisory lock)
        ran = []

        async def body(session, settings, now):
            ran.append(now)

        job = unique_job(body)
        async with app_state.engine.connect() as other_process:
            await other_process.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key(job.name)}
            )

            # when
            result = await run_once(app_state, job)

        # then
        assert result.ran is False
        assert ran == []
        assert await last_run_of(app_state, job.name) is None

    async def test_runs_again_once_the_other_process_is_done(self, app_state):
        # given
        async def body(session, settings, now):
            return 1

        job = unique_job(body)
        async with unit_of_work(app_state) as other_run:
            assert await JobRunRepository(other_run).try_lock(job.name)

        # when
        result = await run_once(app_state, job)

        # then
        assert result.ran is True


class TestStatus:
    async def test_lists_every_registered_job_with_its_interval(self, app_state):
        # when
        report = await jobs_service.status(app_state)

        # then
        assert set(report) == {job.name for job in JOBS}
        expected = {"offline-sweep", "command-expiry", "battery-schedule-fetch", "event-outbox"}
        assert expected <= set(report)
        expiry = report["command-expiry"]
        assert expiry["interval_s"] == app_state.settings.command_expiry_interval.total_seconds()
        assert expiry["summary"]


class TestJobsCommand:
    def test_lists_every_job_with_its_last_run(self, database_url):
        # when
        result = run_cli("jobs", database_url=database_url, broadcast_url="memory://")

        # then
        lines = result.stdout.splitlines()
        assert any(line.startswith("offline-sweep  every 10 s") for line in lines)
        assert any(line.startswith("command-expiry  every 5 s") for line in lines)
