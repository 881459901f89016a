"""Social operations (clients/operations/social.graphql) through the generated SDK, live."""

import secrets

import pytest
from pawgraph_client import (
    AddCommentInput,
    ApproveFollowRequestInput,
    BlockUserInput,
    CreatePostInput,
    DeclineFollowRequestInput,
    DeleteCommentInput,
    DeletePostInput,
    FollowUserInput,
    ReactToPostInput,
    RemoveFollowerInput,
    RemoveReactionInput,
    UnblockUserInput,
    UnfollowUserInput,
    UpdateCommentInput,
    UpdatePostInput,
    UpdateProfileInput,
)
from pawgraph_client.enums import ErrorCode, FollowStatus, ReactionKind
from pawgraph_client.exceptions import GraphQLClientGraphQLMultiError

from tests.clients.test_sdk import signed_in


async def user_id_of(client) -> str:
    return (await client.my_profile()).my_profile.user_id


class TestProfilesAndFollows:
    async def test_private_profile_requests_approve_decline_unfollow_and_remove(self, server_a):
        async with (
            signed_in(server_a) as author,
            signed_in(server_a) as fan,
            signed_in(server_a) as other,
        ):
            # given
            author_id = await user_id_of(author)
            fan_id, other_id = await user_id_of(fan), await user_id_of(other)
            updated = (
                await author.update_profile(
                    UpdateProfileInput(display_name="Author", bio="Dogs", is_private=True)
                )
            ).update_profile
            fan_asks = (await fan.follow_user(FollowUserInput(user_id=author_id))).follow_user
            other_asks = (await other.follow_user(FollowUserInput(user_id=author_id))).follow_user
            # when
            requests = (await author.follow_requests(first=10)).follow_requests
            approved = (
                await author.approve_follow_request(ApproveFollowRequestInput(user_id=fan_id))
            ).approve_follow_request
            declined = (
                await author.decline_follow_request(DeclineFollowRequestInput(user_id=other_id))
            ).decline_follow_request
            seen_by_fan = (await fan.profile(user_id=author_id)).profile
            followers = (await author.followers(user_id=author_id, first=10)).followers
            following = (await fan.following(user_id=fan_id, first=10)).following
            unfollowed = (
                await fan.unfollow_user(UnfollowUserInput(user_id=author_id))
            ).unfollow_user
            await fan.follow_user(FollowUserInput(user_id=author_id))
            await author.approve_follow_request(ApproveFollowRequestInput(user_id=fan_id))
            removed = (
                await author.remove_follower(RemoveFollowerInput(user_id=fan_id))
            ).remove_follower
            after = (await author.followers(user_id=author_id, first=10)).followers
            # then
            assert updated.user_errors == []
            assert (updated.profile.display_name, updated.profile.bio) == ("Author", "Dogs")
            assert updated.profile.is_private is True
            assert fan_asks.status is FollowStatus.PENDING
            assert other_asks.status is FollowStatus.PENDING
            assert requests.total_count == 2
            assert {edge.node.requester.user_id for edge in requests.edges} == {fan_id, other_id}
            assert approved.user_errors == [] and approved.profile.user_id == fan_id
            assert declined.user_errors == [] and declined.profile.user_id == other_id
            assert seen_by_fan.viewer_follow_status is FollowStatus.APPROVED
            assert seen_by_fan.content_visible is True and seen_by_fan.follower_count == 1
            assert [edge.node.user_id for edge in followers.edges] == [fan_id]
            assert [edge.node.user_id for edge in following.edges] == [author_id]
            assert unfollowed.user_errors == [] and unfollowed.profile.viewer_follow_status is None
            assert removed.user_errors == [] and removed.profile.user_id == fan_id
            assert after.total_count == 0

    async def test_approving_a_request_nobody_made_is_refused(self, server_a):
        async with signed_in(server_a) as author, signed_in(server_a) as stranger:
            # given
            stranger_id = await user_id_of(stranger)
            # when
            refused = (
                await author.approve_follow_request(ApproveFollowRequestInput(user_id=stranger_id))
            ).approve_follow_request
            # then
            assert refused.profile is None
            assert [error.code for error in refused.user_errors] == [
                ErrorCode.FOLLOW_REQUEST_NOT_FOUND
            ]

    async def test_block_hides_content_and_unblock_lists_nobody(self, server_a):
        async with signed_in(server_a) as author, signed_in(server_a) as pest:
            # given
            author_id, pest_id = await user_id_of(author), await user_id_of(pest)
            post = (
                await author.create_post(CreatePostInput(text="Hello " + secrets.token_hex(3)))
            ).create_post.post
            # when
            blocked = (await author.block_user(BlockUserInput(user_id=pest_id))).block_user
            listed = (await author.blocked_users(first=10)).blocked_users
            follow_refused = (
                await pest.follow_user(FollowUserInput(user_id=author_id))
            ).follow_user
            with pytest.raises(GraphQLClientGraphQLMultiError) as hidden:
                await pest.user_posts(user_id=author_id, first=10)
            unblocked = (await author.unblock_user(UnblockUserInput(user_id=pest_id))).unblock_user
            after = (await author.blocked_users(first=10)).blocked_users
            visible_posts = (await pest.user_posts(user_id=author_id, first=10)).user_posts
            # then
            assert blocked.user_errors == [] and blocked.profile.viewer_has_blocked is True
            assert [edge.node.user_id for edge in listed.edges] == [pest_id]
            assert [error.code for error in follow_refused.user_errors] == [
                ErrorCode.PROFILE_NOT_FOUND
            ]
            assert hidden.value.errors[0].extensions["code"] == "PROFILE_NOT_FOUND"
            assert unblocked.user_errors == [] and unblocked.profile.viewer_has_blocked is False
            assert after.total_count == 0
            assert [edge.node.id for edge in visible_posts.edges] == [post.id]


