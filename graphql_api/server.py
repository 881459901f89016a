"""The API process as ``pawgraph serve`` runs it: the app, plus tuning that belongs to a
long-lived server process rather than to the app (tests and tools build the app alone).

uvicorn imports ``create_served_app`` in every worker process (``--factory``).
"""

import gc
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager

from fastapi import FastAPI

from graphql_api.app import create_app
from graphql_api.settings import Settings

# Collect the youngest generation every this many net allocations (CPython's default: 700).
_GC_YOUNG_THRESHOLD = 20_000


@contextmanager
def _startup_objects_frozen() -> Iterator[None]:
    """While the process serves, exempt what startup built (modules, the GraphQL schema, ORM
    mappers, cached statements) from the cyclic garbage collector, and collect less often.

    Measured under ``bench/ingest.py`` (PostgreSQL + Redis, 16 clients, 10 s): full collections
    walked all of startup's objects again, some 0.15 s of CPU each, and with young collections
    every 700 allocations about a tenth of the server's CPU went to the collector (0.89 s of GC
    per run); frozen and at 20 000, under 1 % (0.04 s). Garbage is collected first so none is
    kept; at shutdown the objects are released to the collector again.

    Measured again with the document and viewer caches (issue 13, ``make bench
    BENCH_ARGS=--gc``, the dashboard query, 16 connections, 10 s, same run each): the served
    process spent 28.7, 21.8 and 22.2 ms of CPU per dashboard against 51.7, 40.7 and 30.6 ms
    for the app with CPython's defaults (``create_app``), 35-46 against 19-25 requests/s: kept."""
    gc.collect()
    gc.freeze()
    threshold = gc.get_threshold()
    gc.set_threshold(_GC_YOUNG_THRESHOLD, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def create_served_app(settings: Settings | None = None) -> FastAPI:
    app = create_app(settings)
    app_lifespan = app.router.lifespan_context

    @asynccontextmanager
    async def lifespan(served: FastAPI) -> AsyncIterator[None]:
        async with app_lifespan(served):
            # After the app's startup, so what it built is frozen too.
            with _startup_objects_frozen():
                yield

    app.router.lifespan_context = lifespan
    return app
