"""Where the web front doors meet the metrics: HTTP requests, GraphQL operations, device
readings, and the ``/metrics`` route (see ``graphql_api.metrics``)."""

import re
import time
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any

from fastapi import FastAPI, Response
from graphql import OperationType
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import SchemaExtension

from graphql_api import metrics
from graphql_api.settings import Settings

UNMATCHED_ROUTE = "unmatched"

# A route's endpoint -> (device line, reading), for the routes devices report on.
ReadingRoutes = Mapping[Callable[..., Any], tuple[str, str]]


class RequestMetrics:
    """Pure ASGI middleware (no per-request task or body buffering, unlike
    ``BaseHTTPMiddleware``): times every HTTP request and counts it by route template once
    the router has matched it; a device report also counts as a reading of its line."""

    def __init__(self, app: ASGIApp, readings: ReadingRoutes) -> None:
        self.app = app
        self.readings = readings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            self._record(scope, status, time.perf_counter() - started)

    def _record(self, scope: Scope, status: int, seconds: float) -> None:
        route = scope.get("route")
        path = route_template(scope) if route is not None else UNMATCHED_ROUTE
        metrics.http_request(scope["method"], path, status, seconds)
        reading = self.readings.get(getattr(route, "endpoint", None))
        if reading is not None:
            metrics.device_reading(*reading, status)


def route_template(scope: Scope) -> str:
    """The matched route's path with its parameters as ``{name}``: ``/h/{hub_key}/api/data/``.

    Rebuilt from the request's path and path parameters (standard ASGI/Starlette scope keys):
    FastAPI keeps an included router's route relative to its prefix.
    """
    path = scope["path"]
    params = scope.get("path_params")
    if not params:
        return path
    names = {str(value): name for name, value in params.items() if value != ""}
    if not any("/" in value for value in names):
        return "/".join(
            f"{{{names[segment]}}}" if segment in names else segment for segment in path.split("/")
        )
    # A {name:path} parameter spans segments.
    for value in sorted(names, key=len, reverse=True):
        segment = re.compile(rf"(?<=/){re.escape(value)}(?=/|$)")
        path = segment.sub(f"{{{names[value]}}}", path, count=1)
    return path


class OperationMetrics(SchemaExtension):
    """Counts every GraphQL operation by type, name and outcome, and times queries and
    mutations (a subscription lasts as long as its client stays)."""

    async def on_operation(self) -> AsyncIterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            # Also when the operation ends by an exception thrown in (a subscription whose
            # client went away).
            self._record(time.perf_counter() - started)

    def _record(self, seconds: float) -> None:
        context = self.execution_context
        try:
            kind = context.operation_type
        except Exception:  # no document: unparsable, or no such operation
            kind = None
        result = context.result
        ok = kind is not None and not (result is not None and getattr(result, "errors", None))
        timed = kind is not None and kind is not OperationType.SUBSCRIPTION
        metrics.graphql_operation(
            kind.value if kind is not None else "invalid",
            context.operation_name,
            ok,
            seconds if timed else None,
        )


def install(app: FastAPI, settings: Settings, readings: ReadingRoutes) -> None:
    """Choose the metrics mode, count every request, and serve ``GET /metrics``."""
    metrics.configure(settings.metrics_dir)
    app.add_middleware(RequestMetrics, readings=readings)

    @app.get("/metrics", include_in_schema=False)
    async def prometheus_metrics() -> Response:
        return Response(metrics.exposition(), media_type=metrics.CONTENT_TYPE_LATEST)
