"""The apps' side of the wire: the ``gql`` client over HTTP and graphql-transport-ws."""

import asyncio
import base64
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
from gql import Client, GraphQLRequest
from gql.transport.exceptions import TransportQueryError
from gql.transport.httpx import HTTPXAsyncTransport
from gql.transport.websockets import WebsocketsTransport

from tests.support.live_server import LiveServer


class GraphQLClient:
    """One app user (or anonymous) talking to one live server."""

    def __init__(self, server: LiveServer, token: str | None = None) -> None:
        self.server = server
        self.token = token

    def with_token(self, token: str | None) -> "GraphQLClient":
        return GraphQLClient(self.server, token)

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    async def execute(
        self, document: str, variables: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """Run a query or mutation; raises ``TransportQueryError`` on top-level errors."""
        transport = HTTPXAsyncTransport(
            url=self.server.graphql_url, headers=self._headers(), timeout=30
        )
        async with Client(transport=transport) as session:
            return await session.execute(GraphQLRequest(document, variable_values=variables))

    @contextlib.asynccontextmanager
    async def subscribe(
        self,
        document: str,
        variables: dict[str, Any] | None = None,
        subprotocol: str = WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL,
        authorization_key: str = "Authorization",
    ) -> AsyncIterator[AsyncIterator[dict[str, Any]]]:
        """A live subscription, token in ``connection_init`` under ``authorization_key``;
        graphql-transport-ws by default, ``WebsocketsTransport.APOLLO_SUBPROTOCOL`` for the
        legacy graphql-ws."""
        init_payload = {authorization_key: f"Bearer {self.token}"} if self.token else {}
        transport = WebsocketsTransport(
            url=self.server.ws_url, init_payload=init_payload, subprotocols=[subprotocol]
        )
        async with Client(transport=transport) as session:
            stream = session.subscribe(GraphQLRequest(document, variable_values=variables))
            try:
                yield stream
            finally:
                # Ends the subscription before the connection: otherwise gql's close waits its
                # whole close_timeout (10 s) for this listener to finish.
                await stream.aclose()


EVENT_TIMEOUT_S = 15.0


@contextlib.asynccontextmanager
async def queued(
    stream: AsyncIterator[dict[str, Any]], field: str
) -> AsyncIterator["asyncio.Queue[dict[str, Any]]"]:
    """Each result's ``field`` of a subscription, read from now on into a queue in the
    background for as long as the block runs (reading is what makes gql subscribe)."""
    results: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    async def pump() -> None:
        async for result in stream:
            results.put_nowait(result[field])

    pumping = asyncio.ensure_future(pump())
    try:
        yield results
    finally:
        pumping.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await pumping


async def next_result(
    stream: AsyncIterator[dict[str, Any]], timeout: float = EVENT_TIMEOUT_S
) -> dict[str, Any]:
    """The next result of a live subscription, failing the test if none arrives in time."""
    return await asyncio.wait_for(anext(stream), timeout)


async def post_graphql(
    server: LiveServer,
    body: bytes | dict[str, Any],
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    """One raw POST to /graphql, for assertions on status codes, media types and exact bytes."""
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    request_headers = {"Content-Type": "application/json", **(headers or {})}
    async with httpx.AsyncClient(timeout=30, follow_redirects=False) as http:
        return await http.post(server.graphql_url, content=content, headers=request_headers)


async def get_graphql(
    server: LiveServer, params: dict[str, str] | None = None, headers: dict[str, str] | None = None
) -> httpx.Response:
    """One raw GET of /graphql (a query in ``params``, or GraphiQL for a browser's Accept)."""
    async with httpx.AsyncClient(timeout=30, follow_redirects=False) as http:
        return await http.get(server.graphql_url, params=params, headers=headers)


async def ending_error_code(
    stream: AsyncIterator[dict[str, Any]], timeout: float = EVENT_TIMEOUT_S
) -> str:
    """The ``extensions.code`` of the error that ends a live subscription, skipping the results
    before it; the test fails if none ends it in time."""
    try:
        while True:
            await next_result(stream, timeout)
    except TransportQueryError as error:
        return error.errors[0]["extensions"]["code"]


def pk_of(global_id: str) -> int:
    """The database id inside a Relay global ID (base64 of ``Type:pk``), for SQL assertions."""
    return int(base64.b64decode(global_id).decode().partition(":")[2])
