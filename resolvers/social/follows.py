"""Follow root fields: followers, following, requests, and the moves between two users."""

from typing import Annotated

import strawberry

from graphql_api.mutation import MutationBoundary
from graphql_api.relay import After, Before, Connection, First, Last, build_connection, page_args
from graphql_api.social.follows import service as follows_service
from graphql_api.social.follows.types import (
    ApproveFollowRequestInput,
    ApproveFollowRequestPayload,
    DeclineFollowRequestInput,
    DeclineFollowRequestPayload,
    FollowRequest,
    FollowUserInput,
    FollowUserPayload,
    RemoveFollowerInput,
    RemoveFollowerPayload,
    UnfollowUserInput,
    UnfollowUserPayload,
)
from graphql_api.social.profiles.types import Profile
from resolvers.social.arguments import INPUT, UserId, user_pk


@strawberry.type
class FollowQueries:
    @strawberry.field(description="Who follows a user, newest first, as their privacy allows.")
    async def followers(
        self,
        info: strawberry.Info,
        user_id: UserId,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Profile]:
        page, count = await follows_service.followers(
            info.context.session,
            info.context.viewer,
            user_pk(user_id),
            page_args(info, first, after, last, before),
        )
        return build_connection(page, count, Profile.from_view)

    @strawberry.field(description="Whom a user follows, newest first, as their privacy allows.")
    async def following(
        self,
        info: strawberry.Info,
        user_id: UserId,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Profile]:
        page, count = await follows_service.following(
            info.context.session,
            info.context.viewer,
            user_pk(user_id),
            page_args(info, first, after, last, before),
        )
        return build_connection(page, count, Profile.from_view)

    @strawberry.field(description="Requests to follow the viewer waiting for approval.")
    async def follow_requests(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[FollowRequest]:
        page, count = await follows_service.requests(
            info.context.session, info.context.viewer, page_args(info, first, after, last, before)
        )
        return build_connection(page, count, FollowRequest.from_view)


@strawberry.type
class FollowMutations:
    @strawberry.mutation(
        description="Follow a user (a request, if their profile is private); idempotent.",
        extensions=[MutationBoundary()],
    )
    async def follow_user(
        self, info: strawberry.Info, input: Annotated[FollowUserInput, INPUT]
    ) -> FollowUserPayload:
        context, user_id = info.context, user_pk(input.user_id)
        status = await follows_service.follow(
            context.session, context.viewer, user_id, context.now()
        )
        return FollowUserPayload(profile_user_id=user_id, status=status)

    @strawberry.mutation(
        description="Stop following a user or withdraw a request; idempotent.",
        extensions=[MutationBoundary()],
    )
    async def unfollow_user(
        self, info: strawberry.Info, input: Annotated[UnfollowUserInput, INPUT]
    ) -> UnfollowUserPayload:
        user_id = user_pk(input.user_id)
        await follows_service.unfollow(info.context.session, info.context.viewer, user_id)
        return UnfollowUserPayload(profile_user_id=user_id)

    @strawberry.mutation(
        description="Make a follower stop following the viewer.", extensions=[MutationBoundary()]
    )
    async def remove_follower(
        self, info: strawberry.Info, input: Annotated[RemoveFollowerInput, INPUT]
    ) -> RemoveFollowerPayload:
        user_id = user_pk(input.user_id)
        await follows_service.remove_follower(info.context.session, info.context.viewer, user_id)
        return RemoveFollowerPayload(profile_user_id=user_id)

    @strawberry.mutation(
        description="Approve a request to follow the viewer.", extensions=[MutationBoundary()]
    )
    async def approve_follow_request(
        self, info: strawberry.Info, input: Annotated[ApproveFollowRequestInput, INPUT]
    ) -> ApproveFollowRequestPayload:
        context, user_id = info.context, user_pk(input.user_id)
        await follows_service.approve(context.session, context.viewer, user_id, context.now())
        return ApproveFollowRequestPayload(profile_user_id=user_id)

    @strawberry.mutation(
        description="Decline a request to follow the viewer.", extensions=[MutationBoundary()]
    )
    async def decline_follow_request(
        self, info: strawberry.Info, input: Annotated[DeclineFollowRequestInput, INPUT]
    ) -> DeclineFollowRequestPayload:
        user_id = user_pk(input.user_id)
        await follows_service.decline(info.context.session, info.context.viewer, user_id)
        return DeclineFollowRequestPayload(profile_user_id=user_id)
