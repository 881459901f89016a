"""Social root fields: profiles, follows, blocks, posts, comments, reactions and the feed."""

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
from graphql_api.social.blocks import service as blocks_service
from graphql_api.social.blocks.types import (
    BlockUserInput,
    BlockUserPayload,
    UnblockUserInput,
    UnblockUserPayload,
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
from graphql_api.social.profiles import service as profiles_service
from graphql_api.social.profiles.types import (
    Profile,
    UpdateProfileInput,
    UpdateProfilePayload,
    decode_user_id,
)
from graphql_api.social.reactions import service as reactions_service
from graphql_api.social.reactions.types import (
    Reaction,
    ReactToPostInput,
    ReactToPostPayload,
    RemoveReactionInput,
    RemoveReactionPayload,
)

UserId = Annotated[
    relay.GlobalID, strawberry.argument(description="The user (a User or Profile ID).")
]
INPUT = strawberry.argument(description="What to do; see the input type.")
PostId = Annotated[relay.GlobalID, strawberry.argument(description="The post.")]


@strawberry.type
class SocialQueries:
    @strawberry.field(description="The viewer's own profile.")
    async def my_profile(self, info: strawberry.Info) -> Profile:
        view = await profiles_service.get_own(info.context.session, info.context.viewer)
        return Profile.from_view(view)

    @strawberry.field(description="A user's profile; null if there is none or they blocked you.")
    async def profile(self, info: strawberry.Info, user_id: UserId) -> Profile | None:
        view = await profiles_service.get(
            info.context.session, info.context.viewer, decode_user_id(user_id, "userId")
        )
        return Profile.from_view(view) if view else None

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
            decode_user_id(user_id, "userId"),
            page_args(info, first, after, last, before),
        )
        return build_connection(page, count, Post.from_model)

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
            decode_user_id(user_id, "userId"),
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
            decode_user_id(user_id, "userId"),
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


def _user(global_id: relay.GlobalID) -> int:
    return decode_user_id(global_id, "userId")


@strawberry.type
class SocialMutations:
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

    @strawberry.mutation(
        description="Follow a user (a request, if their profile is private); idempotent.",
        extensions=[MutationBoundary()],
    )
    async def follow_user(
        self, info: strawberry.Info, input: Annotated[FollowUserInput, INPUT]
    ) -> FollowUserPayload:
        context, user_id = info.context, _user(input.user_id)
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
        user_id = _user(input.user_id)
        await follows_service.unfollow(info.context.session, info.context.viewer, user_id)
        return UnfollowUserPayload(profile_user_id=user_id)

    @strawberry.mutation(
        description="Make a follower stop following the viewer.", extensions=[MutationBoundary()]
    )
    async def remove_follower(
        self, info: strawberry.Info, input: Annotated[RemoveFollowerInput, INPUT]
    ) -> RemoveFollowerPayload:
        user_id = _user(input.user_id)
        await follows_service.remove_follower(info.context.session, info.context.viewer, user_id)
        return RemoveFollowerPayload(profile_user_id=user_id)

    @strawberry.mutation(
        description="Approve a request to follow the viewer.", extensions=[MutationBoundary()]
    )
    async def approve_follow_request(
        self, info: strawberry.Info, input: Annotated[ApproveFollowRequestInput, INPUT]
    ) -> ApproveFollowRequestPayload:
        context, user_id = info.context, _user(input.user_id)
        await follows_service.approve(context.session, context.viewer, user_id, context.now())
        return ApproveFollowRequestPayload(profile_user_id=user_id)

    @strawberry.mutation(
        description="Decline a request to follow the viewer.", extensions=[MutationBoundary()]
    )
    async def decline_follow_request(
        self, info: strawberry.Info, input: Annotated[DeclineFollowRequestInput, INPUT]
    ) -> DeclineFollowRequestPayload:
        user_id = _user(input.user_id)
        await follows_service.decline(info.context.session, info.context.viewer, user_id)
        return DeclineFollowRequestPayload(profile_user_id=user_id)

    @strawberry.mutation(
        description="Block a user; follows between you end. Idempotent.",
        extensions=[MutationBoundary()],
    )
    async def block_user(
        self, info: strawberry.Info, input: Annotated[BlockUserInput, INPUT]
    ) -> BlockUserPayload:
        context, user_id = info.context, _user(input.user_id)
        await blocks_service.block(context.session, context.viewer, user_id, context.now())
        return BlockUserPayload(profile_user_id=user_id)

    @strawberry.mutation(
        description="Lift the viewer's block of a user; idempotent.",
        extensions=[MutationBoundary()],
    )
    async def unblock_user(
        self, info: strawberry.Info, input: Annotated[UnblockUserInput, INPUT]
    ) -> UnblockUserPayload:
        user_id = _user(input.user_id)
        await blocks_service.unblock(info.context.session, info.context.viewer, user_id)
        return UnblockUserPayload(profile_user_id=user_id)

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
