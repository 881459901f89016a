"""Where the test suite finds PostgreSQL and Redis (``PAWGRAPH_TEST_*``), and the checks that
make it fail, not skip, when they are unreachable."""

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import redis
from alembic import command
from pydantic_settings import BaseSettings, SettingsConfigDict

from graphql_api.cli import alembic_config


class TestEnvironment(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PAWGRAPH_TEST_", extra="ignore")
    # Named like a test class, it is not one: pytest is told not to collect it.
    __test__ = False

    # An admin connection: each pytest session creates (and drops) its own database through it.
    postgres_admin_dsn: str = "postgresql://postgres@127.0.0.1:5432/postgres"
    redis_url: str = "redis://127.0.0.1:6379/0"


def require_postgres(dsn: str) -> None:
    try:
        with psycopg.connect(dsn, connect_timeout=5) as connection:
            connection.execute("SELECT 1")
    except psycopg.OperationalError as exc:
        raise RuntimeError(
            f"PostgreSQL is unreachable at {dsn}: start it (see .ci/run) or set "
            "PAWGRAPH_TEST_POSTGRES_ADMIN_DSN"
        ) from exc


def require_redis(url: str) -> None:
    try:
        redis.Redis.from_url(url, socket_connect_timeout=5).ping()
    except redis.RedisError as exc:
        raise RuntimeError(
            f"Redis is unreachable at {url}: start it (see .ci/run) or set PAWGRAPH_TEST_REDIS_URL"
        ) from exc


def create_database(admin_dsn: str, name: str) -> None:
    with psycopg.connect(admin_dsn, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(admin_dsn: str, name: str) -> None:
    with psycopg.connect(admin_dsn, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def database_dsn(admin_dsn: str, name: str) -> str:
    base, _, _ = admin_dsn.rpartition("/")
    return f"{base}/{name}"


def sqlalchemy_url(dsn: str) -> str:
    return dsn.replace("postgresql://", "postgresql+psycopg://", 1)


@contextmanager
def migrated_database(admin_dsn: str, prefix: str) -> Iterator[str]:
    """A fresh database named ``<prefix>_<random>``, built by the migrations, dropped on exit;
    yields its SQLAlchemy URL. Its name is also the default event channel prefix of a server
    on it, so its events never meet another database's."""
    name = f"{prefix}_{secrets.token_hex(4)}"
    create_database(admin_dsn, name)
    url = sqlalchemy_url(database_dsn(admin_dsn, name))
    try:
        command.upgrade(alembic_config(url), "heads")
        yield url
    finally:
        drop_database(admin_dsn, name)


DEPLOY_ENV_EXAMPLE = Path(__file__).resolve().parents[2] / "deploy/pawgraph.env.example"


def deploy_env_example() -> dict[str, str]:
    """deploy/pawgraph.env.example's settings, as systemd's EnvironmentFile reads them."""
    lines = DEPLOY_ENV_EXAMPLE.read_text().splitlines()
    pairs = [line.split("=", 1) for line in lines if line and not line.startswith("#")]
    return {name: value for name, value in pairs}
