"""The migrations are the only way a schema is made: they must build exactly the models, on
PostgreSQL and on SQLite, from one head."""

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from graphql_api.cli import alembic_config
from graphql_api.models import Base


def differences(sync_url: str) -> list:
    engine = sa.create_engine(sync_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()


class TestMigrations:
    def test_there_is_one_head(self, database_url):
        # given
        scripts = ScriptDirectory.from_config(alembic_config(database_url))

        # when
        heads = scripts.get_heads()

        # then
        assert len(heads) == 1, f"merge the heads {heads}: `alembic merge heads`"

    def test_postgresql_built_by_the_migrations_matches_the_models(self, database_url):
        # given the session's database, built by `alembic upgrade heads`
        # (psycopg 3's dialect serves sync and async engines from one URL)

        # when
        found = differences(database_url)

        # then
        assert found == []

    def test_sqlite_built_by_the_migrations_matches_the_models(self, tmp_path):
        # given
        path = tmp_path / "migrated.db"
        command.upgrade(alembic_config(f"sqlite+aiosqlite:///{path}"), "heads")

        # when
        found = differences(f"sqlite:///{path}")

        # then
        assert found == []
