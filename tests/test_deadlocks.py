"""A transaction PostgreSQL rolls back for another's sake (a deadlock's victim) is told to retry
(SERVICE_UNAVAILABLE, 503 with Retry-After), as one that could not reach the database: nothing
was written, and the same work can succeed on a second try. It is not a bug's "Unexpected
error."."""

import asyncio
import secrets

from sqlalchemy import text

from graphql_api.db import is_database_unavailable, is_transaction_conflict, is_transient
from graphql_api.errors import ServiceUnavailable
from graphql_api.unit_of_work import as_service_unavailable
from tests.support.database import BACKEND_PID, outcome, until_waiting_for_a_lock

LOCK = text("SELECT pg_advisory_xact_lock(:key)")


async def test_a_deadlocks_victim_is_told_to_retry(engine):
    # given two transactions, each holding a lock the other will ask for
    first_key, second_key = (secrets.randbits(62) for _ in range(2))
    async with engine.connect() as first, engine.connect() as second:
        first_pid = await first.scalar(BACKEND_PID)
        await first.execute(LOCK, {"key": first_key})
        await second.execute(LOCK, {"key": second_key})

        # when each asks for the other's: PostgreSQL rolls one of them back
        first_waits = asyncio.create_task(outcome(first.execute(LOCK, {"key": second_key})))
        await until_waiting_for_a_lock(engine, first_pid)
        outcomes = [await outcome(second.execute(LOCK, {"key": first_key})), await first_waits]
        await first.rollback()
        await second.rollback()

    # then
    (victim,) = [result for result in outcomes if isinstance(result, Exception)]
    assert victim.orig.sqlstate == "40P01"
    assert is_transaction_conflict(victim) and is_transient(victim)
    assert not is_database_unavailable(victim)
    assert isinstance(as_service_unavailable(victim), ServiceUnavailable)
