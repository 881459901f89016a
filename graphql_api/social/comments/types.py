import datetime as dt

import strawberry
from strawberry import relay

from graphql_api.payloads import Payload
from graphql_api.relay import load_nodes
from graphql_api.social.comments.models import Comment as CommentModel
from graphql_api.social.posts.types import Post
from graphql_api.social.profiles.types import Profile


@strawberry.type(description="A comment on a post.")
class Comment(relay.Node):
    id: relay.NodeID[int]
    text: str = strawberry.field(description="The comment, up to 2000 characters.")
    created_at: dt.datetime = strawberry.field(description="When it was written.")
    updated_at: dt.datetime = strawberry.field(description="When it was last edited.")
    removed_at: dt.datetime | None = strawberry.field(
        description="When a moderator removed it; only staff still see removed comments."
    )
    author_id: strawberry.Private[int]
    post_id: strawberry.Private[int]

    @classmethod
    def from_model(cls, comment: CommentModel) -> "Comment":
        return cls(
            id=comment.id,
            text=comment.text,
            created_at=comment.created_at,
            updated_at=comment.updated_at,
            removed_at=comment.removed_at,
            author_id=comment.author_id,
            post_id=comment.post_id,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: strawberry.Info, node_ids, required: bool = False):
        return await load_nodes(info.context.loaders.comment_by_id, node_ids, cls.from_model)

    @strawberry.field(description="Who wrote it.")
    async def author(self, info: strawberry.Info) -> Profile | None:
        view = await info.context.loaders.profile_by_user_id.load(self.author_id)
        return Profile.from_view(view) if view else None

    @strawberry.field(description="The post it is on.")
    async def post(self, info: strawberry.Info) -> Post | None:
        post = await info.context.loaders.post_by_id.load(self.post_id)
        return Post.from_model(post) if post else None

    @strawberry.field(description="Whether the viewer wrote it (and so may edit it).")
    def viewer_is_author(self, info: strawberry.Info) -> bool:
        viewer = info.context.viewer
        return viewer is not None and viewer.user_id == self.author_id

    @strawberry.field(description="Whether the viewer may delete it: its author or the post's.")
    async def viewer_can_delete(self, info: strawberry.Info) -> bool:
        viewer = info.context.viewer
        if viewer is None:
            return False
        if viewer.user_id == self.author_id:
            return True
        post = await info.context.loaders.post_by_id.load(self.post_id)
        return post is not None and post.author_id == viewer.user_id


@strawberry.input(description="A comment by the viewer on a post they can see.")
class AddCommentInput:
    post_id: relay.GlobalID = strawberry.field(description="The post.")
    text: str = strawberry.field(description="1 to 2000 characters.")


@strawberry.input(description="New text for the viewer's comment.")
class UpdateCommentInput:
    id: relay.GlobalID = strawberry.field(description="The comment.")
    text: str = strawberry.field(description="1 to 2000 characters.")


@strawberry.input(description="A comment to delete: the viewer's own, or one on their post.")
class DeleteCommentInput:
    id: relay.GlobalID = strawberry.field(description="The comment.")


@strawberry.input(description="A comment a moderator takes down.")
class RemoveCommentInput:
    id: relay.GlobalID = strawberry.field(description="The comment.")


@strawberry.type(description="Result of addComment.")
class AddCommentPayload(Payload):
    comment: Comment | None = strawberry.field(default=None, description="The new comment.")


@strawberry.type(description="Result of updateComment.")
class UpdateCommentPayload(Payload):
    comment: Comment | None = strawberry.field(default=None, description="The comment as changed.")


@strawberry.type(description="Result of deleteComment.")
class DeleteCommentPayload(Payload):
    deleted_comment_id: relay.GlobalID | None = strawberry.field(
        default=None, description="ID of the deleted comment."
    )


@strawberry.type(description="Result of removeComment.")
class RemoveCommentPayload(Payload):
    comment: Comment | None = strawberry.field(default=None, description="The removed comment.")
