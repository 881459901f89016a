from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry

from graphql_api.mutation import MutationBoundary
from graphql_api.notifications import service as notifications_service
from graphql_api.notifications.types import (
    MarkNotificationsReadInput,
    MarkNotificationsReadPayload,
    Notification,
    NotificationKind,
    NotificationOrder,
    SetNotificationKindMutedInput,
    SetNotificationKindMutedPayload,
    SetNotificationPreferencesInput,
    SetNotificationPreferencesPayload,
)
from graphql_api.notifications.types import NotificationPreference as NotificationPreferenceType
from graphql_api.relay import (
    After,
    Before,
    Connection,
    First,
    Last,
    build_connection,
    decode_id,
    page_args,
)


@strawberry.type
class NotificationQueries:
    @strawberry.field(description="The viewer's notification inbox.")
    async def notifications(
        self,
        info: strawberry.Info,
        order: Annotated[
            NotificationOrder, strawberry.argument(description="Newest first, or unread first.")
        ] = NotificationOrder.NEWEST_FIRST,
        unread_only: Annotated[bool, strawberry.argument(description="Only unread ones.")] = False,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Notification]:
        page, count = await notifications_service.list_for_viewer(
            info.context.session,
            info.context.viewer,
            page_args(info, first, after, last, before),
            order=notifications_service.NotificationOrder(order),
            unread_only=unread_only,
        )
        return build_connection(page, count, Notification.from_model)

    @strawberry.field(description="How many of the viewer's notifications are unread.")
    async def unread_notification_count(self, info: strawberry.Info) -> int:
        return await notifications_service.unread_count(info.context.session, info.context.viewer)

    @strawberry.field(description="The kinds of notification the viewer has muted.")
    async def muted_notification_kinds(self, info: strawberry.Info) -> list[NotificationKind]:
        return await notifications_service.muted_kinds(info.context.session, info.context.viewer)


@strawberry.type
class NotificationMutations:
    @strawberry.mutation(
        description="Mark some of the viewer's notifications read (`ids`), or all (`all: true`).",
        extensions=[MutationBoundary()],
    )
    async def mark_notifications_read(
        self, info: strawberry.Info, input: MarkNotificationsReadInput
    ) -> MarkNotificationsReadPayload:
        ids = None
        if input.ids is not None:
            ids = [decode_id(global_id, Notification, "ids") for global_id in input.ids]
        marked = await notifications_service.mark_read(
            info.context.session, info.context.viewer, info.context.now(), ids=ids, every=input.all
        )
        return MarkNotificationsReadPayload(
            notifications=[Notification.from_model(n) for n in marked.notifications],
            unread_count=marked.unread_count,
        )

    @strawberry.mutation(
        description="Stop (muted: true) or resume receiving one kind of notification.",
        extensions=[MutationBoundary()],
    )
    async def set_notification_kind_muted(
        self, info: strawberry.Info, input: SetNotificationKindMutedInput
    ) -> SetNotificationKindMutedPayload:
        kinds = await notifications_service.set_kind_muted(
            info.context.session, info.context.viewer, input.kind, input.muted
        )
        return SetNotificationKindMutedPayload(muted_kinds=kinds)

    @strawberry.mutation(
        description="Choose where some kinds of notification reach the viewer: the app, email, "
        "both, or a periodic email digest (social kinds). Read them on "
        "`me.notificationPreferences`.",
        extensions=[MutationBoundary()],
    )
    async def set_notification_preferences(
        self, info: strawberry.Info, input: SetNotificationPreferencesInput
    ) -> SetNotificationPreferencesPayload:
        preferences = await notifications_service.set_preferences(
            info.context.session, info.context.viewer, input.to_data(), info.context.now()
        )
        return SetNotificationPreferencesPayload(
            preferences=[NotificationPreferenceType.from_preference(p) for p in preferences]
        )


@strawberry.type
class NotificationSubscriptions:
    @strawberry.subscription(
        description="Each new notification for the viewer, as it is sent, from any API process."
    )
    async def notification_received(
        self, info: strawberry.Info
    ) -> AsyncGenerator[Notification, None]:
        context = info.context
        channel = notifications_service.live_channel(context.viewer)
        async with context.subscribe(channel) as messages:
            async for message in messages:
                notification = await context.in_short_session(
                    lambda session, message=message: notifications_service.received(
                        session, context.viewer, message
                    )
                )
                if notification is not None:
                    # Relations load through the connection's loaders: drop what an earlier
                    # event cached so this one is rendered fresh.
                    context.loaders.clear_all()
                    yield Notification.from_model(notification)
