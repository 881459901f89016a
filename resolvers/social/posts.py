"""Post root fields: the feed, a post, a user's posts, and writing and taking down posts."""

from typing import Annotated

import strawberry
from strawberry import relay

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
from graphql_api.social.posts import service as posts_service
from graphql_api.social.posts.types import (
    CreatePostInput,
    CreatePostPayload,
    DeletePostInput,
    DeletePostPayload,
    Post,
    RemovePostInput,
    RemovePostPayload,
    UpdatePostInput,
    UpdatePostPayload,
)
from resolvers.social.arguments import INPUT, PostId, UserId, user_pk


@strawberry.type
class PostQueries:
    @strawberry.field(
        description="Posts of the people the viewer follows and the viewer's own, newest first."
    )
    async def feed(
        self,
        info: strawberry.Info,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Post]:
        page, count = await posts_service.feed(
            info.context.session, info.context.viewer, page_args(info, first, after, last, before)
        )
        return build_connection(page, count, Post.from_model)

    @strawberry.field(description="A post the viewer may see; null otherwise.")
    async def post(self, info: strawberry.Info, id: PostId) -> Post | None:
        post = await posts_service.get(
            info.context.session, info.context.viewer, decode_id(id, Post, "id")
        )
        return Post.from_model(post) if post else None

    @strawberry.field(description="A user's posts the viewer may see, newest first.")
    async def user_posts(
        self,
        info: strawberry.Info,
        user_id: UserId,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Post]:
        page, count = await posts_service.list_by_author(
            info.context.session,
            info.context.viewer,
            user_pk(user_id),
            page_args(info, first, after, last, before),
        )
        return build_connection(page, count, Post.from_model)


@strawberry.type
class PostMutations:
    @strawberry.mutation(description="Share a post.", extensions=[MutationBoundary()])
    async def create_post(
        self, info: strawberry.Info, input: Annotated[CreatePostInput, INPUT]
    ) -> CreatePostPayload:
        context = info.context
        post = await posts_service.create(
            context.session, context.viewer, input.to_data(), context.now()
        )
        return CreatePostPayload(post=Post.from_model(post))

    @strawberry.mutation(description="Edit the viewer's post.", extensions=[MutationBoundary()])
    async def update_post(
        self, info: strawberry.Info, input: Annotated[UpdatePostInput, INPUT]
    ) -> UpdatePostPayload:
        context = info.context
        post = await posts_service.update(
            context.session,
            context.viewer,
            decode_id(input.id, Post, "id"),
            input.to_data(),
            context.now(),
        )
        return UpdatePostPayload(post=Post.from_model(post))

    @strawberry.mutation(
        description="Delete the viewer's post with its comments and reactions.",
        extensions=[MutationBoundary()],
    )
    async def delete_post(
        self, info: strawberry.Info, input: Annotated[DeletePostInput, INPUT]
    ) -> DeletePostPayload:
        post = await posts_service.delete(
            info.context.session, info.context.viewer, decode_id(input.id, Post, "id")
        )
        return DeletePostPayload(deleted_post_id=relay.GlobalID("Post", str(post.id)))

    @strawberry.mutation(
        description="Staff: take a post down; it then exists for staff only.",
        extensions=[MutationBoundary()],
    )
    async def remove_post(
        self, info: strawberry.Info, input: Annotated[RemovePostInput, INPUT]
    ) -> RemovePostPayload:
        context = info.context
        post = await posts_service.remove(
            context.session, context.viewer, decode_id(input.id, Post, "id"), context.now()
        )
        return RemovePostPayload(post=Post.from_model(post))
