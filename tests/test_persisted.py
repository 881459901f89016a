"""The persisted-documents rule (graphql_api/persisted.py) on its own: which document a request
runs, and the APQ registry's bound. Live behaviour: tests/live/test_persisted_queries.py."""

import json

import pytest
from graphql import GraphQLError

from graphql_api.persisted import PersistedDocuments, load_manifest, sha256_hex

SHIPPED = "query Me { me { id } }"


def by_hash(document: str) -> dict:
    return {"persistedQuery": {"version": 1, "sha256Hash": sha256_hex(document)}}


def code(refused: pytest.ExceptionInfo[GraphQLError]) -> str:
    return refused.value.extensions["code"]


class TestPersistedDocuments:
    def test_the_registry_forgets_the_least_recently_used_first(self):
        # given
        documents = PersistedDocuments({}, trusted_only=False, cache_size=2)
        first, second, third = (f"query Q{n} {{ me {{ id }} }}" for n in range(3))
        for document in (first, second):
            documents.document(document, by_hash(document))
        documents.document(None, by_hash(first))  # used: second is now the oldest
        # when
        documents.document(third, by_hash(third))
        # then
        assert documents.document(None, by_hash(first)) == first
        assert documents.document(None, by_hash(third)) == third
        with pytest.raises(GraphQLError) as forgotten:
            documents.document(None, by_hash(second))
        assert code(forgotten) == "PERSISTED_QUERY_NOT_FOUND"

    def test_without_a_registry_an_unknown_hash_is_not_supported(self):
        # given
        documents = PersistedDocuments({}, trusted_only=False, cache_size=0)
        # when
        with pytest.raises(GraphQLError) as refused:
            documents.document(None, by_hash(SHIPPED))
        # then
        assert code(refused) == "PERSISTED_QUERY_NOT_SUPPORTED"

    def test_trusted_only_runs_the_manifest_by_hash_and_nothing_else(self):
        # given
        documents = PersistedDocuments(
            {sha256_hex(SHIPPED): SHIPPED}, trusted_only=True, cache_size=10
        )
        # when
        with pytest.raises(GraphQLError) as raw:
            documents.document(SHIPPED, None)
        # then
        assert documents.document(None, by_hash(SHIPPED)) == SHIPPED
        assert documents.document(SHIPPED, None, websocket=True) == SHIPPED
        assert code(raw) == "TRUSTED_DOCUMENT_REQUIRED"

    def test_a_manifest_key_that_is_not_its_documents_hash_is_refused(self, tmp_path):
        # given
        path = tmp_path / "manifest.json"
        path.write_text(json.dumps({sha256_hex("query A { me { id } }"): SHIPPED}))
        # when / then
        with pytest.raises(ValueError, match="is not the sha256 of its document"):
            load_manifest(path)
