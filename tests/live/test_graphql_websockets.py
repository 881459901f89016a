"""The GraphQL websocket door (graphql_api.http.GraphQLWebSockets): sockets to /graphql reach
Strawberry's handler without FastAPI's routing, with the same handshake rules and the same
context; sockets anywhere else are FastAPI's, as before."""

import asyncio
import json

import pytest
import websockets
from websockets.exceptions import InvalidStatus

from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import LiveServer

ME = "query Me { me { email } }"


async def _first_message(server: LiveServer, token: str | None, query: str) -> dict:
    async with websockets.connect(server.ws_url, subprotocols=["graphql-transport-ws"]) as socket:
        init: dict = {"type": "connection_init"}
        if token:
            init["payload"] = {"Authorization": f"Bearer {token}"}
        await socket.send(json.dumps(init))
        assert json.loads(await asyncio.wait_for(socket.recv(), 10))["type"] == "connection_ack"
        subscribe = {"id": "op-1", "type": "subscribe", "payload": {"query": query}}
        await socket.send(json.dumps(subscribe))
        return json.loads(await asyncio.wait_for(socket.recv(), 10))


class TestGraphQLWebSockets:
    async def test_an_operation_runs_with_the_viewer_of_its_connection(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        over_http = await owner.execute(ME)

        # when
        message = await _first_message(owner.server, owner.token, ME)

        # then
        assert message == {"id": "op-1", "type": "next", "payload": {"data": over_http}}
        assert over_http != await other_owner.execute(ME)

    async def test_without_a_token_the_connection_has_no_viewer(self, owner: GraphQLClient):
        # when
        message = await _first_message(owner.server, None, ME)

        # then
        assert message == {"id": "op-1", "type": "next", "payload": {"data": {"me": None}}}

    async def test_a_socket_without_a_graphql_subprotocol_is_closed(self, owner: GraphQLClient):
        # when
        async with websockets.connect(owner.server.ws_url, subprotocols=["chat"]) as socket:
            with pytest.raises(websockets.ConnectionClosed) as closed:
                await asyncio.wait_for(socket.recv(), 10)

        # then
        assert closed.value.rcvd.code == 4406

    @pytest.mark.parametrize("path", ["/graphql/", "/graphqlx", "/api/graphql"])
    async def test_a_socket_to_another_path_is_not_served_as_graphql(
        self, owner: GraphQLClient, path: str
    ):
        url = owner.server.base_url.replace("http://", "ws://") + path

        # when
        with pytest.raises(InvalidStatus) as refused:
            await websockets.connect(url, subprotocols=["graphql-transport-ws"])

        # then
        assert refused.value.response.status_code == 403
