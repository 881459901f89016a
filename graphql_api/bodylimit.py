"""Request body caps per route class, enforced before the application reads a byte.

An ASGI middleware: a ``Content-Length`` over the cap is answered 413 without reading the body;
a body without one (chunked) is counted while it streams and cut off at the cap. Either way the
application never holds more than the cap in memory, and the client gets a 413 in its route
class's envelope (the device line's JSON, or a GraphQL error).

The cap may depend on the request (e.g. a valid bearer token earns a larger GraphQL body), but
only on its headers: that is "authenticate before parsing large bodies".

A refused body of a declared length is read and dropped before the 413 goes out (up to
``DRAIN_LIMIT``): closing a connection with unread bytes resets it, and the client, or nginx,
which sends a body whole before reading the answer, loses the 413 (nginx answers 502 instead).
A chunked body is cut off at once: its end may never come.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graphql_api.errors import PayloadTooLarge


@dataclass(frozen=True, slots=True)
class RouteClass:
    """Paths starting with ``prefix``: at most ``limit(headers)`` bytes of body; a refusal's
    JSON body is ``render(error)``."""

    prefix: str
    limit: Callable[[Headers], int]
    render: Callable[[PayloadTooLarge], dict[str, Any]]


# Above nginx's largest cap (1 MB, /graphql): a body declared longer is not read, and its
# connection closed, reset or not.
DRAIN_LIMIT = 2 * 1024 * 1024


class _BodyTooLarge(Exception):
    pass


class BodyLimit:
    def __init__(self, app: ASGIApp, classes: list[RouteClass], default: RouteClass) -> None:
        self.app = app
        # Longest prefix first, so /h/ and /api/ win over "/".
        self.classes = sorted(classes, key=lambda route: len(route.prefix), reverse=True)
        self.default = default

    def _route_class(self, path: str) -> RouteClass:
        return next((c for c in self.classes if path.startswith(c.prefix)), self.default)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        route = self._route_class(scope["path"])
        headers = Headers(scope=scope)
        limit = route.limit(headers)
        declared = headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limit):
            if declared.isdigit() and int(declared) <= DRAIN_LIMIT:
                await _drain(receive)
            await _refuse(send, route, limit)
            return
        await _CappedRequest(self.app, route, limit).run(scope, receive, send)


class _CappedRequest:
    def __init__(self, app: ASGIApp, route: RouteClass, limit: int) -> None:
        self.app, self.route, self.limit = app, route, limit
        self.received = 0
        self.exceeded = False
        self.response_started = False

    async def run(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def capped_receive() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                self.received += len(message.get("body", b""))
                if self.received > self.limit:
                    self.exceeded = True
                    raise _BodyTooLarge()
            return message

        async def guarded_send(message: Message) -> None:
            # Whatever the application answers to a body cut short is replaced by the 413.
            if self.exceeded:
                return
            if message["type"] == "http.response.start":
                self.response_started = True
            await send(message)

        try:
            await self.app(scope, capped_receive, guarded_send)
        except Exception:
            if not self.exceeded:
                raise
        if self.exceeded and not self.response_started:
            await _refuse(send, self.route, self.limit)


async def _drain(receive: Receive) -> None:
    """Read and drop the rest of a body of a declared length (so it ends)."""
    while True:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body", False):
            return


async def _refuse(send: Send, route: RouteClass, limit: int) -> None:
    error = PayloadTooLarge(f"The request body is over {limit} bytes.")
    body = json.dumps(route.render(error)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
