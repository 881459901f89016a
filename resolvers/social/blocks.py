"""Block root fields: whom the viewer blocked, block and unblock."""

from typing import Annotated

import strawberry

from graphql_api.mutation import MutationBoundary
from graphql_api.relay import After, Before, Connection, First, Last, build_connection, page_args
from graphql_api.social.blocks import service as blocks_service
from graphql_api.social.blocks.types import (
    BlockUserInput,
    BlockUserPayload,
    UnblockUserInput,
    UnblockUserPayload,
)
from graphql_api.social.profiles.types import Profile
from resolvers.social.arguments import INPUT, user_pk


@strawberry.type
class BlockQueries:
    @strawberry.field(description="The people the viewer blocked, most recent first.")
    async def blocked_users(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Profile]:
        page, count = await blocks_service.blocked_users(
            info.context.session, info.context.viewer, page_args(info, first, after, last, before)
        )
        return build_connection(page, count, Profile.from_view)


@strawberry.type
class BlockMutations:
    @strawberry.mutation(
        description="Block a user; follows between you end. Idempotent.",
        extensions=[MutationBoundary()],
    )
    async def block_user(
        self, info: strawberry.Info, input: Annotated[BlockUserInput, INPUT]
    ) -> BlockUserPayload:
        context, user_id = info.context, user_pk(input.user_id)
        await blocks_service.block(context.session, context.viewer, user_id, context.now())
        return BlockUserPayload(profile_user_id=user_id)

    @strawberry.mutation(
        description="Lift the viewer's block of a user; idempotent.",
        extensions=[MutationBoundary()],
    )
    async def unblock_user(
        self, info: strawberry.Info, input: Annotated[UnblockUserInput, INPUT]
    ) -> UnblockUserPayload:
        user_id = user_pk(input.user_id)
        await blocks_service.unblock(info.context.session, info.context.viewer, user_id)
        return UnblockUserPayload(profile_user_id=user_id)
