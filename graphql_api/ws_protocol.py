"""The websocket protocol the API is served with: uvicorn's (on websockets' sans-I/O core),
holding less for every open socket.

An idle subscription is mostly its socket's state, and uvicorn's protocol keeps three things
for the whole life of a socket that it needs only for a moment (tracemalloc, 500 idle
subscribers, issue 13):

* the handshake request, headers and all (~3 KB): it builds the ASGI scope from it and never
  reads it again;
* the handshake response (~1 KB), once it is sent;
* an ``asyncio.Queue`` for what it hands the app and an ``asyncio.Event`` for "the transport
  can take more": five deques, each 760 bytes however empty it is.

:class:`LeanWebSocketProtocol` lets the first two go once they are used and keeps the other
two in a list each.

It also offers the app a way to write a text message at once, from outside the socket's own
task: :meth:`LeanWebSocketProtocol.send_text_now`, in the scope's ``extensions`` under
``SEND_TEXT_NOW`` (graphql_api.http writes shared subscription results with it).

``pawgraph serve`` runs it; with bare uvicorn pass
``--ws graphql_api.ws_protocol:LeanWebSocketProtocol``.
"""

import asyncio
from typing import Any

from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol
from websockets.exceptions import InvalidState
from websockets.http11 import Request

# uvicorn's --ws (Config.ws) takes a class by its import path.
IMPORT_PATH = "graphql_api.ws_protocol:LeanWebSocketProtocol"
# The ASGI scope's extension under which the app finds :meth:`send_text_now`.
SEND_TEXT_NOW = "pawgraph.websocket.send_text_now"


class _Inbox:
    """What the protocol queues for the app (connect, each message, disconnect), in order:
    what uvicorn asks of its ``asyncio.Queue`` (``put_nowait``, ``get``, ``empty``)."""

    __slots__ = ("_items", "_getters")

    def __init__(self) -> None:
        self._items: list[Any] = []
        self._getters: list[asyncio.Future[None]] = []

    def put_nowait(self, item: Any) -> None:
        self._items.append(item)
        self._wake_next()

    async def get(self) -> Any:
        while not self._items:
            getter = asyncio.get_running_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except BaseException:
                if getter in self._getters:
                    self._getters.remove(getter)
                if self._items and not getter.cancelled():
                    # Woken, then cancelled before it took the item: the next getter takes it.
                    self._wake_next()
                raise
        return self._items.pop(0)

    def empty(self) -> bool:
        return not self._items

    def _wake_next(self) -> None:
        while self._getters:
            getter = self._getters.pop(0)
            if not getter.done():
                getter.set_result(None)
                return


class _Writable:
    """Whether the transport takes more data (cleared by ``pause_writing``, set again by
    ``resume_writing`` or when the connection is lost): what uvicorn asks of its
    ``asyncio.Event`` (``wait``, ``set``, ``clear``)."""

    __slots__ = ("_open", "_waiters")

    def __init__(self) -> None:
        self._open = True
        self._waiters: list[asyncio.Future[None]] = []

    def is_set(self) -> bool:
        return self._open

    def set(self) -> None:
        self._open = True
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    def clear(self) -> None:
        self._open = False

    async def wait(self) -> bool:
        if self._open:
            return True
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await waiter
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)
        return True


class LeanWebSocketProtocol(WebSocketsSansIOProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.queue = _Inbox()  # type: ignore[assignment]
        self.writable = _Writable()  # type: ignore[assignment]

    def handle_connect(self, event: Request) -> None:
        super().handle_connect(event)
        # The app reads the request from the scope, which holds its headers as bytes. uvicorn
        # keeps the request too, and so does websockets' parser (a local of its generator,
        # suspended for as long as the socket is open): its headers are emptied here.
        event.headers.clear()
        self.request = None
        self.scope["extensions"][SEND_TEXT_NOW] = self.send_text_now  # type: ignore[index]

    def connection_lost(self, exc: Exception | None) -> None:
        super().connection_lost(exc)
        # The scope and this method refer to each other: let go, rather than wait for the
        # cyclic collector.
        extensions = getattr(self, "scope", {}).get("extensions") or {}
        extensions.pop(SEND_TEXT_NOW, None)

    def send_text_now(self, *texts: str) -> bool:
        """Write each of ``texts`` as a message now, in one write, as ``send`` would write
        ``websocket.send``s, for a caller that cannot await. False, and nothing written, while
        the socket is not open for messages (not accepted yet, closing, closed) or its transport
        takes no more (``send`` would wait): the caller then takes the awaiting path."""
        if (
            not self.handshake_complete
            or self.close_sent
            or self.disconnected
            or self.initial_response is not None
            or not self.writable.is_set()
            or self.transport.is_closing()
        ):
            return False
        try:
            for text in texts:
                self.conn.send_text(text.encode())
        except InvalidState:
            return False
        self.transport.write(b"".join(self.conn.data_to_send()))
        return True

    def start_keepalive(self) -> None:
        # Called once the handshake's response is sent (accepted): nothing reads it again.
        self.response = None
        super().start_keepalive()
