"""create_app(): the one FastAPI application, GraphQL at /graphql and the device shim under /api."""

import gc
import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from sqlalchemy import text

import device_rest
from device_rest.errors import install_error_handlers
from graphql_api.alerts.background import start_offline_sweeps, stop_offline_sweeps
from graphql_api.commands.background import start_expiry_sweeps, stop_expiry_sweeps
from graphql_api.db import create_engine, create_sessionmaker
from graphql_api.events import EventBus
from graphql_api.http import GraphQLRouter, get_context
from graphql_api.schema import build_schema
from graphql_api.settings import Settings, get_settings
from graphql_api.state import AppState

logger = logging.getLogger(__name__)


def _operation_id(route: APIRoute) -> str:
    # Stable OpenAPI operation ids: the route function's name, prefixed by its device line.
    return f"{route.tags[0]}_{route.name}" if route.tags else route.name


# Collect the youngest generation every this many net allocations (CPython's default: 700).
_GC_YOUNG_THRESHOLD = 20_000


@contextmanager
def _startup_objects_frozen() -> Iterator[None]:
    """While the app serves, exempt what startup built (modules, the GraphQL schema, ORM
    mappers, cached statements) from the cyclic garbage collector, and collect less often.

    Measured under ``bench/ingest.py``: full collections walked all of startup's objects again,
    some 0.15 s of CPU each, and with young collections every 700 allocations about a tenth of
    the server's CPU went to the collector; frozen and at 20 000, under 1 %. Garbage is
    collected first so none is kept; at shutdown the objects are released to the collector
    again (a test process starts and stops many apps)."""
    gc.collect()
    gc.freeze()
    threshold = gc.get_threshold()
    gc.set_threshold(_GC_YOUNG_THRESHOLD, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(
            settings.database_url,
            pool_size=settings.database_pool_size,
            max_overflow=settings.database_max_overflow,
        )
        bus = EventBus(settings.broadcast_url)
        await bus.connect()
        app.state.pawgraph = AppState(
            settings=settings, engine=engine, sessionmaker=create_sessionmaker(engine), bus=bus
        )
        # After the bus connects (the sweep publishes), cancelled before it disconnects.
        offline_sweeps = start_offline_sweeps(app.state.pawgraph)
        expiry_sweeps = start_expiry_sweeps(app.state.pawgraph)
        try:
            with _startup_objects_frozen():
                yield
        finally:
            await stop_expiry_sweeps(expiry_sweeps)
            await stop_offline_sweeps(offline_sweeps)
            await bus.disconnect()
            await engine.dispose()

    app = FastAPI(
        title="pawgraph device API",
        description="The REST shim for device firmware. Apps use GraphQL at /graphql.",
        lifespan=lifespan,
        # Firmware HTTP clients do not re-send a POST after a redirect: never redirect slashes.
        redirect_slashes=False,
        generate_unique_id_function=_operation_id,
    )
    graphql = GraphQLRouter(
        build_schema(settings), context_getter=get_context, include_in_schema=False
    )
    app.include_router(graphql, prefix="/graphql")
    app.include_router(device_rest.router, prefix="/api")
    app.include_router(device_rest.hub_router, prefix="/h/{hub_key}/api")
    if settings.bench_endpoints:
        app.include_router(device_rest.bench_router, prefix="/bench")
    install_error_handlers(app)

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> JSONResponse:
        state: AppState = app.state.pawgraph
        database = await _database_reachable(state)
        pubsub = await state.bus.ping()
        body = {
            "database": "ok" if database else "unreachable",
            "pubsub": "ok" if pubsub else "unreachable",
        }
        healthy = database and pubsub
        return JSONResponse(
            {"status": "ok" if healthy else "degraded", **body},
            status_code=200 if healthy else 503,
        )

    return app


async def _database_reachable(state: AppState) -> bool:
    try:
        async with state.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        return True
    except Exception:  # any failure to reach the database means "unreachable" here
        logger.exception("health check: database unreachable")
        return False
