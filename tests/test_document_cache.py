"""Parsed and validated documents kept by text (graphql_api/document_cache.py): a document that
validated runs again without parsing or validating, and every limit still refuses what it
refused, every time."""

import pytest

from graphql_api.document_cache import MAX_CACHED_TEXT
from graphql_api.schema import build_schema

TYPENAME = "query Typename { __typename }"
INTROSPECTION = "query Types { __schema { queryType { name } } }"


def nested_query(depth: int) -> str:
    """Valid, but ``depth`` or more levels deep (pet → devices → pet, 4 levels a round)."""
    selection = "id"
    for _ in range(depth // 4 + 1):
        selection = f"devices {{ edges {{ node {{ pet {{ {selection} }} }} }} }}"
    return f"query Deep {{ pets {{ edges {{ node {{ {selection} }} }} }} }}"


@pytest.fixture(scope="module")
def schema(settings):
    # Its own cache: the suite's shared schema keeps what other tests ran.
    return build_schema(settings.model_copy(update={"graphql_introspection": False}))


class TestDocumentCache:
    async def test_a_valid_document_is_parsed_and_validated_once(self, schema, make_context):
        # given
        documents = schema.documents
        hits, misses = documents.hits, documents.misses

        # when
        first = await schema.execute(TYPENAME, context_value=make_context())
        second = await schema.execute(TYPENAME, context_value=make_context())

        # then
        assert first.errors is None and second.errors is None
        assert first.data == second.data == {"__typename": "Query"}
        assert (documents.hits - hits, documents.misses - misses) == (1, 1)

    async def test_a_document_over_a_limit_is_refused_every_time_and_never_kept(
        self, schema, settings, make_context
    ):
        # given
        deep = nested_query(settings.graphql_max_depth)
        kept = len(schema.documents)

        # when
        results = [await schema.execute(deep, context_value=make_context()) for _ in range(2)]

        # then
        for result in results:
            assert result.data is None
            assert "exceeds maximum operation depth" in result.errors[0].message
        assert len(schema.documents) == kept

    async def test_introspection_stays_refused_where_it_is_off(self, schema, make_context):
        # when
        results = [
            await schema.execute(INTROSPECTION, context_value=make_context()) for _ in range(2)
        ]

        # then
        for result in results:
            assert result.data is None
            assert "introspection" in result.errors[0].message.lower()

    async def test_a_long_text_runs_but_is_not_kept(self, schema, make_context):
        # given: valid, padded past what the cache keeps
        long_text = TYPENAME + " " * MAX_CACHED_TEXT
        kept = len(schema.documents)

        # when
        result = await schema.execute(long_text, context_value=make_context())

        # then
        assert result.errors is None
        assert len(schema.documents) == kept

    def test_size_zero_turns_it_off(self, settings):
        # when
        schema = build_schema(settings.model_copy(update={"graphql_document_cache_size": 0}))

        # then
        assert schema.documents is None
