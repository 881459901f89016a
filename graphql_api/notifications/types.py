import datetime as dt
import inspect

import strawberry
from strawberry import relay

from graphql_api.accounts.types import User
from graphql_api.notifications.models import Notification as NotificationModel
from graphql_api.notifications.models import NotificationDelivery as NotificationDeliveryEnum
from graphql_api.notifications.models import NotificationKind as NotificationKindEnum
from graphql_api.notifications.service import DeliveryPreference
from graphql_api.notifications.service import NotificationOrder as NotificationOrderEnum
from graphql_api.payloads import Payload
from graphql_api.relay import load_nodes

NotificationKind = strawberry.enum(
    NotificationKindEnum, description="What a notification is about."
)
NotificationDelivery = strawberry.enum(
    NotificationDeliveryEnum,
    description="Where one kind of notification reaches a user: IN_APP (the inbox), EMAIL "
    "(email only), BOTH, or DIGEST (the inbox, plus one email per period gathering them; social "
    "kinds only). Email is sent after the change commits, from an outbox, with retries.",
)
NotificationOrder = strawberry.enum(
    NotificationOrderEnum,
    description="NEWEST_FIRST, or UNREAD_FIRST: unread newest first, then read newest first.",
)


@strawberry.type(description="Something that happened that the viewer should know about.")
class Notification(relay.Node):
    id: relay.NodeID[int]
    kind: NotificationKind = strawberry.field(description="What it is about.")
    text: str = strawberry.field(description="What happened, in words fit to show.")
    created_at: dt.datetime = strawberry.field(description="When it was sent.")
    read_at: dt.datetime | None = strawberry.field(
        description="When the viewer read it, if they have."
    )
    model: strawberry.Private[NotificationModel]

    @classmethod
    def from_model(cls, notification: NotificationModel) -> "Notification":
        return cls(
            id=notification.id,
            kind=notification.kind,
            text=notification.text,
            created_at=notification.created_at,
            read_at=notification.read_at,
            model=notification,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(info.context.loaders.notification_by_id, node_ids, cls.from_model)

    @strawberry.field(description="Whether the viewer has read it.")
    def read(self) -> bool:
        return self.model.read_at is not None

    @strawberry.field(description="Who caused it; null if no person did or their account is gone.")
    async def actor(self, info: strawberry.Info) -> User | None:
        if self.model.actor_id is None:
            return None
        user = await info.context.loaders.user_by_id.load(self.model.actor_id)
        return User.from_model(user) if user else None

    @strawberry.field(description="Global ID of the object it is about, even if it is gone.")
    def target_id(self) -> relay.GlobalID | None:
        if self.model.target_type is None or self.model.target_id is None:
            return None
        return relay.GlobalID(self.model.target_type, str(self.model.target_id))

    @strawberry.field(description="The object it is about; null once it is gone or not yours.")
    async def target(self, info: strawberry.Info) -> relay.Node | None:
        if self.model.target_type is None or self.model.target_id is None:
            return None
        definition = info.schema.get_type_by_name(self.model.target_type)
        node_type = getattr(definition, "origin", None)
        if not (isinstance(node_type, type) and issubclass(node_type, relay.Node)):
            return None
        # Each type's resolve_nodes loads through its DataLoader, so a page of notifications
        # fetches its targets in one query per type.
        nodes = node_type.resolve_nodes(info=info, node_ids=[str(self.model.target_id)])
        if inspect.isawaitable(nodes):
            nodes = await nodes
        return next(iter(nodes), None)


@strawberry.input(description="Which of the viewer's notifications to mark read.")
class MarkNotificationsReadInput:
    ids: list[relay.GlobalID] | None = strawberry.field(
        default=None, description="These notifications (1 to 100 of the viewer's own)."
    )
    all: bool = strawberry.field(default=False, description="Every unread notification instead.")


@strawberry.type(description="Result of markNotificationsRead.")
class MarkNotificationsReadPayload(Payload):
    notifications: list[Notification] | None = strawberry.field(
        default=None, description="The notifications named by `ids`, now read; empty with `all`."
    )
    unread_count: int | None = strawberry.field(
        default=None, description="How many unread notifications the viewer has left."
    )


@strawberry.input(description="Stop or resume receiving one kind of notification.")
class SetNotificationKindMutedInput:
    kind: NotificationKind = strawberry.field(description="The kind.")
    muted: bool = strawberry.field(description="True to stop receiving it, false to resume.")


@strawberry.type(description="Result of setNotificationKindMuted.")
class SetNotificationKindMutedPayload(Payload):
    muted_kinds: list[NotificationKind] | None = strawberry.field(
        default=None, description="Every kind the viewer has muted now."
    )


@strawberry.type(description="How the viewer gets one kind of notification.")
class NotificationPreference:
    kind: NotificationKind = strawberry.field(description="The kind.")
    delivery: NotificationDelivery = strawberry.field(description="Where it reaches the viewer.")
    chosen: bool = strawberry.field(
        description="Whether the viewer chose it; false: the default (alerts BOTH, others IN_APP)."
    )
    digest_allowed: bool = strawberry.field(
        description="Whether DIGEST may be chosen for this kind (social kinds only)."
    )

    @classmethod
    def from_preference(cls, preference: DeliveryPreference) -> "NotificationPreference":
        return cls(
            kind=preference.kind,
            delivery=preference.delivery,
            chosen=preference.chosen,
            digest_allowed=preference.digest_allowed,
        )


@strawberry.input(description="How to deliver one kind of notification.")
class NotificationPreferenceInput:
    kind: NotificationKind = strawberry.field(description="The kind.")
    delivery: NotificationDelivery = strawberry.field(
        description="Where it should reach the viewer (DIGEST: social kinds only)."
    )


@strawberry.input(description="Change how the viewer gets some kinds of notification.")
class SetNotificationPreferencesInput:
    preferences: list[NotificationPreferenceInput] = strawberry.field(
        description="One per kind to change (each kind at most once); other kinds keep theirs."
    )

    def to_data(self) -> list[tuple[NotificationKindEnum, NotificationDeliveryEnum]]:
        return [
            (NotificationKindEnum(item.kind), NotificationDeliveryEnum(item.delivery))
            for item in self.preferences
        ]


@strawberry.type(description="Result of setNotificationPreferences.")
class SetNotificationPreferencesPayload(Payload):
    preferences: list[NotificationPreference] | None = strawberry.field(
        default=None, description="Every kind's delivery for the viewer, after the change."
    )
