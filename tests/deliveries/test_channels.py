"""The webhook channel: a signed JSON POST to a real HTTP server on loopback."""

import ipaddress
import json
from collections.abc import Iterator
from dataclasses import replace

import pytest

from graphql_api.deliveries.channels import (
    SIGNATURE_HEADER,
    Channel,
    DeliveryFailed,
    OutgoingMessage,
    WebhookChannel,
    is_public_address,
    verify_webhook_signature,
)
from tests.support.webhooks import WebhookReceiver, webhook_receiver

SECRET = "whsec-test-0123456789"
MESSAGE = OutgoingMessage(
    7, "", "[pawgraph] Alert: Heater outlet", "Heater outlet: overload", signing_secret=SECRET
)


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    with webhook_receiver(204) as server:
        yield server


@pytest.fixture
def refusing() -> Iterator[WebhookReceiver]:
    with webhook_receiver(503) as server:
        yield server


class TestWebhookChannel:
    async def test_posts_signed_json(self, receiver):
        # given
        channel: Channel = WebhookChannel()

        # when
        await channel.send(replace(MESSAGE, to=receiver.url))

        # then
        [(headers, body)] = receiver.requests
        assert json.loads(body) == {
            "delivery_id": 7,
            "subject": "[pawgraph] Alert: Heater outlet",
            "text": "Heater outlet: overload",
        }
        assert headers["Content-Type"] == "application/json"
        assert verify_webhook_signature(SECRET, headers[SIGNATURE_HEADER], body)
        assert not verify_webhook_signature("another-secret", headers[SIGNATURE_HEADER], body)
        assert not verify_webhook_signature(SECRET, headers[SIGNATURE_HEADER], body + b" ")

    async def test_a_non_2xx_answer_is_a_failed_delivery(self, refusing):
        # when
        with pytest.raises(DeliveryFailed, match="webhook answered 503") as failed:
            await WebhookChannel().send(replace(MESSAGE, to=refusing.url))

        # then
        assert not failed.value.server_down


def by_name(receiver: WebhookReceiver) -> str:
    """The receiver's URL with its host given by name (localhost resolves to loopback)."""
    return receiver.url.replace("127.0.0.1", "localhost")


class TestPublicOnlyWebhooks:
    """Production's channel resolves the URL's host, refuses one that resolves to an address
    it may not reach, and POSTs to the address it checked."""

    async def test_a_name_resolving_to_loopback_is_refused_and_nothing_is_sent(self, receiver):
        # given
        channel = WebhookChannel(allowed=is_public_address)

        # when
        with pytest.raises(DeliveryFailed, match="resolves to an address it may not reach"):
            await channel.send(replace(MESSAGE, to=by_name(receiver)))

        # then
        assert receiver.requests == []

    async def test_a_name_that_does_not_resolve_is_a_failed_delivery(self):
        # given: .invalid never resolves (RFC 6761)
        channel = WebhookChannel(allowed=is_public_address)

        # when
        with pytest.raises(DeliveryFailed, match="does not resolve") as failed:
            await channel.send(replace(MESSAGE, to="https://hooks.pawgraph.invalid/in"))

        # then
        assert not failed.value.server_down

    async def test_the_post_goes_to_the_checked_address_under_the_urls_host(self, receiver):
        # given: a check that allows loopback, so the receiver here can stand for a public host
        checked: list[str] = []

        def allowed(address) -> bool:
            checked.append(str(address))
            return True

        url = by_name(receiver)

        # when
        await WebhookChannel(allowed=allowed).send(replace(MESSAGE, to=url))

        # then
        [(headers, body)] = receiver.requests
        assert headers["Host"] == url.split("/")[2]
        assert "127.0.0.1" in checked
        assert verify_webhook_signature(SECRET, headers[SIGNATURE_HEADER], body)


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:2800:220:1:248:1893:25c8:1946", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("169.254.169.254", False),
        ("::1", False),
        ("fd00::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:10.0.0.1", False),
    ],
)
def test_public_addresses(address: str, public: bool):
    assert is_public_address(ipaddress.ip_address(address)) is public
