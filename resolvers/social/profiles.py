"""Profile root fields: the viewer's own and other users'."""

from typing import Annotated

import strawberry

from graphql_api.mutation import MutationBoundary
from graphql_api.social.profiles import service as profiles_service
from graphql_api.social.profiles.types import Profile, UpdateProfileInput, UpdateProfilePayload
from resolvers.social.arguments import INPUT, UserId, user_pk


@strawberry.type
class ProfileQueries:
    @strawberry.field(description="The viewer's own profile.")
    async def my_profile(self, info: strawberry.Info) -> Profile:
        view = await profiles_service.get_own(info.context.session, info.context.viewer)
        return Profile.from_view(view)

    @strawberry.field(description="A user's profile; null if there is none or they blocked you.")
    async def profile(self, info: strawberry.Info, user_id: UserId) -> Profile | None:
        view = await profiles_service.get(
            info.context.session, info.context.viewer, user_pk(user_id)
        )
        return Profile.from_view(view) if view else None


@strawberry.type
class ProfileMutations:
    @strawberry.mutation(
        description="Change the viewer's display name, bio, avatar or privacy.",
        extensions=[MutationBoundary()],
    )
    async def update_profile(
        self, info: strawberry.Info, input: Annotated[UpdateProfileInput, INPUT]
    ) -> UpdateProfilePayload:
        context = info.context
        view = await profiles_service.update(
            context.session, context.viewer, input.to_data(), context.now()
        )
        return UpdateProfilePayload(profile=Profile.from_view(view))
