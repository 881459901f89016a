"""The breaking-change gate: the current schema against the released one (clients/released.graphql).
A removal passes only if the released schema had marked it @deprecated; `make release-schema`
moves the released schema forward."""

import warnings

import pytest
from graphql import build_schema

from tests.clients.schema_gate import judge
from tests.support.live_server import PROJECT_ROOT

RELEASED = PROJECT_ROOT / "clients" / "released.graphql"
CURRENT = PROJECT_ROOT / "schema.graphql"

BEFORE = """
type Query {
  pet(id: ID!): Pet
  pets(first: Int, legacyFilter: String @deprecated(reason: "Use kind.")): [Pet!]!
}
type Pet {
  id: ID!
  name: String!
  nickname: String
  tag: String @deprecated(reason: "Use name.")
  kind: Kind
}
enum Kind { DOG CAT FERRET @deprecated(reason: "No ferrets.") }
"""


def probe(after: str):
    return judge(build_schema(BEFORE), build_schema(after))


class TestGate:
    def test_the_current_schema_breaks_nothing_the_release_did_not_deprecate(self):
        # when
        verdict = judge(build_schema(RELEASED.read_text()), build_schema(CURRENT.read_text()))
        # then
        for change in verdict.dangerous:
            warnings.warn(f"dangerous schema change: {change.description}", stacklevel=1)
        assert [change.description for change in verdict.breaking] == [], (
            "a breaking change to the released schema: mark the field @deprecated(reason: ...) "
            "and release it (`make release-schema`) before removing it"
        )


class TestGateProbe:
    def test_removing_a_field_that_was_not_deprecated_fails(self):
        # when
        verdict = probe(BEFORE.replace("  nickname: String\n", ""))
        # then
        assert [change.description for change in verdict.breaking] == [
            "Field Pet.nickname was removed."
        ]

    def test_removing_a_deprecated_field_passes(self):
        # when
        verdict = probe(BEFORE.replace('  tag: String @deprecated(reason: "Use name.")\n', ""))
        # then
        assert verdict.breaking == []
        assert [change.description for change in verdict.announced] == [
            "Field Pet.tag was removed."
        ]

    def test_removing_a_deprecated_argument_and_enum_value_passes(self):
        # given
        after = BEFORE.replace(
            ', legacyFilter: String @deprecated(reason: "Use kind.")', ""
        ).replace(' FERRET @deprecated(reason: "No ferrets.")', "")
        # when
        verdict = probe(after)
        # then
        assert verdict.breaking == [] and len(verdict.announced) == 2

    @pytest.mark.parametrize(
        ("old", "new"),
        [
            ("  name: String!\n", "  name: Int!\n"),  # a changed type
            ("pet(id: ID!): Pet", "pet(id: ID!, scope: String!): Pet"),  # a required argument
            ("DOG CAT", "DOG"),  # an enum value that was not deprecated
        ],
    )
    def test_other_breaking_changes_fail(self, old, new):
        # when
        verdict = probe(BEFORE.replace(old, new))
        # then
        assert len(verdict.breaking) == 1

    def test_an_added_enum_value_is_dangerous_not_breaking(self):
        # when
        verdict = probe(BEFORE.replace("DOG CAT", "DOG CAT BIRD"))
        # then
        assert verdict.breaking == [] and len(verdict.dangerous) == 1
