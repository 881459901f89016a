"""Social end to end through live servers with the gql client: a private profile's follow
request approved and what it does to the feed; reactions and comments reaching the author live;
a block hiding a profile."""

import asyncio

import pytest
from gql.transport.exceptions import TransportQueryError

from graphql_api import events
from tests.live.alerting import on, until_subscribed, user_pk
from tests.support.graphql_client import next_result

UPDATE_PROFILE = """
mutation UpdateProfile($input: UpdateProfileInput!) {
  updateProfile(input: $input) { profile { id isPrivate } userErrors { field code } }
}
"""
MY_PROFILE = "query MyProfile { myProfile { id } }"
CREATE_POST = """
mutation CreatePost($input: CreatePostInput!) {
  createPost(input: $input) { post { id } userErrors { field code } }
}
"""
FOLLOW = """
mutation Follow($input: FollowUserInput!) {
  followUser(input: $input) { status userErrors { code } }
}
"""
FOLLOW_REQUESTS = """
query Requests { followRequests(first: 10) { edges { node { requester { id displayName } } } } }
"""
APPROVE = """
mutation Approve($input: ApproveFollowRequestInput!) {
  approveFollowRequest(input: $input) { profile { id followsViewer } userErrors { code } }
}
"""
FEED = """
query Feed($first: Int) {
  feed(first: $first) {
    edges { node { id text visibility author { id } viewerReaction reactionCount commentCount } }
  }
}
"""
USER_POSTS = """
query UserPosts($userId: ID!) { userPosts(userId: $userId) { edges { node { id } } } }
"""
REACT = """
mutation React($input: ReactToPostInput!) {
  reactToPost(input: $input) { post { reactionCount viewerReaction } userErrors { code } }
}
"""
COMMENT = """
mutation Comment($input: AddCommentInput!) {
  addComment(input: $input) { comment { id } userErrors { code } }
}
"""
BLOCK = """
mutation Block($input: BlockUserInput!) { blockUser(input: $input) { userErrors { code } } }
"""
PROFILE = "query Profile($userId: ID!) { profile(userId: $userId) { id displayName } }"
NOTIFICATION_RECEIVED = """
subscription NotificationReceived { notificationReceived { kind text targetId } }
"""
INBOX = "query Inbox { notifications(first: 10) { edges { node { kind targetId } } } }"


async def create_post(client, text: str, visibility: str) -> str:
    result = await client.execute(CREATE_POST, {"input": {"text": text, "visibility": visibility}})
    assert result["createPost"]["userErrors"] == []
    return result["createPost"]["post"]["id"]


async def profile_id(client) -> str:
    return (await client.execute(MY_PROFILE))["myProfile"]["id"]


class TestPrivateFollowRequest:
    async def test_an_approved_request_opens_the_feed_and_is_announced_live(
        self, owner, other_owner, server_b, test_environment
    ):
        # given: a private author with posts, and a fan who asked to follow
        made_private = await owner.execute(UPDATE_PROFILE, {"input": {"isPrivate": True}})
        assert made_private["updateProfile"]["userErrors"] == []
        public_id = await create_post(owner, "for anyone", "PUBLIC")
        followers_id = await create_post(owner, "for followers", "FOLLOWERS")
        await create_post(owner, "for me", "PRIVATE")
        author, fan = await profile_id(owner), await profile_id(other_owner)
        requested = await other_owner.execute(FOLLOW, {"input": {"userId": author}})
        feed_before = await other_owner.execute(FEED, {"first": 10})
        with pytest.raises(TransportQueryError) as hidden:
            await other_owner.execute(USER_POSTS, {"userId": author})
        requests = await owner.execute(FOLLOW_REQUESTS)
        fan_pk = await user_pk(other_owner)

        async with on(server_b, other_owner).subscribe(NOTIFICATION_RECEIVED) as fan_notes:
            next_note = asyncio.ensure_future(next_result(fan_notes))
            await until_subscribed(
                test_environment.redis_url, events.user_notifications_channel(fan_pk)
            )

            # when
            approved = await owner.execute(APPROVE, {"input": {"userId": fan}})
            heard = (await next_note)["notificationReceived"]

        # then
        assert requested["followUser"] == {"status": "PENDING", "userErrors": []}
        assert feed_before["feed"]["edges"] == []
        assert hidden.value.errors[0]["extensions"]["code"] == "PROFILE_NOT_FOUND"
        [request] = requests["followRequests"]["edges"]
        assert request["node"]["requester"] == {"id": fan, "displayName": "other"}
        assert approved["approveFollowRequest"] == {
            "profile": {"id": fan, "followsViewer": True},
            "userErrors": [],
        }
        assert heard["kind"] == "FOLLOW_APPROVED"
        assert heard["targetId"] == author
        feed_after = await other_owner.execute(FEED, {"first": 10})
        assert [edge["node"]["id"] for edge in feed_after["feed"]["edges"]] == [
            followers_id,
            public_id,
        ]


