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
    """The running server: ``url`` its websocket root, ``protocols()`` its open connections."""

    def __init__(self, server: uvicorn.Server, port: int) -> None:
        self.server = server
        self.url = f"ws://127.0.0.1:{port}/"

    def protocols(self) -> list[Any]:
        return list(self.server.server_state.connections)


@contextlib.asynccontextmanager
async def serving(app: Callable[..., Any], lifespan: str = "off") -> AsyncIterator[Served]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    config = uvicorn.Config(
        app,
        ws=ws_protocol.IMPORT_PATH,
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
