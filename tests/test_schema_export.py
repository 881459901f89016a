"""The committed schema.graphql is the contract the apps build against: it must be exactly what
the code exports."""

import difflib

import pytest

from graphql_api.schema import build_schema
from tests.support.live_server import PROJECT_ROOT

SCHEMA_FILE = PROJECT_ROOT / "schema.graphql"


class TestSchemaExport:
    def test_the_committed_schema_matches_the_code(self, settings):
        # given
        exported = build_schema(settings).as_str() + "\n"

        # when
        committed = SCHEMA_FILE.read_text()

        # then
        drift = "".join(
            difflib.unified_diff(
                committed.splitlines(keepends=True),
                exported.splitlines(keepends=True),
                fromfile="schema.graphql (committed)",
                tofile="schema.graphql (from code)",
                n=2,
            )
        )
        if committed != exported:
            pytest.fail(
                "schema.graphql differs from the code: run `pawgraph export-schema` and commit "
                "it.\n" + drift,
                pytrace=False,
            )
