import datetime as dt

import strawberry
from strawberry import relay

from graphql_api.accounts import service as accounts_service
from graphql_api.accounts.models import User as UserModel
from graphql_api.auth import Role as RoleEnum
from graphql_api.mutation import Payload
from graphql_api.relay import load_nodes

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
