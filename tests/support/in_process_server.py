"""An ASGI app under a real uvicorn server in the test's own process and event loop, with the
websocket protocol ``pawgraph serve`` runs: for tests that look at what the server holds."""

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator, Callable
from typing import Any

import uvicorn

from graphql_api import ws_protocol

START_TIMEOUT_S = 30.0


class Served:
    """The running server: ``url`` its websocket root, ``protocols()`` its open connections;
    and the URLs of a LiveServer, for the GraphQL client and device factories."""

    def __init__(self, server: uvicorn.Server, port: int) -> None:
        self.server = server
        self.url = f"ws://127.0.0.1:{port}/"
        self.base_url = f"http://127.0.0.1:{port}"
        self.graphql_url = f"{self.base_url}/graphql"
        self.ws_url = f"{self.url}graphql"

    def protocols(self) -> list[Any]:
        return list(self.server.server_state.connections)


@contextlib.asynccontextmanager
async def serving(
    app: Callable[..., Any],
    lifespan: str = "off",
    send_buffer: int | None = None,
    ws: str = ws_protocol.IMPORT_PATH,
) -> AsyncIterator[Served]:
    """``app`` served until the block ends; ``send_buffer`` fixes the kernel's send buffer of
    every connection (accepted sockets inherit it from the listener) instead of letting it grow
    to what ``net.ipv4.tcp_wmem`` allows, which differs from host to host; ``ws`` is uvicorn's
    websocket protocol (``--ws``)."""
    listener = socket.socket()
    if send_buffer is not None:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, send_buffer)
    listener.bind(("127.0.0.1", 0))
    config = uvicorn.Config(
        app,
        ws=ws,
        lifespan=lifespan,
        log_level="warning",
        ws_ping_interval=None,
    )
    server = uvicorn.Server(config)
    serve = asyncio.create_task(server.serve(sockets=[listener]))
    try:
        async with asyncio.timeout(START_TIMEOUT_S):
            while not server.started:
                await asyncio.sleep(0.01)
        yield Served(server, listener.getsockname()[1])
    finally:
        server.should_exit = True
        await asyncio.wait_for(serve, START_TIMEOUT_S)
        listener.close()
