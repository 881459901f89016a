"""create_app(): the one FastAPI application, GraphQL at /graphql and the device shim under /api
(Petty collars at /ingest and /v1/ingest, where their firmware posts)."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.datastructures import Headers

import device_rest
from device_mqtt.broker_admin import build_device_broker
from device_mqtt.runtime import start_bridge, stop_bridge
from device_rest.dependencies import device_key_guard
from device_rest.errors import install_error_handlers
from device_rest.petio import petio_error_body
from device_rest.smart_outlet import hub_error_body
from graphql_api import health, instrumentation, logredact
from graphql_api.accounts import passwords
from graphql_api.auth import bearer_token, verify_access_token
from graphql_api.bodylimit import BodyLimit, RouteClass
from graphql_api.browser_ui import install_browser_ui
from graphql_api.deliveries import service as deliveries_service
from graphql_api.errors import DomainError, NotAuthenticated
from graphql_api.http import GraphQLRouter, GraphQLWebSockets, get_context
from graphql_api.jobs.registry import JOBS
from graphql_api.jobs.runner import JobRunner
from graphql_api.schema import build_schema
from graphql_api.settings import Settings, SettingsError, get_settings
from graphql_api.state import open_app_state
from graphql_api.viewer_cache import ViewerCache

logger = logging.getLogger(__name__)


def _operation_id(route: APIRoute) -> str:
    # Stable OpenAPI operation ids: the route function's name, prefixed by its device line.
    return f"{route.tags[0]}_{route.name}" if route.tags else route.name


def _petty_error_body(error: DomainError) -> dict:
    return {"error": error.message}


def _graphql_error_body(error: DomainError) -> dict:
    return {"errors": [{"message": error.message, "extensions": {"code": error.code.value}}]}


def _graphql_body_cap(app: FastAPI, settings: Settings):
    """A valid bearer token earns the large cap. A token the viewer cache holds is known valid
    (and unexpired); another one's signature is checked here, an HMAC (~70 us), no database."""

    def known_valid(token: str) -> bool:
        state = getattr(app.state, "pawgraph", None)
        viewers = state.viewers if state is not None else None
        return viewers is not None and viewers.get(token) is not None

    def cap(headers: Headers) -> int:
        try:
            token = bearer_token(headers.get("authorization"))
            if token is not None:
                if not known_valid(token):
                    verify_access_token(settings, token)
                return settings.graphql_max_body_bytes
        except NotAuthenticated:
            pass
        return settings.graphql_anonymous_max_body_bytes

    return cap


def _body_limits(app: FastAPI, settings: Settings) -> None:
    device_cap = lambda headers: settings.device_max_body_bytes  # noqa: E731
    batch_cap = lambda headers: settings.device_batch_max_body_bytes  # noqa: E731
    app.add_middleware(
        BodyLimit,
        classes=[
            RouteClass("/api/", device_cap, petio_error_body),
            RouteClass("/h/", device_cap, hub_error_body),
            # A Petty batch holds up to 100 readings of ~200 bytes each.
            RouteClass("/ingest", batch_cap, _petty_error_body),
            RouteClass("/v1/ingest", batch_cap, _petty_error_body),
            RouteClass("/graphql", _graphql_body_cap(app, settings), _graphql_error_body),
        ],
        default=RouteClass("/", device_cap, _graphql_error_body),
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    try:
        settings = settings or get_settings()
    except SettingsError as error:
        # Under uvicorn's --factory too: one line saying what to set, not a traceback.
        raise SystemExit(f"pawgraph: {error}") from None
    # A development secret is generated at startup, not at the first login.
    settings.signing_secret  # noqa: B018
    logredact.install()
    passwords.configure(settings.effective_password_hash_workers)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with open_app_state(settings) as state:
            state.broker = build_device_broker(settings)
            state.viewers = ViewerCache(settings.viewer_cache_ttl)
            await state.viewers.start(state.bus)
            app.state.pawgraph = state
            # After the bus connects (jobs and the bridge publish), stopped before it goes.
            deliveries_service.announce(settings)
            jobs = JobRunner(state, JOBS)
            jobs.start()
            mqtt_bridge = start_bridge(state)
            app.state.mqtt_bridge = mqtt_bridge
            try:
                yield
            finally:
                await stop_bridge(mqtt_bridge)
                await jobs.stop()
                await state.viewers.stop()

    app = FastAPI(
        title="pawgraph device API",
        description="The REST shim for device firmware. Apps use GraphQL at /graphql.",
        lifespan=lifespan,
        # Firmware HTTP clients do not re-send a POST after a redirect: never redirect slashes.
        redirect_slashes=False,
        generate_unique_id_function=_operation_id,
        openapi_url="/openapi.json" if settings.openapi_docs else None,
        # Served by install_browser_ui from vendored assets; FastAPI's pages link to CDNs.
        docs_url=None,
        redoc_url=None,
    )
    graphql = GraphQLRouter(
        build_schema(settings),
        context_getter=get_context,
        include_in_schema=False,
        graphql_ide="graphiql" if settings.graphiql else None,
    )
    app.include_router(graphql, prefix="/graphql")
    guard = [Depends(device_key_guard)]
    # FastAPI matches a request against every route of every router included before the one
    # that serves it, twice (to pick the router, then the route): the routers with few routes
    # and the most requests (hub readings, collar batches) come before PETio's many.
    app.include_router(device_rest.hub_router, prefix="/h/{hub_key}/api", dependencies=guard)
    app.include_router(device_rest.petty_router, dependencies=guard)
    app.include_router(device_rest.router, prefix="/api", dependencies=guard)
    install_error_handlers(app)
    _body_limits(app, settings)
    instrumentation.install(app, settings, device_rest.READING_ROUTES)
    install_browser_ui(app, docs=bool(settings.openapi_docs))
    # Last, so outermost: a subscriber's socket skips the middleware and routing above.
    app.add_middleware(GraphQLWebSockets, router=graphql, path="/graphql")

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> JSONResponse:
        """Liveness: 200 while the process answers; what it reaches is in the body."""
        body = await health.liveness(app.state.pawgraph)
        bridge = getattr(app.state, "mqtt_bridge", None)
        if bridge is not None:
            # Reported, not a health condition: GraphQL and REST serve without the broker.
            body["mqtt"] = bridge.health()
        return JSONResponse(body)

    @app.get("/readyz", include_in_schema=False)
    async def readyz() -> JSONResponse:
        """Readiness: 200 when database and bus answer and migrations are at head, else 503."""
        ready, body = await health.readiness(app.state.pawgraph)
        return JSONResponse(body, status_code=200 if ready else 503)

    return app
