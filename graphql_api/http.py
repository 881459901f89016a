"""The GraphQL front door over HTTP and websockets.

Strawberry's router plus what the GraphQL-over-HTTP spec asks and Strawberry does not give:
the ``application/graphql-response+json`` media type with its status codes (400 for a request
that fails to parse or validate, 200 whenever execution began), 405 for a mutation over GET,
and viewers from ``Authorization`` headers and websocket ``connection_init`` payloads.
"""

from collections.abc import AsyncIterator
from typing import Any

from cross_web import HTTPException
from fastapi import HTTPException as FastAPIHTTPException
from fastapi import Request, Response
from starlette.requests import HTTPConnection
from starlette.responses import StreamingResponse
from strawberry.exceptions import ConnectionRejectionError
from strawberry.fastapi import GraphQLRouter as StrawberryGraphQLRouter
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET

from graphql_api.accounts import service as accounts_service
from graphql_api.auth import Viewer, bearer_token, user_id_from_token
from graphql_api.context import Context
from graphql_api.errors import NotAuthenticated
from graphql_api.state import AppState

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"


async def viewer_for_authorization(state: AppState, authorization: str | None) -> Viewer | None:
    """The viewer an ``Authorization`` value names; None without one; NotAuthenticated if bad."""
    token = bearer_token(authorization)
    if token is None:
        return None
    user_id = user_id_from_token(state.settings, token)
    async with state.sessionmaker() as session:
        viewer = await accounts_service.get_viewer(session, user_id)
    if viewer is None:
        raise NotAuthenticated("The access token's user no longer exists.")
    return viewer


async def get_context(connection: HTTPConnection) -> AsyncIterator[Context]:
    state: AppState = connection.app.state.pawgraph
    viewer = None
    if connection.scope["type"] == "http":
        try:
            viewer = await viewer_for_authorization(state, connection.headers.get("authorization"))
        except NotAuthenticated as error:
            raise FastAPIHTTPException(
                401, error.message, headers={"WWW-Authenticate": "Bearer"}
            ) from error
    context = Context(state, viewer, is_websocket=connection.scope["type"] == "websocket")
    try:
        yield context
    finally:
        await context.close()


def _wants_graphql_response_json(request: Request) -> bool:
    return GRAPHQL_RESPONSE_JSON in request.headers.get("accept", "")


class GraphQLRouter(StrawberryGraphQLRouter):
    async def on_ws_connect(self, context: Context) -> Any:
        params = context.connection_params if isinstance(context.connection_params, dict) else {}
        authorization = params.get("Authorization") or params.get("authorization")
        try:
            context.viewer = await viewer_for_authorization(context.app_state, authorization)
        except NotAuthenticated as error:
            raise ConnectionRejectionError({"message": error.message}) from error
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
