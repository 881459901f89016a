"""Engines, sessions and the declarative base shared by every domain's models."""

import datetime as dt
import enum
import time
from collections.abc import Iterator

from sqlalchemy import DateTime, Enum, MetaData, event, exc
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, ORMExecuteState, Session, UOWTransaction
from sqlalchemy.types import TypeDecorator

from graphql_api.errors import ValidationFailed

# One naming convention so Alembic names every constraint the same way on PostgreSQL and SQLite.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware UTC timestamp on every backend.

    SQLite has no time zone type and hands back naive values; PostgreSQL returns aware ones.
    Normalising here means domain code only ever sees aware UTC datetimes.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _enable_sqlite_foreign_keys(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _begin_before_outermost_savepoint(connection, _name) -> None:
    """pysqlite (under aiosqlite) begins a transaction only before a write, so a SAVEPOINT sent
    first opens the transaction itself, and releasing it commits: the savepoint's rows would be
    committed before the rest of the unit of work, and outlive its rollback. Begun here first,
    the savepoint nests, and the unit of work commits or rolls back as one."""
    if not connection.connection.driver_connection.in_transaction:
        connection.exec_driver_sql("BEGIN")


class TextHasNul(ValidationFailed):
    default_message = "Text must not contain NUL characters (U+0000)."


def _has_nul(parameters: object) -> bool:
    if isinstance(parameters, str):
        return "\x00" in parameters
    if isinstance(parameters, dict):
        return any(_has_nul(value) for value in parameters.values())
    if isinstance(parameters, (list, tuple)):
        return any(_has_nul(value) for value in parameters)
    return False


def _refuse_nul(_connection, _cursor, _statement, parameters, _context, _executemany) -> None:
    """The one place NUL characters are refused, whichever front door sent them: PostgreSQL
    text cannot hold U+0000 (it would be a DataError, a 500), and SQLite keeps the two backends
    alike. Device wire models strip NULs from the free-text fields firmware sends."""
    if _has_nul(parameters):
        raise TextHasNul()


# Every statement a transaction of its own; and closing a session or returning a connection
# does not ask the driver to roll back what cannot be there (SQLAlchemy's own option for it).
_AUTOCOMMIT = {"isolation_level": "AUTOCOMMIT", "skip_autocommit_rollback": True}


def create_engine(
    database_url: str,
    *,
    echo: bool = False,
    pool_size: int = 20,
    max_overflow: int = 10,
    autocommit: bool = False,
) -> AsyncEngine:
    """The engine and its pool; ``autocommit`` (PostgreSQL only): every connection runs each
    statement as a transaction of its own, from the moment it connects (see
    :func:`create_reading_engine`)."""
    if database_url.startswith("sqlite"):
        engine = create_async_engine(database_url, echo=echo)
        event.listen(engine.sync_engine, "connect", _enable_sqlite_foreign_keys)
        event.listen(engine.sync_engine, "savepoint", _begin_before_outermost_savepoint)
    else:
        engine = create_async_engine(
            database_url,
            echo=echo,
            pool_size=pool_size,
            max_overflow=max_overflow,
            # Fail fast when the database host is gone: the request becomes a 503.
            pool_timeout=10,
            connect_args={"connect_timeout": 5},
            **(_AUTOCOMMIT if autocommit else {}),
        )
        _ping_idle_connections(engine, PING_IDLE_AFTER_S)
    event.listen(engine.sync_engine, "before_cursor_execute", _refuse_nul)
    return engine


# SQLSTATE classes meaning the server is gone or refusing work: connection exceptions (08),
# operator intervention such as a shutdown (57P), insufficient resources (53).
_UNAVAILABLE_SQLSTATE_PREFIXES = ("08", "57P", "53")


def is_database_unavailable(error: BaseException) -> bool:
    """Whether ``error`` (or what caused it) means the database cannot be reached right now,
    as opposed to a bug or a refused statement."""
    for current in _chain(error):
        if isinstance(current, (exc.TimeoutError, ConnectionError)):
            return True
        if isinstance(current, exc.DBAPIError):
            if current.connection_invalidated:
                return True
            if isinstance(current, (exc.OperationalError, exc.InterfaceError)):
                sqlstate = getattr(current.orig, "sqlstate", None)
                if sqlstate is None:
                    return "sqlite" not in type(current.orig).__module__ or "locked" in str(
                        current.orig
                    )
                return sqlstate.startswith(_UNAVAILABLE_SQLSTATE_PREFIXES)
    return False


def is_transaction_conflict(error: BaseException) -> bool:
    """Whether ``error`` (or what caused it) is PostgreSQL rolling the transaction back for
    another transaction's sake: a deadlock's victim, a serialization failure (SQLSTATE class
    40). Nothing was written, and the same work can succeed when tried again."""
    return any(
        isinstance(current, exc.OperationalError)
        and (getattr(current.orig, "sqlstate", None) or "").startswith("40")
        for current in _chain(error)
    )


def _chain(error: BaseException) -> Iterator[BaseException]:
    """``error`` and what caused it, each once (a chain can loop back on itself)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def is_transient(error: BaseException) -> bool:
    """Whether the database could not do this work now (out of reach, or it rolled the
    transaction back for another's sake): nothing was written; a client may try again."""
    return is_database_unavailable(error) or is_transaction_conflict(error)


def is_unique_violation(error: exc.IntegrityError) -> bool:
    """Whether ``error`` is a unique key (not a foreign key, check or null) being violated."""
    sqlstate = getattr(error.orig, "sqlstate", None)
    if sqlstate is not None:
        return sqlstate == "23505"
    return "UNIQUE constraint failed" in str(error.orig)


# A pooled connection used within this many seconds is handed out without a ping.
PING_IDLE_AFTER_S = 10.0


def _ping_idle_connections(engine: AsyncEngine, idle_after: float) -> None:
    """``pool_pre_ping`` for connections that sat idle in the pool, where a dropped one hides
    (a database restart at night, a firewall's idle timeout); a connection recycled moments ago
    is not pinged, which spares every busy request a round trip. One that died in between
    fails its request, and the pool then replaces all connections older than the failure."""
    pool, dialect = engine.sync_engine.pool, engine.sync_engine.dialect

    @event.listens_for(pool, "connect")
    @event.listens_for(pool, "checkin")
    def _mark_used(_dbapi_connection, record) -> None:
        if record is not None:
            record.info["used_at"] = time.monotonic()

    @event.listens_for(pool, "checkout")
    def _ping_if_idle(dbapi_connection, record, _proxy) -> None:
        if time.monotonic() - record.info.get("used_at", 0.0) < idle_after:
            return
        try:
            dialect.do_ping(dbapi_connection)
        except dialect.loaded_dbapi.Error as error:
            # The pool discards this connection and checks out another (up to three tries).
            raise exc.DisconnectionError("idle connection failed its ping") from error


# ``session.info`` key: whether this process sends email (graphql_api.deliveries queues only then).
EMAIL_ENABLED = "pawgraph.email_enabled"


def create_sessionmaker(
    engine: AsyncEngine, *, email_enabled: bool = False, session_class: type[Session] = Session
) -> async_sessionmaker[AsyncSession]:
    # expire_on_commit=False: objects returned by a mutation are rendered after its commit.
    return async_sessionmaker(
        engine,
        sync_session_class=session_class,
        expire_on_commit=False,
        autoflush=False,
        info={EMAIL_ENABLED: email_enabled},
    )


class ReadOnlyOperation(RuntimeError):
    """A session opened for an operation that only reads (a GraphQL query) was asked to write:
    a bug, since writes belong in mutations, which commit them and send their events."""


class ReadingSession(Session):
    """The session of an operation that only reads: it refuses every write."""


@event.listens_for(ReadingSession, "before_flush")
def _refuse_flush(session: Session, _flush: UOWTransaction, _instances: object) -> None:
    if session.new or session.dirty or session.deleted:
        raise ReadOnlyOperation("a query tried to write rows: writes belong in mutations")


@event.listens_for(ReadingSession, "do_orm_execute")
def _refuse_dml(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        raise ReadOnlyOperation("a query ran INSERT, UPDATE or DELETE: writes belong in mutations")


def create_reading_engine(
    database_url: str, *, pool_size: int = 20, max_overflow: int = 10
) -> AsyncEngine | None:
    """The engine of the operations that only read (a GraphQL query over HTTP, a websocket's
    short sessions), on PostgreSQL: a pool of its own whose connections are in autocommit from
    the moment they connect, so a query costs no BEGIN and no ROLLBACK round trip, and taking
    a connection costs no isolation switch. Under PostgreSQL's READ COMMITTED each statement of
    a transaction sees a snapshot of its own anyway, so a query reads the same rows; and its
    sessions refuse writes (:class:`ReadingSession`). None on SQLite: its transactions are the
    writer's lock, and it keeps them. (Autocommit against a transaction per query, wrk:
    ``{ me { id displayName } }`` 547-614 -> 649-721 requests/s.)

    Measured, one process, a session opened, one ORM statement, closed (CPU each, rounds
    interleaved), with the engine's pool switching each connection to autocommit and back
    against this pool: 1,743 -> 1,222 us and 1,090 -> 974 us in two runs (-30 %, -11 %). The
    two pools together hold up to twice ``pool_size + max_overflow`` connections; each only
    what its own peak needed."""
    if database_url.startswith("sqlite"):
        return None
    return create_engine(
        database_url, pool_size=pool_size, max_overflow=max_overflow, autocommit=True
    )


def create_reading_sessionmaker(
    reading_engine: AsyncEngine, *, email_enabled: bool = False
) -> async_sessionmaker[AsyncSession]:
    """Sessions of :class:`ReadingSession` on ``reading_engine`` (:func:`create_reading_engine`)."""
    return create_sessionmaker(
        reading_engine, email_enabled=email_enabled, session_class=ReadingSession
    )


def string_enum(kind: type[enum.StrEnum], name: str, length: int = 20) -> Enum:
    """A ``StrEnum`` column stored as a checked string, the same on PostgreSQL and SQLite."""
    return Enum(kind, name=name, native_enum=False, length=length, validate_strings=True)
