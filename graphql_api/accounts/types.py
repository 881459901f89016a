import datetime as dt

import strawberry
from strawberry import relay

from graphql_api.accounts.models import User as UserModel
from graphql_api.auth import Role as RoleEnum
from graphql_api.mutation import Payload
from graphql_api.relay import node_ids_to_ints

Role = strawberry.enum(RoleEnum, description="What a user may do beyond their own data.")


@strawberry.type(description="A person with an account.")
class User(relay.Node):
    id: relay.NodeID[int]
    email: str = strawberry.field(description="Login email, lower-cased.")
    display_name: str = strawberry.field(description="Name shown to other people.")
    role: Role = strawberry.field(
        description="OWNER by default; STAFF and ADMIN see every owner's data."
    )
    time_zone: str = strawberry.field(
        description="IANA time zone; the user's feeding schedules run in it."
    )
    created_at: dt.datetime = strawberry.field(description="When the account was created.")

    @classmethod
    def from_model(cls, user: UserModel) -> "User":
        return cls(
            id=user.id,
            email=user.email,
            display_name=user.display_name,
            role=user.role,
            time_zone=user.time_zone,
            created_at=user.created_at,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        loaded = await info.context.loaders.user_by_id.load_many(node_ids_to_ints(node_ids))
        return [cls.from_model(user) if user else None for user in loaded]


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
