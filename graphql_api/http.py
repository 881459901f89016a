"""The GraphQL front door over HTTP and websockets.

Strawberry's router plus what the GraphQL-over-HTTP spec asks and Strawberry does not give:
the ``application/graphql-response+json`` media type with its status codes (400 for a request
that fails to parse or validate, 200 whenever execution began), 405 for a mutation over GET,
and viewers from ``Authorization`` headers and websocket ``connection_init`` payloads.

A bad or expired token over HTTP is never an HTTP 401 (which no GraphQL client reads): the
request runs anonymously, fields that need a viewer fail with NOT_AUTHENTICATED naming the
token, and the response carries ``extensions.authentication``. A websocket's bad token closes
the connection with 4403, as graphql-transport-ws says.
"""

import json
from collections import OrderedDict
from collections.abc import AsyncIterator, Mapping
from typing import Any

from cross_web import HTTPException
from fastapi import Request, Response
from starlette.requests import HTTPConnection
from starlette.responses import StreamingResponse
from starlette.websockets import WebSocketDisconnect
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.exceptions import ConnectionRejectionError
from strawberry.fastapi import GraphQLRouter as StrawberryGraphQLRouter
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET

from graphql_api import ws_sessions
from graphql_api.accounts import service as accounts_service
from graphql_api.auth import TokenClaims, Viewer, bearer_token, verify_access_token
from graphql_api.browser_ui import graphiql_html
from graphql_api.context import Context
from graphql_api.db import is_database_unavailable
from graphql_api.errors import NotAuthenticated, ServiceUnavailable
from graphql_api.state import AppState

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"


async def authenticate(
    state: AppState, authorization: str | None
) -> tuple[Viewer, TokenClaims] | None:
    """The viewer an ``Authorization`` value names and its token's claims; None without one;
    NotAuthenticated if bad, expired or revoked; ServiceUnavailable if the database is down.
    A token seen in the last ``viewer_cache_ttl`` is answered from the process's cache, which
    every revocation empties for its user (``graphql_api.viewer_cache``)."""
    token = bearer_token(authorization)
    if token is None:
        return None
    viewers = state.viewers
    cached = viewers.get(token) if viewers is not None else None
    if cached is not None:
        return cached
    claims = verify_access_token(state.settings, token)
    generation = viewers.generation if viewers is not None else 0
    try:
        async with state.sessionmaker() as session:
            viewer = await accounts_service.viewer_for_token(session, claims)
    except Exception as error:
        if is_database_unavailable(error):
            raise ServiceUnavailable() from error
        raise
    if viewers is not None:
        viewers.put(token, viewer, claims, generation)
    return viewer, claims


def client_ip(connection: HTTPConnection) -> str:
    # uvicorn has already applied X-Forwarded-For from trusted proxies (--forwarded-allow-ips).
    return connection.client.host if connection.client else ""


async def get_context(connection: HTTPConnection) -> AsyncIterator[Context]:
    state: AppState = connection.app.state.pawgraph
    is_websocket = connection.scope["type"] == "websocket"
    context = Context(state, None, is_websocket=is_websocket, client_ip=client_ip(connection))
    if not is_websocket:
        try:
            authenticated = await authenticate(state, connection.headers.get("authorization"))
        except NotAuthenticated as error:
            # Not an HTTP 401: the request runs anonymously, so `login` still works with a stale
            # header (a GraphiQL tab, an app after a restart); what needs a viewer fails with
            # NOT_AUTHENTICATED saying why, and the response's extensions say it too.
            context.rejected_token = f"{error.message} Log in again: `login` needs no token."
            connection.state.rejected_token = context.rejected_token
            authenticated = None
        except ServiceUnavailable as error:
            context.viewer_error = error
            authenticated = None
        if authenticated is not None:
            context.viewer, context.token_claims = authenticated
    try:
        yield context
    finally:
        await ws_sessions.stop(context.session_watch)
        await context.close()


def _wants_graphql_response_json(request: Request) -> bool:
    return GRAPHQL_RESPONSE_JSON in request.headers.get("accept", "")


_ENCODED_RESULTS = 256
# id(data) -> (data, its JSON): kept alive here, so an id is never reused while cached.
_encoded_results: OrderedDict[int, tuple[Any, str]] = OrderedDict()


