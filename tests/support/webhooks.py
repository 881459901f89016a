"""A real HTTP server on loopback that keeps every POST it receives (webhook tests)."""

import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WAIT_TIMEOUT_S = 20.0


class WebhookReceiver(ThreadingHTTPServer):
    def __init__(self, status: int) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.status = status
        self.requests: list[tuple[dict[str, str], bytes]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hooks/pawgraph"

    async def wait_for(self, count: int = 1) -> list[tuple[dict[str, str], bytes]]:
        deadline = time.monotonic() + WAIT_TIMEOUT_S
        while len(self.requests) < count:
            assert time.monotonic() < deadline, f"{count} webhook posts not received"
            await asyncio.sleep(0.05)
        return list(self.requests)


class _Handler(BaseHTTPRequestHandler):
    server: WebhookReceiver

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.requests.append((dict(self.headers), body))
        self.send_response(self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@contextmanager
def webhook_receiver(status: int = 204) -> Iterator[WebhookReceiver]:
    """A receiver answering ``status`` to every POST, for the block."""
    server = WebhookReceiver(status)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
