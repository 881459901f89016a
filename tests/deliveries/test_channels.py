"""The webhook channel: a signed JSON POST to a real HTTP server on loopback."""

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
