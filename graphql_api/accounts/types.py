import datetime as dt
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

from graphql_api.accounts import service as accounts_service
from graphql_api.accounts.models import User as UserModel
from graphql_api.auth import Role as RoleEnum
from graphql_api.payloads import Payload
from graphql_api.relay import (
    After,
    Before,
    Connection,
    First,
    Last,
    build_connection,
    load_nodes,
    page_args,
)

if TYPE_CHECKING:
    from graphql_api.deliveries.types import NotificationWebhook
    from graphql_api.devices.types import Device
    from graphql_api.notifications.types import Notification, NotificationPreference
    from graphql_api.pets.types import Pet

# Their types import this module (a pet's owner is a User): resolved lazily.
_Pet = Annotated["Pet", strawberry.lazy("graphql_api.pets.types")]
_Device = Annotated["Device", strawberry.lazy("graphql_api.devices.types")]
_Notification = Annotated["Notification", strawberry.lazy("graphql_api.notifications.types")]
_NotificationWebhook = Annotated[
    "NotificationWebhook", strawberry.lazy("graphql_api.deliveries.types")
]
_NotificationPreference = Annotated[
    "NotificationPreference", strawberry.lazy("graphql_api.notifications.types")
]
_ONLY_SELF = " Null unless this user is the viewer (`me`)."

Role = strawberry.enum(RoleEnum, description="What a user may do beyond their own data.")