class TestPostsCommentsReactions:
    async def test_edit_comment_react_and_delete(self, server_a):
        async with signed_in(server_a) as author, signed_in(server_a) as fan:
            # given
            author_id = await user_id_of(author)
            post = (
                await author.create_post(CreatePostInput(text="Walkies " + secrets.token_hex(3)))
            ).create_post.post
            # when
            edited = (
                await author.update_post(UpdatePostInput(id=post.id, text="Walkies!"))
            ).update_post
            comment = (
                await fan.add_comment(AddCommentInput(post_id=post.id, text="Cute"))
            ).add_comment
            changed = (
                await fan.update_comment(UpdateCommentInput(id=comment.comment.id, text="So cute"))
            ).update_comment
            reacted = (
                await fan.react_to_post(ReactToPostInput(post_id=post.id, kind=ReactionKind.LOVE))
            ).react_to_post
            read = (await fan.post(id=post.id)).post
            comments = (await author.comments(post_id=post.id, first=10)).comments
            posts = (await fan.user_posts(user_id=author_id, first=10)).user_posts
            unreacted = (
                await fan.remove_reaction(RemoveReactionInput(post_id=post.id))
            ).remove_reaction
            removed_comment = (
                await fan.delete_comment(DeleteCommentInput(id=comment.comment.id))
            ).delete_comment
            deleted = (await author.delete_post(DeletePostInput(id=post.id))).delete_post
            gone = (await fan.post(id=post.id)).post
            # then
            assert edited.user_errors == [] and edited.post.text == "Walkies!"
            assert comment.user_errors == [] and comment.comment.text == "Cute"
            assert changed.user_errors == [] and changed.comment.text == "So cute"
            assert reacted.user_errors == []
            assert (reacted.post.reaction_count, reacted.post.viewer_reaction) == (
                1,
                ReactionKind.LOVE,
            )
            assert (read.text, read.comment_count, read.reaction_count) == ("Walkies!", 1, 1)
            assert [edge.node.text for edge in comments.edges] == ["So cute"]
            assert comments.total_count == 1
            assert [edge.node.id for edge in posts.edges] == [post.id]
            assert unreacted.user_errors == [] and unreacted.post.reaction_count == 0
            assert removed_comment.deleted_comment_id == comment.comment.id
            assert deleted.user_errors == [] and deleted.deleted_post_id == post.id
            assert gone is None

    async def test_a_stranger_cannot_edit_or_delete_a_post_or_comment(self, server_a):
        async with signed_in(server_a) as author, signed_in(server_a) as stranger:
            # given
            post = (
                await author.create_post(CreatePostInput(text="Mine " + secrets.token_hex(3)))
            ).create_post.post
            comment = (
                await author.add_comment(AddCommentInput(post_id=post.id, text="Mine too"))
            ).add_comment.comment
            # when
            edit = (
                await stranger.update_post(UpdatePostInput(id=post.id, text="Yours"))
            ).update_post
            delete = (await stranger.delete_post(DeletePostInput(id=post.id))).delete_post
            comment_edit = (
                await stranger.update_comment(UpdateCommentInput(id=comment.id, text="Yours"))
            ).update_comment
            comment_delete = (
                await stranger.delete_comment(DeleteCommentInput(id=comment.id))
            ).delete_comment
            # then
            assert edit.post is None and [error.code for error in edit.user_errors] == [
                ErrorCode.POST_NOT_FOUND
            ]
            assert delete.deleted_post_id is None and [
                error.code for error in delete.user_errors
            ] == [ErrorCode.POST_NOT_FOUND]
            assert comment_edit.comment is None and [
                error.code for error in comment_edit.user_errors
            ] == [ErrorCode.COMMENT_NOT_FOUND]
            assert comment_delete.deleted_comment_id is None and [
                error.code for error in comment_delete.user_errors
            ] == [ErrorCode.COMMENT_NOT_FOUND]
            assert (await author.post(id=post.id)).post.text == post.text