class TestReactionsAndComments:
    async def test_the_author_hears_each_reaction_and_comment_but_not_repeats(
        self, owner, other_owner, server_b, test_environment
    ):
        # given
        post_id = await create_post(owner, "Mochi's first snow", "PUBLIC")
        author_pk = await user_pk(owner)

        async with on(server_b, owner).subscribe(NOTIFICATION_RECEIVED) as author_notes:
            next_note = asyncio.ensure_future(next_result(author_notes))
            await until_subscribed(
                test_environment.redis_url, events.user_notifications_channel(author_pk)
            )

            # when
            reacted = await other_owner.execute(
                REACT, {"input": {"postId": post_id, "kind": "LOVE"}}
            )
            first = (await next_note)["notificationReceived"]
            again = await other_owner.execute(REACT, {"input": {"postId": post_id, "kind": "LOVE"}})
            own = await owner.execute(REACT, {"input": {"postId": post_id, "kind": "LIKE"}})
            commented = await other_owner.execute(
                COMMENT, {"input": {"postId": post_id, "text": "So fluffy!"}}
            )
            second = (await next_result(author_notes))["notificationReceived"]

        # then
        assert reacted["reactToPost"] == {
            "post": {"reactionCount": 1, "viewerReaction": "LOVE"},
            "userErrors": [],
        }
        assert again["reactToPost"]["userErrors"] == []
        assert own["reactToPost"]["post"] == {"reactionCount": 2, "viewerReaction": "LIKE"}
        assert (first["kind"], first["targetId"]) == ("REACTION", post_id)
        assert first["text"] == "other reacted LOVE to your post."
        assert second["kind"] == "COMMENT"
        assert second["targetId"] == commented["addComment"]["comment"]["id"]
        inbox = await owner.execute(INBOX)
        assert [edge["node"]["kind"] for edge in inbox["notifications"]["edges"]] == [
            "COMMENT",
            "REACTION",
        ]
        feed = await owner.execute(FEED, {"first": 1})
        assert feed["feed"]["edges"][0]["node"]["commentCount"] == 1


class TestBlock:
    async def test_a_blocked_user_no_longer_finds_the_blocker(self, owner, other_owner):
        # given
        author, fan = await profile_id(owner), await profile_id(other_owner)
        post_id = await create_post(owner, "hello", "PUBLIC")
        seen_before = await other_owner.execute(PROFILE, {"userId": author})

        # when
        blocked = await owner.execute(BLOCK, {"input": {"userId": fan}})

        # then
        assert seen_before["profile"]["id"] == author
        assert blocked["blockUser"]["userErrors"] == []
        assert (await other_owner.execute(PROFILE, {"userId": author}))["profile"] is None
        refused = await other_owner.execute(REACT, {"input": {"postId": post_id, "kind": "SAD"}})
        assert refused["reactToPost"]["userErrors"] == [{"code": "POST_NOT_FOUND"}]
        follow = await other_owner.execute(FOLLOW, {"input": {"userId": author}})
        assert follow["followUser"]["userErrors"] == [{"code": "PROFILE_NOT_FOUND"}]
