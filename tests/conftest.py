"""Fixtures shared by every test.

* One fresh PostgreSQL database per pytest session (per xdist worker), built by the Alembic
  migrations and dropped at the end; Redis for pub/sub. Both must be reachable: the suite fails,
  it does not skip, when they are not.
* In-process tests get ``session``: one connection, an outer transaction rolled back at teardown,
  and a session that turns commits into savepoints, so nothing a test writes survives it, and
  the people and devices most domains start from (``owner``, ``stranger``, ``feeder``, ``hub``,
  ``outlet``: tests/factories/fixtures.py).
* End-to-end tests get ``server_a`` and ``server_b``: two real API processes on the same
  database and Redis, reached with the ``gql`` client.
"""

import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from graphql_api.cli import alembic_config
from graphql_api.context import Context
from graphql_api.db import create_engine, create_reading_engine, create_sessionmaker
from graphql_api.events import EventBus
from graphql_api.schema import build_schema
from graphql_api.settings import Environment, Settings
from graphql_api.state import AppState
from tests.support.database import rolled_back_session
from tests.support.environment import (
    TestEnvironment,
    migrated_database,
    require_postgres,
    require_redis,
)
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import LOOPBACK_RATE_LIMITS, LiveServer, start_server
from tests.support.server_errors import ServerLogMarks

TEST_SECRET_KEY = "test-secret-" + secrets.token_hex(16)

pytest_plugins = ["tests.factories.fixtures"]


@pytest.fixture(scope="session")
def test_environment() -> TestEnvironment:
    environment = TestEnvironment()
    require_postgres(environment.postgres_admin_dsn)
    require_redis(environment.redis_url)
    return environment


@pytest.fixture(scope="session")
def database_url(test_environment: TestEnvironment, worker_id: str) -> Iterator[str]:
    with migrated_database(
        test_environment.postgres_admin_dsn, f"pawgraph_test_{worker_id}"
    ) as url:
        yield url


@pytest.fixture(scope="session")
def settings(database_url: str, test_environment: TestEnvironment) -> Settings:
    return Settings(
        env=Environment.TEST,
        database_url=database_url,
        broadcast_url=test_environment.redis_url,
        secret_key=TEST_SECRET_KEY,
    )


@pytest.fixture(scope="session")
async def engine(settings: Settings) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(settings.database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
async def reading_engine(settings: Settings) -> AsyncIterator[AsyncEngine]:
    """The pool of the operations that only read (db.create_reading_engine)."""
    engine = create_reading_engine(settings.database_url)
    assert engine is not None
    yield engine
    await engine.dispose()


@pytest.fixture
async def session(engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    async with rolled_back_session(engine) as session:
        yield session


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite database built by the same migrations, for the dialect-specific queries."""
    path: Path = tmp_path_factory.mktemp("sqlite") / "pawgraph.db"
    url = f"sqlite+aiosqlite:///{path}"
    command.upgrade(alembic_config(url), "heads")
    return url


@pytest.fixture
async def sqlite_session(sqlite_url: str) -> AsyncIterator[AsyncSession]:
    engine = create_engine(sqlite_url)
    async with rolled_back_session(engine) as session:
        yield session
    await engine.dispose()


@pytest.fixture(scope="session")
async def memory_bus() -> AsyncIterator[EventBus]:
    bus = EventBus("memory://")
    await bus.connect()
    yield bus
    await bus.disconnect()


@pytest.fixture(scope="session")
def schema(settings: Settings):
    return build_schema(settings)


@pytest.fixture
def app_state(settings: Settings, engine: AsyncEngine, memory_bus: EventBus) -> AppState:
    return AppState(
        settings=settings, engine=engine, sessionmaker=create_sessionmaker(engine), bus=memory_bus
    )


@pytest.fixture
def make_context(app_state: AppState, session: AsyncSession):
    """``make_context(viewer)``: a GraphQL context on the test's rolled-back session."""
    return lambda viewer=None: Context(app_state, viewer, session=session)


# ---- live servers ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def server_logs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("server-logs")


_LOG_MARKS = pytest.StashKey[ServerLogMarks]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    yield
    server_logs = getattr(item, "funcargs", {}).get("server_logs")
    if server_logs is not None:
        item.stash[_LOG_MARKS] = ServerLogMarks(server_logs)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """A failed live test's report carries what its servers logged as errors meanwhile."""
    report = yield
    marks = item.stash.get(_LOG_MARKS, None)
    if report.failed and report.when == "call" and marks is not None:
        errors = marks.errors_since()
        if errors:
            report.sections.append(("server errors logged during the test", errors))
    return report


# Every live test talks to these servers from 127.0.0.1: limits per address (and per user, for
# tests that loop) are raised; tests/live/test_rate_limits.py starts a server with the defaults.
SHARED_SERVER_RATE_LIMITS = LOOPBACK_RATE_LIMITS


def _start(server_logs: Path, name: str, database_url: str, redis_url: str) -> LiveServer:
    return start_server(
        server_logs,
        name,
        env="test",
        database_url=database_url,
        broadcast_url=redis_url,
        secret_key=TEST_SECRET_KEY,
        rate_limits=SHARED_SERVER_RATE_LIMITS,
    )


@pytest.fixture(scope="session")
def server_a(
    server_logs: Path, database_url: str, test_environment: TestEnvironment
) -> Iterator[LiveServer]:
    server = _start(server_logs, "server-a", database_url, test_environment.redis_url)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def server_b(
    server_logs: Path, database_url: str, test_environment: TestEnvironment
) -> Iterator[LiveServer]:
    server = _start(server_logs, "server-b", database_url, test_environment.redis_url)
    yield server
    server.stop()


@pytest.fixture
def anonymous(server_a: LiveServer) -> GraphQLClient:
    return GraphQLClient(server_a)
