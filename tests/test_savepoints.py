"""A unit of work commits or rolls back as one, savepoints included, on SQLite as on PostgreSQL.

pysqlite begins a transaction only before a write: a SAVEPOINT sent first would open the
transaction itself, and releasing it would commit the rows written under it (as the marketplace
does when it inserts a purchase request under a savepoint, to settle a race on a unique index).
"""

import secrets
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from graphql_api.db import create_engine


@pytest.fixture(params=["sqlite", "postgresql"])
async def engine_and_table(
    request, tmp_path: Path, database_url: str
) -> AsyncIterator[tuple[AsyncEngine, str]]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'savepoints.db'}"
    engine = create_engine(url if request.param == "sqlite" else database_url)
    table = f"savepoint_check_{secrets.token_hex(4)}"
    async with engine.begin() as connection:
        await connection.execute(text(f"CREATE TABLE {table} (name VARCHAR(20) UNIQUE)"))
    yield engine, table
    async with engine.begin() as connection:
        await connection.execute(text(f"DROP TABLE {table}"))
    await engine.dispose()


async def names(engine: AsyncEngine, table: str) -> list[str]:
    async with AsyncSession(engine) as session:
        return list((await session.execute(text(f"SELECT name FROM {table}"))).scalars())


async def insert(session: AsyncSession, table: str, name: str) -> None:
    await session.execute(text(f"INSERT INTO {table} (name) VALUES (:name)"), {"name": name})


async def test_a_rollback_undoes_a_savepoint_opened_before_any_write(engine_and_table):
    # given: a read, then the first write under a savepoint, then another write
    engine, table = engine_and_table
    async with AsyncSession(engine) as session:
        await session.execute(text(f"SELECT count(*) FROM {table}"))
        async with session.begin_nested():
            await insert(session, table, "request")
        await insert(session, table, "offer")
        # when
        await session.rollback()
    # then
    assert await names(engine, table) == []


async def test_a_failed_savepoint_undoes_only_itself(engine_and_table):
    # given
    engine, table = engine_and_table
    async with AsyncSession(engine) as session:
        async with session.begin_nested():
            await insert(session, table, "first")
        # when: a duplicate under a savepoint fails, and the unit of work goes on
        with pytest.raises(IntegrityError):
            async with session.begin_nested():
                await insert(session, table, "first")
        await insert(session, table, "second")
        await session.commit()
    # then
    assert sorted(await names(engine, table)) == ["first", "second"]
