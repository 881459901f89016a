import strawberry

from graphql_api.deliveries import service as deliveries_service
from graphql_api.deliveries.types import (
    NotificationWebhook,
    SetNotificationWebhookInput,
    SetNotificationWebhookPayload,
)
from graphql_api.mutation import MutationBoundary


@strawberry.type
class DeliveryMutations:
    @strawberry.mutation(
        description="Set (or with a null url remove) the URL the viewer's notifications are "
        "also POSTed to, signed; returns its new signing secret once. Read it on "
        "`me.notificationWebhook`.",
        extensions=[MutationBoundary()],
    )
    async def set_notification_webhook(
        self, info: strawberry.Info, input: SetNotificationWebhookInput
    ) -> SetNotificationWebhookPayload:
        context = info.context
        result = await deliveries_service.set_webhook(
            context.session,
            context.viewer,
            input.url,
            context.now(),
            public_only=deliveries_service.webhooks_public_only(context.settings),
        )
        webhook = NotificationWebhook.from_model(result.endpoint) if result.endpoint else None
        return SetNotificationWebhookPayload(webhook=webhook, signing_secret=result.secret)
