import datetime as dt

import strawberry

from graphql_api.deliveries.models import WebhookEndpoint
from graphql_api.payloads import Payload


@strawberry.type(
    description="Where the viewer's notifications are also POSTed as JSON: what is emailed at "
    "once (EMAIL or BOTH kinds), signed in the X-Pawgraph-Signature header "
    '(`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with the signing secret).'
)
class NotificationWebhook:
    url: str = strawberry.field(description="The URL each notification is POSTed to.")
    created_at: dt.datetime = strawberry.field(
        description="When it was set (and its signing secret made)."
    )

    @classmethod
    def from_model(cls, endpoint: WebhookEndpoint) -> "NotificationWebhook":
        return cls(url=endpoint.url, created_at=endpoint.created_at)


@strawberry.input(description="Set or remove the viewer's notification webhook.")
class SetNotificationWebhookInput:
    url: str | None = strawberry.field(
        description="An absolute http(s) URL (https, to a public host, in production); null "
        "removes the webhook."
    )


@strawberry.type(description="Result of setNotificationWebhook.")
class SetNotificationWebhookPayload(Payload):
    webhook: NotificationWebhook | None = strawberry.field(
        default=None, description="The webhook now; null once removed."
    )
    signing_secret: str | None = strawberry.field(
        default=None,
        description="The key its posts are signed with, new each time it is set: shown only here.",
    )
