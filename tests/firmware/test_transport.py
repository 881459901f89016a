"""The CPython transport on a real socket: the bytes a feeder request puts on the wire."""

import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from firmware.http_cpython import HttpClientTransport
from firmware.petio_feeder import FeederClient, FeederStatus
from firmware.transport import TransportError
from tests.support.live_server import free_port

REPLY = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n"
    b'{"status": "ok"}'
)


@dataclass
class OneShotServer:
    """Accepts one connection on 127.0.0.1, records the raw request, answers ``REPLY``."""

    listener: socket.socket
    received: list[bytes] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def serve_one(self) -> None:
        connection, _ = self.listener.accept()
        with connection:
            connection.settimeout(5)
            data = b""
            while b"\r\n\r\n" not in data:
                data += connection.recv(4096)
            head, _, body = data.partition(b"\r\n\r\n")
            length = next(
                int(line.split(b":")[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            )
            while len(body) < length:
                body += connection.recv(4096)
            self.received.append(head + b"\r\n\r\n" + body)
            connection.sendall(REPLY)


@pytest.fixture
def one_shot_server() -> Iterator[OneShotServer]:
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(10)
    server = OneShotServer(listener)
    thread = threading.Thread(target=server.serve_one, daemon=True)
    thread.start()
    yield server
    thread.join(timeout=10)
    listener.close()


def heartbeat_status() -> FeederStatus:
    return FeederStatus(wifi_rssi=-61, uptime=3600, daily_feeds=2, hopper_mm=120, hopper_pct=66)


class TestHttpClientTransport:
    def test_heartbeat_request_bytes(self, one_shot_server):
        # given
        client = FeederClient(
            one_shot_server.base_url,
            "ESP-0081CA63",
            "fleet",
            "k" * 48,
            HttpClientTransport(),
            lambda: 0,
        )
        # when
        response = client.heartbeat(heartbeat_status())
        # then
        head, _, body = one_shot_server.received[0].partition(b"\r\n\r\n")
        request_line, *header_lines = head.decode().split("\r\n")
        headers = dict(line.split(": ", 1) for line in header_lines)
        assert request_line == "POST /api/device/status/ HTTP/1.1"
        assert headers == {
            "Host": one_shot_server.base_url.removeprefix("http://"),
            "Accept-Encoding": "identity",
            "Content-Length": str(len(body)),
            "Content-Type": "application/json",
            "User-Agent": "ESP8266-PetFeeder/1.0",
            "Device-ID": "ESP-0081CA63",
            "X-API-Key": "fleet",
            "X-Device-Key": "k" * 48,
            "Connection": "close",
        }
        assert b'"timestamp": "1970-01-01T00:00:00Z"' in body
        assert (response.status, response.json()) == (200, {"status": "ok"})

    def test_nothing_listening_is_a_transport_error(self):
        # given
        client = FeederClient(f"http://127.0.0.1:{free_port()}", "ESP-0081CA63", "key")
        # when / then
        with pytest.raises(TransportError, match="POST http://127.0.0.1"):
            client.heartbeat(heartbeat_status())

    def test_unsupported_scheme_is_a_transport_error(self):
        # given
        client = FeederClient("ftp://127.0.0.1", "ESP-0081CA63", "key")
        # when / then
        with pytest.raises(TransportError, match="unsupported URL scheme"):
            client.heartbeat(heartbeat_status())
