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

import asyncio
import json
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import AbstractContextManager, asynccontextmanager, nullcontext, suppress
from json.encoder import encode_basestring_ascii
from typing import Any, cast

from cross_web import HTTPException
from fastapi import Request, Response
from starlette.requests import HTTPConnection
from starlette.responses import StreamingResponse
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.exceptions import ConnectionRejectionError
from strawberry.fastapi import GraphQLRouter as StrawberryGraphQLRouter
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.schema.schema import StreamResult
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
    Operation,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import ConnectionInitMessage
from strawberry.types import ExecutionResult
from strawberry.types.execution import PreExecutionError
from strawberry.types.unset import UNSET

from graphql_api import ws_sessions
from graphql_api.auth import TokenClaims, Viewer, bearer_token, verify_access_token
from graphql_api.browser_ui import graphiql_html
from graphql_api.context import Context
from graphql_api.db import is_database_unavailable
from graphql_api.errors import NotAuthenticated, ServiceUnavailable
from graphql_api.execution import DirectDelivery
from graphql_api.state import AppState
from graphql_api.ws_protocol import SEND_TEXT_NOW

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
        viewer = await state.viewer_lookups.viewer_for(claims)
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


def next_message_text(operation_id: str, data: Any) -> str:
    """A ``next`` message whose payload is only ``data``, as Strawberry's JSON would spell it,
    with the data encoded once per result."""
    return (
        f'{{"id":{encode_basestring_ascii(operation_id)},"type":"next",'
        f'"payload":{{"data":{encoded_result_data(data)}}}}}'
    )


class SharedResultWebSocket(ASGIWebSocketAdapter):
    """Strawberry's websocket adapter, plus :meth:`send_next_data` for a result that many
    subscribers may share."""

    async def send_next_data(self, operation_id: str, data: Any) -> None:
        """A ``next`` message of ``data`` alone, encoded once per result, not once per socket
        (each subscriber's message differs only in its id).

        While the socket is open it goes to the server's ``send`` as is: Starlette's would
        re-check its state machine for every message of every subscriber, and the server's own
        checks are the ones that matter past the handshake (a socket closed under us raises
        OSError, which Starlette maps the same way)."""
        text = next_message_text(operation_id, data)
        if self.ws.application_state is not WebSocketState.CONNECTED:
            await self._send_text(text)  # Starlette's errors for a socket we closed
            return
        try:
            await self.ws._send({"type": "websocket.send", "text": text})  # noqa: SLF001
        except OSError as exc:
            raise WebSocketDisconnected from exc

    async def _send_text(self, text: str) -> None:
        try:
            await self.ws.send_text(text)
        except WebSocketDisconnect as exc:
            raise WebSocketDisconnected from exc


class SubscriptionMessages(BaseGraphQLTransportWSHandler):
    """Strawberry's graphql-transport-ws handler, except that a result of data alone (every
    event of a healthy subscription) goes straight to :meth:`SharedResultWebSocket.send_next_data`
    instead of through the three layers of message dicts and awaits Strawberry builds around
    each one: at 1,000 subscribers they were ~10 % of a delivery's CPU (bench/fanout.py).
    Errors, extensions, pre-execution errors and incremental results keep Strawberry's path.
    Where the server can write a message at once (``ws_protocol.SEND_TEXT_NOW``), shared
    results go to a waiting subscriber's socket without waking its operation at all
    (``execution.DirectDelivery``). And once a connection_init came, it lets go of the timer
    that waited for it."""

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        timer = self.connection_init_timeout_task
        await super().handle_connection_init(message)
        if timer is not None and self.connection_init_received:
            # Strawberry cancels its timer for a missing connection_init but keeps the task,
            # and a cancelled task keeps its CancelledError, whose traceback keeps the timer's
            # frames: ~1.5 KB for as long as the socket is open (tracemalloc).
            with suppress(asyncio.CancelledError):
                await timer
            self.connection_init_timeout_task = None

    async def _send_result_stream(
        self, operation: Operation[Context, None], result_source: StreamResult
    ) -> None:
        websocket = cast(SharedResultWebSocket, self.websocket)
        is_first_result = True
        # One frame, not a loop of its own in a coroutine this one awaits: a subscriber keeps
        # it suspended for as long as it lives.
        with self._delivering_directly(operation):
            async for result in result_source:
                if type(result) is ExecutionResult and not result.errors and not result.extensions:
                    if not operation.completed:
                        await websocket.send_next_data(operation.id, result.data)
                elif is_first_result and isinstance(result, PreExecutionError):
                    await self._handle_pre_execution_error(operation, result)
                    return
                elif not isinstance(result, ExecutionResult):
                    await self._reject_incremental_delivery(operation)
                    return
                else:
                    await operation.send_next(result)
                is_first_result = False

    def _delivering_directly(self, operation: Operation[Context, None]) -> AbstractContextManager:
        websocket = cast(SharedResultWebSocket, self.websocket)
        send_text_now = websocket.ws.scope.get("extensions", {}).get(SEND_TEXT_NOW)
        if send_text_now is None:
            return nullcontext()
        operations = self.operations

        def send_now(*data: Any) -> bool:
            # As Strawberry's send_next: nothing once the operation completed (or the client
            # completed it: its entry is gone before its task is cancelled).
            if operation.completed or operations.get(operation.id) is not operation:
                return False
            return send_text_now(*(next_message_text(operation.id, each) for each in data))

        return DirectDelivery(send_now)


class GraphQLRouter(StrawberryGraphQLRouter):
    websocket_adapter_class = SharedResultWebSocket  # type: ignore[assignment]
    graphql_transport_ws_handler_class = SubscriptionMessages

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


_websocket_context = asynccontextmanager(get_context)


class GraphQLWebSockets:
    """Pure ASGI middleware: a websocket to the GraphQL path goes straight to the router's
    handler, with the context ``get_context`` builds, as FastAPI's websocket route would hand
    it over. That route's routing, dependency solving, exception wrappers and exit stacks stay
    suspended, and allocated, for as long as the socket lives: 13 KB of every idle
    subscriber's Python heap (tracemalloc), 72.6 -> 57.7 KB of RSS (bench/fanout.py).
    Everything else passes through, sockets to any other path included."""

    def __init__(self, app: ASGIApp, router: GraphQLRouter, path: str) -> None:
        self.app = app
        self.router = router
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket" or scope["path"] != self.path:
            await self.app(scope, receive, send)
            return
        websocket = WebSocket(scope, receive, send)
        async with _websocket_context(websocket) as context:
            # FastAPI would also hand over a response and background tasks that nothing on a
            # websocket reads (its headers are sent, its tasks never run): left unset.
            context.request = websocket
            await self.router.run(request=websocket, context=context, root_value=None)
