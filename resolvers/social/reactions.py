"""Reaction root fields: who reacted to a post, react and take a reaction back."""

from typing import Annotated

import strawberry

from graphql_api.mutation import MutationBoundary
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
from graphql_api.social.posts.types import Post
from graphql_api.social.reactions import service as reactions_service
from graphql_api.social.reactions.types import (
    Reaction,
    ReactToPostInput,
    ReactToPostPayload,
    RemoveReactionInput,
    RemoveReactionPayload,
)
from resolvers.social.arguments import INPUT, PostId


@strawberry.type
class ReactionQueries:
    @strawberry.field(description="Who reacted to a post the viewer may see, newest first.")
    async def reactions(
        self,
        info: strawberry.Info,
        post_id: PostId,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Reaction]:
        page, count = await reactions_service.list_for_post(
            info.context.session,
            info.context.viewer,
            decode_id(post_id, Post, "postId"),
            page_args(info, first, after, last, before),
        )
        return build_connection(page, count, Reaction.from_model)


@strawberry.type
class ReactionMutations:
    @strawberry.mutation(
        description="React to a post (one reaction per post; reacting again changes it).",
        extensions=[MutationBoundary()],
    )
    async def react_to_post(
        self, info: strawberry.Info, input: Annotated[ReactToPostInput, INPUT]
    ) -> ReactToPostPayload:
        context = info.context
        post, reaction = await reactions_service.react(
            context.session,
            context.viewer,
            decode_id(input.post_id, Post, "postId"),
            input.kind,
            context.now(),
        )
        return ReactToPostPayload(
            post=Post.from_model(post), reaction=Reaction.from_model(reaction)
        )

    @strawberry.mutation(
        description="Take back the viewer's reaction to a post; idempotent.",
        extensions=[MutationBoundary()],
    )
    async def remove_reaction(
        self, info: strawberry.Info, input: Annotated[RemoveReactionInput, INPUT]
    ) -> RemoveReactionPayload:
        post = await reactions_service.unreact(
            info.context.session, info.context.viewer, decode_id(input.post_id, Post, "postId")
        )
        return RemoveReactionPayload(post=Post.from_model(post))
