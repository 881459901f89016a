"""The PostgreSQL recipe (deploy/postgresql/), for real, on a private cluster set up as
deploy/README.md says: pawgraph.conf in ``conf.d/``, password logins over TCP
(scram-sha-256, as Debian's pg_hba.conf has them), and setup.sql run once by the postgres user
with psql, by the README's command. Then `pawgraph migrate` and an API process as
deploy/systemd starts one, with deploy/pawgraph.env.example's settings, connect as the role
setup.sql made and serve."""

import re
import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import psycopg
import pytest

from tests.factories.accounts import signed_up
from tests.factories.pets import create_pet
from tests.support.environment import deploy_env_example
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import PROJECT_ROOT, run_cli, start_unit_server
from tests.support.private_postgres import PrivatePostgres

RECIPE = PROJECT_ROOT / "deploy/postgresql"
# Generated passwords differ; this one holds what a literal must escape (quotes, a backslash)
# and what a URL must percent-encode (@ : / % space).
PASSWORD = 'it\'s a "gen\\erated" p@ss:w/rd 100%' + secrets.token_hex(4)


def recipe_settings(path: Path) -> dict[str, str]:
    """pawgraph.conf's ``name = value`` lines, values unquoted."""
    lines = [line.split("#", 1)[0].strip() for line in path.read_text().splitlines()]
    pairs = [line.split("=", 1) for line in lines if line]
    return {name.strip(): value.strip().strip("'") for name, value in pairs}


@pytest.fixture(scope="module")
def cluster() -> Iterator[PrivatePostgres]:
    postgres = PrivatePostgres().init(
        host_auth="scram-sha-256", conf_files=[RECIPE / "pawgraph.conf"]
    )
    # the README's command, run by the postgres user
    postgres.psql("-v", f"password={PASSWORD}", "-f", str(RECIPE / "setup.sql"))
    yield postgres
    postgres.destroy()


def role_dsn(cluster: PrivatePostgres, password: str = PASSWORD) -> str:
    return f"postgresql://pawgraph:{quote(password, safe='')}@127.0.0.1:{cluster.port}/pawgraph"


class TestSetup:
    def test_every_setting_of_pawgraph_conf_is_in_effect(self, cluster: PrivatePostgres):
        # given
        expected = recipe_settings(RECIPE / "pawgraph.conf")
        assert "synchronous_commit" in expected  # the parse found the file's settings

        # when
        with psycopg.connect(cluster.socket_dsn()) as admin:
            rows = admin.execute(
                "SELECT name, sourcefile, pending_restart FROM pg_settings WHERE name = ANY(%s)",
                [list(expected)],
            ).fetchall()

        # then: each one known to PostgreSQL, and its value is the file's
        assert sorted(name for name, _, _ in rows) == sorted(expected)
        for name, sourcefile, pending_restart in rows:
            assert sourcefile.endswith("/conf.d/pawgraph.conf"), name
            assert not pending_restart, name

    def test_the_role_logs_in_over_tcp_with_its_password(self, cluster: PrivatePostgres):
        with psycopg.connect(role_dsn(cluster)) as connection:
            row = connection.execute(
                "SELECT current_user, current_database(), rolsuper, rolcreatedb, rolcreaterole"
                " FROM pg_roles WHERE rolname = current_user"
            ).fetchone()
            encoding = connection.execute("SHOW server_encoding").fetchone()

        # a login of its own, no more than that
        assert row == ("pawgraph", "pawgraph", False, False, False)
        assert encoding == ("UTF8",)

    def test_a_wrong_password_is_refused(self, cluster: PrivatePostgres):
        with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
            psycopg.connect(role_dsn(cluster, PASSWORD[:-1])).close()

    def test_setup_stops_at_its_first_error(self, cluster: PrivatePostgres):
        # when: run again (the role exists), then without a password
        again = _failed_psql(cluster, "-v", f"password={PASSWORD}")
        no_password = _failed_psql(cluster)

        # then: psql exits non-zero at the first failed statement and runs nothing after it
        assert 'role "pawgraph" already exists' in again.stderr
        assert "CREATE DATABASE" not in again.stdout
        assert "syntax error" in no_password.stderr
        assert "CREATE DATABASE" not in no_password.stdout


def _failed_psql(cluster: PrivatePostgres, *variables: str) -> subprocess.CalledProcessError:
    with pytest.raises(subprocess.CalledProcessError) as failed:
        cluster.psql(*variables, "-f", str(RECIPE / "setup.sql"))
    return failed.value


async def test_pawgraph_migrates_and_serves_as_the_role(
    cluster: PrivatePostgres, server_logs: Path, test_environment
):
    # given: the deploy example's settings, its blanks and CHANGE-ME filled as an operator does
    example = deploy_env_example()
    example["PAWGRAPH_DATABASE_URL"] = re.sub(
        r"pawgraph:CHANGE-ME@127\.0\.0\.1:5432",
        f"pawgraph:{quote(PASSWORD, safe='')}@127.0.0.1:{cluster.port}",
        example["PAWGRAPH_DATABASE_URL"],
    )
    assert str(cluster.port) in example["PAWGRAPH_DATABASE_URL"]
    example.update(
        PAWGRAPH_SECRET_KEY=secrets.token_urlsafe(48),
        PAWGRAPH_MEDIA_SECRET=secrets.token_hex(32),
        PAWGRAPH_BROADCAST_URL=test_environment.redis_url,
        PAWGRAPH_CHANNEL_PREFIX=f"recipe-{secrets.token_hex(4)}",
    )
    settings = {name.removeprefix("PAWGRAPH_").lower(): value for name, value in example.items()}

    # when: the migrate unit, then an API unit
    run_cli("migrate", **settings)
    server = start_unit_server(server_logs, "postgresql-recipe", **settings)
    try:
        ready = httpx.get(f"{server.base_url}/readyz", timeout=10)
        owner = await signed_up(GraphQLClient(server), "recipe")
        pet = await create_pet(owner, "Biscuit")
    finally:
        server.stop()

    # then: served, and everything it made belongs to the role setup.sql made
    assert ready.status_code == 200
    assert pet["name"] == "Biscuit"
    with psycopg.connect(cluster.socket_dsn("pawgraph")) as admin:
        owners = admin.execute(
            "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
        pets = admin.execute("SELECT name FROM pets").fetchall()
    assert owners == [("pawgraph",)]
    assert pets == [("Biscuit",)]
