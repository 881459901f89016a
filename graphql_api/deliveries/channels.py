"""The ways a delivery leaves pawgraph: a :class:`Channel` per ``DeliveryChannel``.

Email (SMTP, through aiosmtplib), and webhooks (a JSON POST to the user's URL, signed with
their endpoint's secret). Another channel (push) is another class with the same ``send``, a
``DeliveryChannel`` member, and an entry in ``service.channels_for``.
"""

import asyncio
import hashlib
import hmac
import ipaddress
import json
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Protocol

import aiosmtplib
import httpx

from graphql_api.settings import SmtpServer, SmtpTls


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    delivery_id: int
    # The address on the channel (an email address, a webhook URL).
    to: str
    subject: str
    body: str
    # The key a webhook message is signed with (the user's endpoint's).
    signing_secret: str | None = None


class DeliveryFailed(Exception):
    """A message was not delivered this time; ``server_down`` when the channel could not be
    reached at all (the rest of a batch would fail the same way: the sender stops there)."""

    def __init__(self, message: str, *, server_down: bool = False) -> None:
        super().__init__(message)
        self.server_down = server_down


class Channel(Protocol):
    async def send(self, message: OutgoingMessage) -> None:
        """Deliver ``message`` or raise :class:`DeliveryFailed`."""
        ...


class EmailChannel:
    """Each message over its own SMTP connection, TLS as the settings say."""

    def __init__(self, server: SmtpServer) -> None:
        self._server = server

    def _email(self, message: OutgoingMessage) -> EmailMessage:
        email = EmailMessage()
        email["From"] = self._server.sender
        email["To"] = message.to
        email["Subject"] = message.subject
        # Stable per delivery: a receiving server can spot a resend after a lost reply.
        email["Message-ID"] = make_msgid(idstring=f"delivery-{message.delivery_id}")
        email["X-Pawgraph-Delivery"] = str(message.delivery_id)
        email.set_content(message.body)
        return email

    async def send(self, message: OutgoingMessage) -> None:
        server = self._server
        try:
            await aiosmtplib.send(
                self._email(message),
                hostname=server.host,
                port=server.port,
                username=server.username,
                password=server.password,
                use_tls=server.tls is SmtpTls.TLS,
                start_tls=True if server.tls is SmtpTls.STARTTLS else False,
                timeout=server.timeout,
            )
        except (aiosmtplib.SMTPConnectError, aiosmtplib.SMTPServerDisconnected, OSError) as error:
            raise DeliveryFailed(f"SMTP server unreachable: {error}", server_down=True) from error
        except aiosmtplib.SMTPTimeoutError as error:
            raise DeliveryFailed(f"SMTP timeout: {error}", server_down=True) from error
        except aiosmtplib.SMTPException as error:
            raise DeliveryFailed(f"SMTP refused: {error}") from error


SIGNATURE_HEADER = "X-Pawgraph-Signature"


def webhook_signature(secret: str, timestamp: int, body: bytes) -> str:
    """``t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">``: the timestamp is signed too,
    so a receiver can refuse a replayed request."""
    signed = f"{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify_webhook_signature(
    secret: str, header: str, body: bytes, *, now: float | None = None, tolerance: float = 300.0
) -> bool:
    """What a receiver runs: the signature matches and is at most ``tolerance`` seconds old."""
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs((time.time() if now is None else now) - timestamp) > tolerance:
        return False
    expected = webhook_signature(secret, timestamp, body)
    return hmac.compare_digest(expected, header)


AddressCheck = Callable[[ipaddress.IPv4Address | ipaddress.IPv6Address], bool]


def is_public_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global


class WebhookChannel:
    """POSTs each message as JSON to its ``to`` (the user's webhook URL), signed with its
    ``signing_secret`` in :data:`SIGNATURE_HEADER`. A 2xx answer delivers it; any other answer
    or a connection failure is a :class:`DeliveryFailed` (never ``server_down``: one user's
    endpoint being away says nothing about the next one's). Redirects are not followed.

    With ``allowed`` (production: public addresses only), the URL's host is resolved first, and
    every address it resolves to must pass; the POST then goes to one of those addresses (the
    ``Host`` header and TLS name stay the URL's). Checking the URL's text alone would let a
    name that resolves to a private address (or that is re-pointed there between the check and
    the connection) reach the server's own network."""

    def __init__(self, *, timeout: float = 10.0, allowed: AddressCheck | None = None) -> None:
        self._timeout = timeout
        self._allowed = allowed

    async def send(self, message: OutgoingMessage) -> None:
        body = json.dumps(
            {"delivery_id": message.delivery_id, "subject": message.subject, "text": message.body},
            separators=(",", ":"),
        ).encode()
        headers = {
            "Content-Type": "application/json",
            "X-Pawgraph-Delivery": str(message.delivery_id),
            SIGNATURE_HEADER: webhook_signature(
                message.signing_secret or "", int(time.time()), body
            ),
        }
        url = httpx.URL(message.to)
        if self._allowed is None:
            response = await self._post(url, body, headers)
        else:
            response = await self._post_pinned(url, body, headers, self._allowed)
        if not response.is_success:
            raise DeliveryFailed(f"webhook answered {response.status_code}")

    async def _post(
        self, url: httpx.URL, body: bytes, headers: dict[str, str], **extensions: str
    ) -> httpx.Response:
        try:
            async with httpx.AsyncClient(timeout=self._timeout, follow_redirects=False) as client:
                return await client.post(url, content=body, headers=headers, extensions=extensions)
        except httpx.HTTPError as error:
            raise DeliveryFailed(f"webhook unreachable: {error!r}") from error

    async def _post_pinned(
        self, url: httpx.URL, body: bytes, headers: dict[str, str], allowed: AddressCheck
    ) -> httpx.Response:
        """POST to the checked addresses of ``url``'s host in turn, until one connects."""
        headers = {**headers, "Host": url.netloc.decode("ascii")}
        addresses = await _checked_addresses(url, allowed)
        for address in addresses[:-1]:
            try:
                return await self._post(
                    url.copy_with(host=address), body, headers, sni_hostname=url.host
                )
            except DeliveryFailed as failed:
                if not isinstance(failed.__cause__, httpx.ConnectError):
                    raise
        return await self._post(
            url.copy_with(host=addresses[-1]), body, headers, sni_hostname=url.host
        )


async def _checked_addresses(url: httpx.URL, allowed: AddressCheck) -> list[str]:
    """The addresses of ``url``'s host, once every one of them is allowed."""
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        found = await asyncio.get_running_loop().getaddrinfo(
            url.host, port, type=socket.SOCK_STREAM
        )
    except (socket.gaierror, UnicodeError) as error:
        raise DeliveryFailed(f"webhook host {url.host!r} does not resolve: {error}") from error
    addresses = [str(info[4][0]) for info in found]
    refused = [a for a in addresses if not allowed(ipaddress.ip_address(a))]
    if not addresses or refused:
        raise DeliveryFailed(
            f"webhook host {url.host!r} resolves to an address it may not reach: "
            f"{', '.join(refused) or 'none'}"
        )
    return list(dict.fromkeys(addresses))
