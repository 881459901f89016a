"""A real SMTP server on loopback (aiosmtpd), for email delivery tests: it keeps every message
it accepted, and can be stopped and started again on the same port (an SMTP outage)."""

import asyncio
import threading
import time
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from tests.support.live_server import free_port

WAIT_TIMEOUT_S = 20.0


@dataclass(frozen=True, slots=True)
class ReceivedMail:
    recipients: list[str]
    message: EmailMessage

    @property
    def subject(self) -> str:
        # Unfolded as mail clients show it (a long subject is folded after "Subject:").
        return " ".join(str(self.message["Subject"]).split())

    @property
    def body(self) -> str:
        return self.message.get_content()


class _Keep:
    def __init__(self, sink: "MailSink") -> None:
        self._sink = sink

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd's name)
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self._sink.keep(ReceivedMail([r.lower() for r in envelope.rcpt_tos], message))
        return "250 Message accepted for delivery"


class MailSink:
    """``start()`` / ``stop()`` an SMTP server on ``port`` (a free one unless given)."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self._received: list[ReceivedMail] = []
        self._lock = threading.Lock()
        self._controller: Controller | None = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def keep(self, mail: ReceivedMail) -> None:
        with self._lock:
            self._received.append(mail)

    def start(self) -> "MailSink":
        self._controller = Controller(_Keep(self), hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def to(self, address: str) -> list[ReceivedMail]:
        """Every message received for ``address``, in arrival order."""
        with self._lock:
            return [mail for mail in self._received if address.lower() in mail.recipients]

    async def wait_for(self, address: str, count: int = 1) -> list[ReceivedMail]:
        """Wait (bounded) until ``count`` messages for ``address`` arrived; returns them all."""
        deadline = time.monotonic() + WAIT_TIMEOUT_S
        while len(self.to(address)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{count} emails to {address} not received: {self.to(address)}"
                )
            await asyncio.sleep(0.05)
        return self.to(address)
