"""A production server hides its schema and documentation (issue 8, item 7)."""

import secrets
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.graphql_client import post_graphql
from tests.support.live_server import LiveServer, start_server

INTROSPECTION = "query { __schema { queryType { name } } }"
TYPO = "query { mee { id } }"


@pytest.fixture(scope="module")
def production_server(
    server_logs: Path, database_url: str, test_environment
) -> Iterator[LiveServer]:
    server = start_server(
        server_logs,
        "production",
        env="production",
        database_url=database_url,
        broadcast_url=test_environment.redis_url,
        secret_key=secrets.token_urlsafe(48),
        media_secret=secrets.token_hex(24),
    )
    yield server
    server.stop()


async def get(server: LiveServer, path: str, accept: str = "text/html") -> httpx.Response:
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        return await http.get(path, headers={"Accept": accept})


class TestProduction:
    async def test_refuses_introspection(self, production_server):
        # when
        response = await post_graphql(production_server, {"query": INTROSPECTION})
        # then
        assert "data" not in response.json() or response.json()["data"] is None
        assert "introspection" in response.json()["errors"][0]["message"].lower()

    async def test_suggests_no_field_names(self, production_server):
        # when
        response = await post_graphql(production_server, {"query": TYPO})
        # then
        message = response.json()["errors"][0]["message"]
        assert "Cannot query field 'mee'" in message
        assert "Did you mean" not in message

    @pytest.mark.parametrize("path", ["/docs", "/redoc", "/openapi.json"])
    async def test_serves_no_api_documentation(self, production_server, path):
        # when
        response = await get(production_server, path)
        # then
        assert response.status_code == 404

    async def test_serves_no_graphiql(self, production_server):
        # when
        response = await get(production_server, "/graphql")
        # then
        assert "graphiql" not in response.text.lower()


class TestOutsideProduction:
    async def test_everything_is_served(self, server_a):
        # when
        introspected = await post_graphql(server_a, {"query": INTROSPECTION})
        typo = await post_graphql(server_a, {"query": TYPO})
        docs = await get(server_a, "/docs")
        openapi = await get(server_a, "/openapi.json", "application/json")
        graphiql = await get(server_a, "/graphql")
        # then
        assert introspected.json()["data"]["__schema"]["queryType"]["name"] == "Query"
        assert "Did you mean" in typo.json()["errors"][0]["message"]
        assert (docs.status_code, openapi.status_code) == (200, 200)
        assert "graphiql" in graphiql.text.lower()