def encoded_result_data(data: Any) -> str:
    """The JSON of a subscription result's ``data``, encoded once for every subscriber handed
    the same result object (``execution.shared_payload``: one execution per event)."""
    cached = _encoded_results.get(id(data))
    if cached is not None and cached[0] is data:
        _encoded_results.move_to_end(id(data))
        return cached[1]
    encoded = json.dumps(data, separators=(",", ":"))
    _encoded_results[id(data)] = (data, encoded)
    if len(_encoded_results) > _ENCODED_RESULTS:
        _encoded_results.popitem(last=False)
    return encoded


def next_message_text(message: Mapping[str, Any]) -> str | None:
    """A ``next`` message whose payload is only ``data``, as Strawberry's JSON would spell it,
    with the data encoded once per result; None for any other message."""
    payload = message.get("payload")
    if message.get("type") != "next" or not isinstance(payload, dict) or payload.keys() != {"data"}:
        return None
    data = encoded_result_data(payload["data"])
    return f'{{"id":{json.dumps(message["id"])},"type":"next","payload":{{"data":{data}}}}}'


class SharedResultWebSocket(ASGIWebSocketAdapter):
    """Strawberry's websocket adapter; a result shared by many subscribers is encoded once,
    not once per socket (each subscriber's message differs only in its id)."""

    async def send_json(self, message: Mapping[str, object]) -> None:
        text = next_message_text(message)
        if text is None:
            await super().send_json(message)
            return
        try:
            await self.ws.send_text(text)
        except WebSocketDisconnect as exc:
            raise WebSocketDisconnected from exc


class GraphQLRouter(StrawberryGraphQLRouter):
    websocket_adapter_class = SharedResultWebSocket  # type: ignore[assignment]

    @property
    def graphql_ide_html(self) -> str:
        # Strawberry's page loads React and GraphiQL from unpkg.com; ours, from this server.
        return graphiql_html()

    async def on_ws_connect(self, context: Context) -> Any:
        params = context.connection_params if isinstance(context.connection_params, dict) else {}
        authorization = params.get("Authorization") or params.get("authorization")
        try:
            authenticated = await authenticate(context.app_state, authorization)
        except (NotAuthenticated, ServiceUnavailable) as error:
            raise ConnectionRejectionError(
                {"message": error.message, "code": error.code.value}
            ) from error
        if authenticated is not None:
            context.viewer, context.token_claims = authenticated
            context.session_watch = ws_sessions.watch(context, context.token_claims)
        return UNSET

    async def execute_single(
        self, request, request_adapter, *args: Any, **kwargs: Any
    ) -> ExecutionResult:
        try:
            return await super().execute_single(request, request_adapter, *args, **kwargs)
        except HTTPException as error:
            if (
                isinstance(error.__cause__, InvalidOperationTypeError)
                and request_adapter.method == "GET"
            ):
                raise HTTPException(405, error.reason) from error
            raise

    async def process_result(self, request: Request, result: ExecutionResult) -> Any:
        data = await super().process_result(request, result)
        rejected_token = getattr(request.state, "rejected_token", None)
        if rejected_token:
            code = NotAuthenticated.default_code.value
            extensions = data.get("extensions") or {}
            data["extensions"] = {
                **extensions,
                "authentication": {"code": code, "message": rejected_token},
            }
        if _wants_graphql_response_json(request):
            # A request error (parse or validation) has no path and executes nothing.
            request_error = (
                result.data is None
                and bool(result.errors)
                and all(error.path is None for error in result.errors)
            )
            request.state.graphql_request_error = request_error
            if request_error:
                data.pop("data", None)
        return data

    async def run(self, request: Any, context: Any = UNSET, root_value: Any = UNSET) -> Any:
        response = await super().run(request, context=context, root_value=root_value)
        if (
            isinstance(request, Request)
            and isinstance(response, Response)
            and not isinstance(response, StreamingResponse)
            and response.media_type == "application/json"
            and _wants_graphql_response_json(request)
        ):
            response.headers["content-type"] = f"{GRAPHQL_RESPONSE_JSON}; charset=utf-8"
            if getattr(request.state, "graphql_request_error", False):
                response.status_code = 400
        return response
