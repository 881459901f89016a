import strawberry

from graphql_api.accounts import service as accounts_service
from graphql_api.accounts.types import (
    LoginInput,
    LoginPayload,
    LogoutInput,
    LogoutPayload,
    RegisterInput,
    RegisterPayload,
    User,
)
from graphql_api.mutation import MutationBoundary


@strawberry.type
class AccountQueries:
    @strawberry.field(description="The logged-in user; null without a valid token.")
    async def me(self, info: strawberry.Info) -> User | None:
        user = await accounts_service.get_me(info.context.session, info.context.viewer)
        return User.from_model(user) if user else None


@strawberry.type
class AccountMutations:
    @strawberry.mutation(
        description="Create an account (role OWNER).", extensions=[MutationBoundary()]
    )
    async def register(self, info: strawberry.Info, input: RegisterInput) -> RegisterPayload:
        registration = accounts_service.Registration(
            email=input.email,
            password=input.password,
            display_name=input.display_name,
            time_zone=input.time_zone,
        )
        user = await accounts_service.register(
            info.context.session, registration, info.context.attempts
        )
        return RegisterPayload(user=User.for_self(user))

    @strawberry.mutation(
        description="Exchange email and password for an access token.",
        extensions=[MutationBoundary()],
    )
    async def login(self, info: strawberry.Info, input: LoginInput) -> LoginPayload:
        access = await accounts_service.login(
            info.context.session,
            info.context.settings,
            input.email,
            input.password,
            info.context.now(),
            info.context.attempts,
        )
        return LoginPayload(
            access_token=access.token,
            expires_at=access.expires_at,
            user=User.for_self(access.user),
        )

    @strawberry.mutation(
        description=(
            "Revoke the access token this request carries (or, with `everywhere`, every token"
            " of the viewer); open websockets using it close with code 4401."
        ),
        extensions=[MutationBoundary()],
    )
    async def logout(self, info: strawberry.Info, input: LogoutInput) -> LogoutPayload:
        context = info.context
        await accounts_service.logout(
            context.session, context.viewer, context.token_claims, input.everywhere, context.now()
        )
        return LogoutPayload(revoked=True)
