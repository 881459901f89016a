"""Stand-ins for the firmware's transport and clock, for tests that need no network, and a
feeder's status as a unit reports it."""

import json
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from firmware.petio_feeder import FeederStatus
from firmware.transport import Response

OK_BODY = b'{"status": "ok", "message": "heartbeat received", "success": true}'


@dataclass
class SentRequest:
    method: str
    url: str
    headers: dict[str, str]
    body: bytes | None
    timeout: float


@dataclass
class RecordingTransport:
    """Answers every request with ``status``/``body`` and keeps what was sent."""

    status: int = 200
    body: bytes = OK_BODY
    sent: list[SentRequest] = field(default_factory=list)

    def request(self, method, url, headers, body=None, timeout=5.0):
        self.sent.append(SentRequest(method, url, dict(headers), body, timeout))
        return Response(self.status, self.body)


@dataclass
class FakeClock:
    """A monotonic clock that only moves when the code under test sleeps."""

    now: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def reply(body: dict | bytes | None = None, status: int = 200) -> Response:
    """A response with a JSON body written as the shim writes it (json.dumps defaults)."""
    if body is None or isinstance(body, bytes):
        return Response(status, body or b"")
    return Response(status, json.dumps(body).encode())


@dataclass
class RoutedTransport:
    """Answers by (method, path without the query): a queue of replies per route, the last one
    repeated; a route with no reply is a 404, a reply that is an exception is raised."""

    replies: dict[tuple[str, str], list] = field(default_factory=dict)
    sent: list[SentRequest] = field(default_factory=list)

    def on(self, method: str, path: str, *answers) -> "RoutedTransport":
        self.replies[(method, path)] = list(answers)
        return self

    def request(self, method, url, headers, body=None, timeout=5.0):
        self.sent.append(SentRequest(method, url, dict(headers), body, timeout))
        answers = self.replies.get((method, urlsplit(url).path))
        if not answers:
            return Response(404, b'{"detail": "Not Found"}')
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer

    def calls(self) -> list[tuple[str, str]]:
        """(method, path?query) of every request, in order."""
        calls = []
        for request in self.sent:
            parts = urlsplit(request.url)
            calls.append((request.method, parts.path + ("?" + parts.query if parts.query else "")))
        return calls


def status(**changes) -> FeederStatus:
    values = {
        "wifi_rssi": -61,
        "uptime": 3600,
        "daily_feeds": 2,
        "hopper_mm": 120,
        "hopper_pct": 66,
    }
    return FeederStatus(**{**values, **changes})
