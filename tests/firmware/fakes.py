"""Stand-ins for the firmware's transport and clock, for tests that need no network."""

from dataclasses import dataclass, field

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
