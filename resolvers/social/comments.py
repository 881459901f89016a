"""Comment root fields: a post's comments, and writing and taking down comments."""

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
from graphql_api.social.comments import service as comments_service
from graphql_api.social.comments.types import (
    AddCommentInput,
    AddCommentPayload,
    Comment,
    DeleteCommentInput,
    DeleteCommentPayload,
    RemoveCommentInput,
    RemoveCommentPayload,
    UpdateCommentInput,
    UpdateCommentPayload,
)
from graphql_api.social.posts.types import Post
from resolvers.social.arguments import INPUT, PostId


@strawberry.type
class CommentQueries:
    @strawberry.field(description="The comments on a post the viewer may see, oldest first.")
    async def comments(
        self,
        info: strawberry.Info,
        post_id: PostId,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
    ) -> Connection[Comment]:
        page, count = await comments_service.list_for_post(
            info.context.session,
            info.context.viewer,
            decode_id(post_id, Post, "postId"),
            page_args(info, first, after, last, before),
        )
        return build_connection(page, count, Comment.from_model)


@strawberry.type
class CommentMutations:
    @strawberry.mutation(
        description="Comment on a post the viewer can see.", extensions=[MutationBoundary()]
    )
    async def add_comment(
        self, info: strawberry.Info, input: Annotated[AddCommentInput, INPUT]
    ) -> AddCommentPayload:
        context = info.context
        comment = await comments_service.add(
            context.session,
            context.viewer,
            decode_id(input.post_id, Post, "postId"),
            input.text,
            context.now(),
        )
        return AddCommentPayload(comment=Comment.from_model(comment))

    @strawberry.mutation(description="Edit the viewer's comment.", extensions=[MutationBoundary()])
    async def update_comment(
        self, info: strawberry.Info, input: Annotated[UpdateCommentInput, INPUT]
    ) -> UpdateCommentPayload:
        context = info.context
        comment = await comments_service.update(
            context.session,
            context.viewer,
            decode_id(input.id, Comment, "id"),
            input.text,
            context.now(),
        )
        return UpdateCommentPayload(comment=Comment.from_model(comment))

    @strawberry.mutation(
        description="Delete a comment: the viewer's own, or one on the viewer's post.",
        extensions=[MutationBoundary()],
    )
    async def delete_comment(
        self, info: strawberry.Info, input: Annotated[DeleteCommentInput, INPUT]
    ) -> DeleteCommentPayload:
        comment = await comments_service.delete(
            info.context.session, info.context.viewer, decode_id(input.id, Comment, "id")
        )
        return DeleteCommentPayload(deleted_comment_id=relay.GlobalID("Comment", str(comment.id)))

    @strawberry.mutation(
        description="Staff: take a comment down; it then exists for staff only.",
        extensions=[MutationBoundary()],
    )
    async def remove_comment(
        self, info: strawberry.Info, input: Annotated[RemoveCommentInput, INPUT]
    ) -> RemoveCommentPayload:
        context = info.context
        comment = await comments_service.remove(
            context.session, context.viewer, decode_id(input.id, Comment, "id"), context.now()
        )
        return RemoveCommentPayload(comment=Comment.from_model(comment))
