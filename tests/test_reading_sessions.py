"""A GraphQL query over HTTP reads through a reading session (db.create_reading_sessionmaker): on
PostgreSQL its statements run in autocommit, on a pool of its own (db.create_reading_engine), with
no transaction held open around them, and the session refuses writes. Mutations and websockets
keep their transactions."""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from psycopg.pq import TransactionStatus
from sqlalchemy import event, func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine

from graphql_api.accounts.models import User
from graphql_api.context import Context
from graphql_api.db import (
    ReadingSession,
    ReadOnlyOperation,
    create_engine,
    create_reading_engine,
    create_reading_sessionmaker,
    create_sessionmaker,
)
from graphql_api.state import AppState
from tests.factories.accounts import create_user, viewer_of


@pytest.fixture
def reading_app_state(app_state: AppState, reading_engine: AsyncEngine) -> AppState:
    app_state.reading_sessionmaker = create_reading_sessionmaker(reading_engine)
    return app_state


@contextmanager
def transaction_states(engine: AsyncEngine) -> Iterator[list[TransactionStatus]]:
    """The driver's transaction status right after each statement run on ``engine``: IDLE when
    the statement ran in a transaction of its own (autocommit), INTRANS inside one left open."""
    states: list[TransactionStatus] = []

    def after(conn, _cursor, _statement, _parameters, _context, _many) -> None:
        states.append(conn.connection.driver_connection.info.transaction_status)

    event.listen(engine.sync_engine, "after_cursor_execute", after)
    try:
        yield states
    finally:
        event.remove(engine.sync_engine, "after_cursor_execute", after)


async def driver_connection(session):
    return (await (await session.connection()).get_raw_connection()).driver_connection


async def committed_user(app_state: AppState) -> User:
    async with app_state.sessionmaker.begin() as session:
        return await create_user(session, prefix="reader")


class TestReadingSessions:
    async def test_a_statement_leaves_no_transaction_open_unlike_a_unit_of_works(
        self, engine, reading_engine
    ):
        # given
        reading = create_reading_sessionmaker(reading_engine)

        # when
        with transaction_states(reading_engine) as read, transaction_states(engine) as written:
            async with reading() as session:
                await session.execute(select(func.count()).select_from(User))
                await session.execute(select(func.now()))
            async with create_sessionmaker(engine)() as session:
                await session.execute(select(func.now()))

        # then
        assert read == [TransactionStatus.IDLE, TransactionStatus.IDLE]
        assert written == [TransactionStatus.INTRANS]

    async def test_reads_have_a_pool_of_their_own_in_autocommit_from_checkout(
        self, database_url, monkeypatch
    ):
        # given: one connection in each pool, the reading one connected already
        engine = create_engine(database_url, pool_size=1, max_overflow=0)
        reading_engine = create_reading_engine(database_url, pool_size=1, max_overflow=0)
        reading = create_reading_sessionmaker(reading_engine)
        handed_out: list[bool] = []
        event.listen(
            reading_engine.sync_engine.pool,
            "checkout",
            lambda dbapi, _record, _proxy: handed_out.append(dbapi.driver_connection.autocommit),
        )
        switches: list[str] = []
        dialect = reading_engine.sync_engine.dialect
        try:
            async with reading() as session:
                await session.execute(select(func.now()))
            set_level = dialect.set_isolation_level
            monkeypatch.setattr(
                dialect,
                "set_isolation_level",
                lambda connection, level: switches.append(level) or set_level(connection, level),
            )

            rolled_back: list[object] = []
            rollback = psycopg.AsyncConnection.rollback

            async def counted_rollback(connection):
                rolled_back.append(connection)
                await rollback(connection)

            monkeypatch.setattr(psycopg.AsyncConnection, "rollback", counted_rollback)

            # when
            async with reading() as session:
                read_on = await driver_connection(session)
                await session.execute(select(func.now()))
            async with create_sessionmaker(engine)() as session:
                written_on = await driver_connection(session)
                await session.execute(select(func.now()))
                in_transaction = written_on.info.transaction_status
        finally:
            await engine.dispose()
            await reading_engine.dispose()

        # then: the reading connection came out of its pool in autocommit, and was not switched
        # or rolled back on the way out or back; the unit of work got a connection of the other
        # pool (and its rollback at the end)
        assert handed_out == [True, True]
        assert switches == []
        assert read_on not in rolled_back and written_on in rolled_back
        assert written_on is not read_on
        assert in_transaction == TransactionStatus.INTRANS

    async def test_writes_are_refused_and_nothing_is_written(self, reading_engine, app_state):
        # given
        user = await committed_user(app_state)
        reading = create_reading_sessionmaker(reading_engine)

        # when / then
        async with reading() as session:
            found = await session.get(User, user.id)
            found.display_name = "changed"
            with pytest.raises(ReadOnlyOperation, match="writes belong in mutations"):
                await session.flush()
        async with reading() as session:
            renamed = update(User).where(User.id == user.id).values(display_name="changed")
            with pytest.raises(ReadOnlyOperation, match="INSERT, UPDATE or DELETE"):
                await session.execute(renamed)
        async with app_state.sessionmaker() as session:
            assert (await session.get(User, user.id)).display_name == user.display_name

    async def test_sqlite_has_none_and_keeps_its_transactions(self, sqlite_url):
        assert create_reading_engine(sqlite_url) is None


class TestWhichOperationsRead:
    async def test_a_query_over_http_reads_in_autocommit(
        self, schema, reading_app_state, reading_engine
    ):
        # given
        user = await committed_user(reading_app_state)
        context = Context(reading_app_state, viewer_of(user))

        # when
        with transaction_states(reading_engine) as states:
            result = await schema.execute("{ me { displayName } }", context_value=context)
            session = context.session
            await context.close()

        # then
        assert result.errors is None, result.errors
        assert result.data == {"me": {"displayName": user.display_name}}
        assert isinstance(session.sync_session, ReadingSession)
        assert states and set(states) == {TransactionStatus.IDLE}

    async def test_a_mutation_keeps_its_unit_of_work(self, schema, reading_app_state, engine):
        # given
        context = Context(reading_app_state, None)
        register = """
        mutation Register($input: RegisterInput!) {
          register(input: $input) { user { email } userErrors { message } }
        }"""
        email = f"writer-{uuid.uuid4().hex[:8]}@example.com"
        registration = {"email": email, "password": "correct horse battery", "displayName": "W"}

        # when
        with transaction_states(engine) as states:
            result = await schema.execute(
                register, variable_values={"input": registration}, context_value=context
            )
            session = context.session
            await context.close()

        # then
        assert result.errors is None, result.errors
        assert result.data["register"] == {"user": {"email": email}, "userErrors": []}
        assert not isinstance(session.sync_session, ReadingSession)
        assert TransactionStatus.INTRANS in states

    async def test_a_query_on_a_websocket_keeps_the_shared_session(self, reading_app_state):
        # A websocket's operations share its session, and a mutation may run beside the query.
        context = Context(reading_app_state, None, is_websocket=True)

        async with context.executing(reads_only=True):
            session = context.session

        assert not isinstance(session.sync_session, ReadingSession)

    async def test_a_websockets_short_sessions_read_in_autocommit(
        self, reading_app_state, reading_engine
    ):
        # Its loader batches, subscription checks and per-event reads: nothing commits them.
        context = Context(reading_app_state, None, is_websocket=True)

        with transaction_states(reading_engine) as states:
            async with context.short_session() as session:
                await session.execute(select(func.now()))

        assert isinstance(session.sync_session, ReadingSession)
        assert states == [TransactionStatus.IDLE]