@strawberry.type(
    description=(
        "A person with an account. Every signed-in viewer sees any user's id and display name;"
        " email, role, time zone and sign-up date only the user themself and STAFF/ADMIN see"
        " (null for everyone else). Anonymous viewers see no user."
    )
)
class User(relay.Node):
    id: relay.NodeID[int]
    display_name: str = strawberry.field(
        description="Name shown to other people; visible to every signed-in viewer."
    )
    model: strawberry.Private[UserModel]
    # Register and login answer the person who just proved to be this user, before any token.
    shown_to_self: strawberry.Private[bool] = False

    @classmethod
    def from_model(cls, user: UserModel) -> "User":
        return cls(id=user.id, display_name=user.display_name, model=user)

    @classmethod
    def for_self(cls, user: UserModel) -> "User":
        """The user as shown to themself, whoever the request's viewer is (register, login)."""
        return cls(id=user.id, display_name=user.display_name, model=user, shown_to_self=True)

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(info.context.loaders.user_by_id, node_ids, cls.from_model)

    def _private(self, info: strawberry.Info) -> UserModel | None:
        """The model when the viewer may see this user's private facts, else None."""
        if self.shown_to_self or accounts_service.sees_private_facts(info.context.viewer, self.id):
            return self.model
        return None

    @strawberry.field(
        description="Login email, lower-cased. Null unless the viewer is this user or STAFF/ADMIN."
    )
    def email(self, info: strawberry.Info) -> str | None:
        private = self._private(info)
        return private.email if private else None

    @strawberry.field(
        description=(
            "OWNER by default; STAFF and ADMIN see every owner's data."
            " Null unless the viewer is this user or STAFF/ADMIN."
        )
    )
    def role(self, info: strawberry.Info) -> Role | None:
        private = self._private(info)
        return private.role if private else None

    @strawberry.field(
        description=(
            "IANA time zone; the user's feeding schedules run in it."
            " Null unless the viewer is this user or STAFF/ADMIN."
        )
    )
    def time_zone(self, info: strawberry.Info) -> str | None:
        private = self._private(info)
        return private.time_zone if private else None

    @strawberry.field(
        description=(
            "When the account was created. Null unless the viewer is this user or STAFF/ADMIN."
        )
    )
    def created_at(self, info: strawberry.Info) -> dt.datetime | None:
        private = self._private(info)
        return private.created_at if private else None

    # ---- the viewer's own lists, for a dashboard: `me { pets devices notifications }` -----------

    @strawberry.field(description="Their pets, oldest first." + _ONLY_SELF)
    async def pets(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[_Pet] | None:
        from graphql_api.pets.types import Pet  # noqa: PLC0415 - pets.types imports this module

        if not accounts_service.is_self(info.context.viewer, self.id):
            return None
        loaders = info.context.loaders
        args = page_args(info, first, after, last, before)
        page = await loaders.pet_page_by_owner_id.load((self.id, args))
        return build_connection(
            page, lambda: loaders.pet_count_by_owner_id.load(self.id), Pet.from_model
        )

    @strawberry.field(description="Their devices, oldest first." + _ONLY_SELF)
    async def devices(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[_Device] | None:
        from graphql_api.devices.types import device_connection  # noqa: PLC0415 - devices.types imports this module

        if not accounts_service.is_self(info.context.viewer, self.id):
            return None
        loaders = info.context.loaders
        args = page_args(info, first, after, last, before)
        page = await loaders.device_page_by_owner_id.load((self.id, (args, None)))
        return await device_connection(
            info, page, lambda: loaders.device_count_by_owner_id.load((self.id, None))
        )

    @strawberry.field(description="Their notification inbox, newest first." + _ONLY_SELF)
    async def notifications(
        self,
        info: strawberry.Info,
        unread_only: Annotated[bool, strawberry.argument(description="Only unread ones.")] = False,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[_Notification] | None:
        from graphql_api.notifications.types import Notification  # noqa: PLC0415 - cycle

        if not accounts_service.is_self(info.context.viewer, self.id):
            return None
        loaders = info.context.loaders
        args = page_args(info, first, after, last, before)
        page = await loaders.notification_page_by_recipient_id.load((self.id, (args, unread_only)))
        return build_connection(
            page,
            lambda: loaders.notification_count_by_recipient_id.load((self.id, unread_only)),
            Notification.from_model,
        )

    @strawberry.field(
        description="Where each kind of notification reaches them (app, email, both, digest)."
        + _ONLY_SELF
    )
    async def notification_preferences(
        self, info: strawberry.Info
    ) -> list[_NotificationPreference] | None:
        from graphql_api.notifications.types import NotificationPreference  # noqa: PLC0415 - cycle

        preferences = await info.context.loaders.notification_preferences_by_user_id.load(self.id)
        if preferences is None:
            return None
        return [NotificationPreference.from_preference(p) for p in preferences]

    @strawberry.field(
        description="Where their notifications are also POSTed (what is emailed at once)."
        + _ONLY_SELF
        + " Null too when they have none."
    )
    async def notification_webhook(self, info: strawberry.Info) -> _NotificationWebhook | None:
        from graphql_api.deliveries.types import NotificationWebhook  # noqa: PLC0415 - cycle

        endpoint = await info.context.loaders.notification_webhook_by_user_id.load(self.id)
        return NotificationWebhook.from_model(endpoint) if endpoint else None

    @strawberry.field(description="How many of their notifications are unread." + _ONLY_SELF)
    async def unread_notification_count(self, info: strawberry.Info) -> int | None:
        if not accounts_service.is_self(info.context.viewer, self.id):
            return None
        return await info.context.loaders.notification_count_by_recipient_id.load((self.id, True))


@strawberry.input(description="A new account.")
class RegisterInput:
    email: str = strawberry.field(description="Login email; must be unused.")
    password: str = strawberry.field(
        description="At least 10 characters, not only letters or digits."
    )
    display_name: str = strawberry.field(
        description="Name shown to other people, 1 to 80 characters."
    )
    time_zone: str = strawberry.field(
        default="UTC", description="IANA time zone, e.g. Asia/Manila."
    )


@strawberry.type(description="Result of register.")
class RegisterPayload(Payload):
    user: User | None = strawberry.field(default=None, description="The new account.")


@strawberry.input(description="Credentials to exchange for an access token.")
class LoginInput:
    email: str = strawberry.field(description="Login email.")
    password: str = strawberry.field(description="Password.")


@strawberry.type(description="Result of login.")
class LoginPayload(Payload):
    access_token: str | None = strawberry.field(
        default=None,
        description="Send as `Authorization: Bearer <token>` (HTTP) or in connection_init.",
    )
    expires_at: dt.datetime | None = strawberry.field(
        default=None, description="When the token stops working."
    )
    user: User | None = strawberry.field(default=None, description="The logged-in user.")


@strawberry.input(description="Which tokens to revoke.")
class LogoutInput:
    everywhere: bool = strawberry.field(
        default=False,
        description="Revoke every token of the viewer, not only the one this request carries.",
    )


@strawberry.type(description="Result of logout.")
class LogoutPayload(Payload):
    revoked: bool | None = strawberry.field(
        default=None, description="True once the token(s) stopped working."
    )
