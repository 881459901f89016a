"""The test database as a test sees it: sessions whose writes never outlive the test, the
statements a piece of code sends (Saleor's ``count_queries``, for N+1 tests), and two
transactions raced on purpose."""

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from graphql_api.db import create_sessionmaker


@contextlib.asynccontextmanager
async def rolled_back_session(engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    """One connection, an outer transaction rolled back at the end, and a session on it that
    turns commits into savepoints, so the code under test may commit as it does in production."""
    async with engine.connect() as connection:
        transaction = await connection.begin()
        session = AsyncSession(
            bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        )
        try:
            yield session
        finally:
            await session.close()
            await transaction.rollback()


@contextlib.contextmanager
def counting_statements(engine: AsyncEngine) -> Iterator[list[str]]:
    """The SQL statements the engine sends inside the block, in order."""
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:
        statements.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)


_WAITS_FOR_A_LOCK = text(
    "SELECT count(*) FROM pg_stat_activity WHERE pid = :pid AND wait_event_type = 'Lock'"
)
BACKEND_PID = text("SELECT pg_backend_pid()")


async def until_waiting_for_a_lock(engine: AsyncEngine, backend_pid: int) -> None:
    """Until the connection served by ``backend_pid`` (its ``BACKEND_PID``) waits for a lock
    another transaction holds."""
    for _ in range(200):
        async with engine.connect() as connection:
            if await connection.scalar(_WAITS_FOR_A_LOCK, {"pid": backend_pid}):
                return
        await asyncio.sleep(0.05)
    raise AssertionError(f"backend {backend_pid} did not wait for a lock within 10 s")


async def raced(
    engine: AsyncEngine,
    first: Callable[[AsyncSession], Awaitable[Any]],
    second: Callable[[AsyncSession], Awaitable[Any]],
) -> tuple[Any, Any]:
    """``first`` done in its transaction but not committed when ``second``, in another, has to
    wait for it (PostgreSQL); then ``first`` commits. Each one's result, or what it raised (its
    transaction rolled back)."""
    sessions = create_sessionmaker(engine)
    async with sessions() as first_session, sessions() as second_session:
        first_result = await first(first_session)
        second_pid = await second_session.scalar(BACKEND_PID)
        second_task = asyncio.create_task(outcome(second(second_session)))
        await until_waiting_for_a_lock(engine, second_pid)
        await first_session.commit()
        second_result = await second_task
        if isinstance(second_result, Exception):
            await second_session.rollback()
        else:
            await second_session.commit()
    return first_result, second_result


async def outcome(work: Awaitable[Any]) -> Any:
    """What ``work`` returned, or the exception it raised."""
    try:
        return await work
    except Exception as error:
        return error
