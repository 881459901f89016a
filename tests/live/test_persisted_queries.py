"""Persisted documents over HTTP (graphql_api/persisted.py): the trusted-documents manifest
(clients/persisted-operations.json) sent by hash, trusted-only mode refusing anything else,
and Apollo's automatic persisted queries for other clients in the default mode."""

import asyncio
import hashlib
import json
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from graphql import OperationDefinitionNode, parse
from websockets.asyncio.client import connect
from websockets.typing import Subprotocol

from tests.conftest import TEST_SECRET_KEY
from tests.support.graphql_client import post_graphql
from tests.support.live_server import PROJECT_ROOT, LiveServer, start_server

MANIFEST_PATH = PROJECT_ROOT / "clients" / "persisted-operations.json"
MANIFEST: dict[str, str] = json.loads(MANIFEST_PATH.read_text())


def hash_of(operation_name: str) -> str:
    [sha] = [
        sha
        for sha, text in MANIFEST.items()
        for definition in parse(text).definitions
        if isinstance(definition, OperationDefinitionNode)
        and definition.name.value == operation_name
    ]
    return sha


def persisted(sha: str, query: str | None = None) -> dict:
    body: dict = {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": sha}}}
    if query is not None:
        body["query"] = query
    return body


def codes(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [error["extensions"]["code"] for error in response.json().get("errors", [])]


@pytest.fixture(scope="module")
def trusted_server(server_logs: Path, database_url: str, test_environment) -> Iterator[LiveServer]:
    server = start_server(
        server_logs,
        "trusted-documents",
        env="test",
        database_url=database_url,
        broadcast_url=test_environment.redis_url,
        secret_key=TEST_SECRET_KEY,
        persisted_documents_path=str(MANIFEST_PATH),
        trusted_documents_only="true",
    )
    yield server
    server.stop()


class TestTrustedDocumentsOnly:
    async def test_a_shipped_operation_runs_by_its_hash(self, trusted_server):
        # when
        response = await post_graphql(trusted_server, persisted(hash_of("Me")))
        # then
        assert codes(response) == []
        assert response.json()["data"] == {"me": None}

    async def test_an_unknown_hash_is_refused(self, trusted_server):
        # given
        unknown = hashlib.sha256(b"query { me { id } }").hexdigest()
        # when
        response = await post_graphql(trusted_server, persisted(unknown))
        # then
        assert codes(response) == ["UNKNOWN_TRUSTED_DOCUMENT"]
        assert response.json()["data"] is None

    async def test_a_raw_query_is_refused(self, trusted_server):
        # given
        query = "query Anything { me { id } }"
        # when
        response = await post_graphql(trusted_server, {"query": query})
        # then
        assert codes(response) == ["TRUSTED_DOCUMENT_REQUIRED"]

    async def test_registering_a_new_document_is_refused(self, trusted_server):
        # given
        query = "query Anything { me { id email } }"
        sha = hashlib.sha256(query.encode()).hexdigest()
        # when
        registered = await post_graphql(trusted_server, persisted(sha, query))
        again = await post_graphql(trusted_server, persisted(sha))
        # then
        assert codes(registered) == ["UNKNOWN_TRUSTED_DOCUMENT"]
        assert codes(again) == ["UNKNOWN_TRUSTED_DOCUMENT"]


async def over_websocket(server: LiveServer, query: str) -> dict:
    """One operation over graphql-transport-ws with exactly this text (gql re-prints it)."""
    async with connect(server.ws_url, subprotocols=[Subprotocol("graphql-transport-ws")]) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": {}}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
        return json.loads(await asyncio.wait_for(ws.recv(), 10))


class TestTrustedDocumentsOverWebsockets:
    async def test_a_manifest_document_is_accepted_and_any_other_refused(self, trusted_server):
        # given: graphql-transport-ws carries no extensions, so the text itself must be trusted
        shipped = MANIFEST[hash_of("Me")]
        other = "query Other { me { id } }"
        # when
        accepted = await over_websocket(trusted_server, shipped)
        refused = await over_websocket(trusted_server, other)
        # then
        assert accepted["type"] == "next" and accepted["payload"]["data"] == {"me": None}
        assert refused["type"] == "error"
        assert refused["payload"][0]["extensions"]["code"] == "TRUSTED_DOCUMENT_REQUIRED"


class TestAutomaticPersistedQueries:
    async def test_an_unknown_hash_is_registered_by_sending_the_query_once(self, server_a):
        # given: a document no one has sent before
        query = f"query Apq{secrets.token_hex(4)} {{ me {{ id }} }}"
        sha = hashlib.sha256(query.encode()).hexdigest()
        # when
        first = await post_graphql(server_a, persisted(sha))
        registered = await post_graphql(server_a, persisted(sha, query))
        by_hash = await post_graphql(server_a, persisted(sha))
        # then
        assert codes(first) == ["PERSISTED_QUERY_NOT_FOUND"]
        assert first.json()["errors"][0]["message"] == "PersistedQueryNotFound"
        assert codes(registered) == [] and registered.json()["data"] == {"me": None}
        assert codes(by_hash) == [] and by_hash.json()["data"] == {"me": None}

    async def test_a_hash_that_is_not_the_querys_is_refused(self, server_a):
        # given
        query = f"query Apq{secrets.token_hex(4)} {{ me {{ id }} }}"
        other = hashlib.sha256(b"query Other { me { id } }").hexdigest()
        # when
        response = await post_graphql(server_a, persisted(other, query))
        later = await post_graphql(server_a, persisted(other))
        # then
        assert codes(response) == ["PERSISTED_QUERY_HASH_MISMATCH"]
        assert codes(later) == ["PERSISTED_QUERY_NOT_FOUND"]

    async def test_raw_queries_still_run(self, server_a):
        # when
        response = await post_graphql(server_a, {"query": "query { me { id } }"})
        # then
        assert codes(response) == [] and response.json()["data"] == {"me": None}

    async def test_a_malformed_persisted_query_is_a_graphql_error(self, server_a):
        # when
        response = await post_graphql(
            server_a, {"extensions": {"persistedQuery": {"version": 2, "sha256Hash": 7}}}
        )
        # then
        assert codes(response) == ["PERSISTED_QUERY_INVALID"]
