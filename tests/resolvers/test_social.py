import pytest
from strawberry import relay

from graphql_api.auth import Role, Viewer
from graphql_api.errors import CommonErrorCode
from graphql_api.social.errors import SocialErrorCode
from tests.factories.accounts import create_user, viewer_of
from tests.factories.pets_db import create_pet
from tests.factories.social import create_post, follow, make_private

PROFILE_FIELDS = """
id userId displayName bio avatarUrl isPrivate isViewer followerCount followingCount
viewerFollowStatus followsViewer viewerHasBlocked contentVisible
pets { totalCount edges { node { petId name species } } }
"""
PROFILE = f"query P($userId: ID!) {{ profile(userId: $userId) {{ {PROFILE_FIELDS} }} }}"
MY_PROFILE = "query { myProfile { id displayName isViewer } }"
UPDATE_PROFILE = f"""
mutation U($input: UpdateProfileInput!) {{
  updateProfile(input: $input) {{ profile {{ {PROFILE_FIELDS} }} userErrors {{ field code }} }}
}}
"""
FOLLOW = """
mutation F($input: FollowUserInput!) {
  followUser(input: $input) {
    status profile { id viewerFollowStatus } userErrors { field code }
  }
}
"""
APPROVE = """
mutation A($input: ApproveFollowRequestInput!) {
  approveFollowRequest(input: $input) { profile { id followsViewer } userErrors { code } }
}
"""
FOLLOW_REQUESTS = """
query { followRequests(first: 10) { totalCount edges { node { requester { id } requestedAt } } } }
"""
FOLLOWERS = """
query F($userId: ID!) { followers(userId: $userId) { totalCount edges { node { id } } } }
"""
CREATE_POST = """
mutation C($input: CreatePostInput!) {
  createPost(input: $input) {
    post {
      id text visibility viewerIsAuthor author { id displayName }
      photos { url position } taggedPets { name } reactionCount commentCount viewerReaction
    }
    userErrors { field code }
  }
}
"""
DELETE_POST = """
mutation D($input: DeletePostInput!) {
  deletePost(input: $input) { deletedPostId userErrors { code } }
}
"""
REMOVE_POST = """
mutation R($input: RemovePostInput!) {
  removePost(input: $input) { post { id removedAt } userErrors { code } }
}
"""
REACT = """
mutation R($input: ReactToPostInput!) {
  reactToPost(input: $input) {
    post { reactionCount viewerReaction reactionCounts { kind count } }
    reaction { kind user { id } }
    userErrors { code }
  }
}
"""
UNREACT = """
mutation R($input: RemoveReactionInput!) {
  removeReaction(input: $input) { post { reactionCount viewerReaction } userErrors { code } }
}
"""
ADD_COMMENT = """
mutation A($input: AddCommentInput!) {
  addComment(input: $input) {
    comment { id text author { id } post { id commentCount } viewerCanDelete }
    userErrors { field code }
  }
}
"""
COMMENTS = """
query C($postId: ID!) { comments(postId: $postId) { totalCount edges { node { text } } } }
"""
DELETE_COMMENT = """
mutation D($input: DeleteCommentInput!) {
  deleteComment(input: $input) { deletedCommentId userErrors { code } }
}
"""
BLOCK = """
mutation B($input: BlockUserInput!) {
  blockUser(input: $input) { profile { id viewerHasBlocked } userErrors { code } }
}
"""
BLOCKED_USERS = "query { blockedUsers { totalCount edges { node { id } } } }"
USER_NAME = "query N($id: ID!) { node(id: $id) { ... on User { displayName email } } }"
USER_POSTS = """
query P($userId: ID!) { userPosts(userId: $userId) { totalCount edges { node { text } } } }
"""
FEED = "query { feed(first: 10) { edges { node { text author { displayName } } } } }"
INBOX = """
query {
  notifications(first: 10) { edges { node { kind text target { id ... on Post { text } } } } }
}
"""


def gid(type_name: str, pk: int) -> str:
    return str(relay.GlobalID(type_name, str(pk)))


@pytest.fixture
async def alice(session):
    return await create_user(session, prefix="alice")


@pytest.fixture
async def bob(session):
    return await create_user(session, prefix="bob")


@pytest.fixture
def run(schema, make_context):
    async def execute(viewer, query, **variables):
        result = await schema.execute(
            query, variable_values=variables, context_value=make_context(viewer)
        )
        assert result.errors is None, result.errors
        return result.data

    return execute


class TestProfiles:
    async def test_another_users_profile_shows_their_card_and_pets(self, session, run, alice, bob):
        # given
        await create_pet(session, alice, name="Mochi")

        # when
        data = await run(viewer_of(bob), PROFILE, userId=gid("User", alice.id))

        # then
        profile = data["profile"]
        assert profile["id"] == gid("Profile", alice.id)
        assert profile["userId"] == gid("User", alice.id)
        assert (profile["displayName"], profile["isPrivate"], profile["isViewer"]) == (
            "alice",
            False,
            False,
        )
        assert [edge["node"]["name"] for edge in profile["pets"]["edges"]] == ["Mochi"]
        assert profile["pets"]["totalCount"] == 1
        assert profile["contentVisible"] is True

    async def test_update_profile_and_read_my_profile(self, run, alice):
        # given
        changes = {"displayName": "Alice", "bio": "Hi!", "avatarUrl": "https://img.example/a.png"}

        # when
        updated = await run(viewer_of(alice), UPDATE_PROFILE, input=changes)
        mine = await run(viewer_of(alice), MY_PROFILE)

        # then
        assert updated["updateProfile"]["userErrors"] == []
        assert updated["updateProfile"]["profile"]["bio"] == "Hi!"
        assert mine["myProfile"] == {
            "id": gid("Profile", alice.id),
            "displayName": "Alice",
            "isViewer": True,
        }

    async def test_a_bad_avatar_url_is_a_user_error(self, run, alice):
        # when
        data = await run(viewer_of(alice), UPDATE_PROFILE, input={"avatarUrl": "data:x"})

        # then
        assert data["updateProfile"] == {
            "profile": None,
            "userErrors": [{"field": ["avatarUrl"], "code": SocialErrorCode.INVALID_URL.name}],
        }

    async def test_a_suspended_user_cannot_update(self, run, alice):
        # given
        suspended = Viewer(user_id=alice.id, role=alice.role, suspended=True)

        # when
        data = await run(suspended, UPDATE_PROFILE, input={"bio": "x"})

        # then
        [error] = data["updateProfile"]["userErrors"]
        assert error["code"] == CommonErrorCode.ACCOUNT_SUSPENDED.name

    async def test_anonymous_viewers_get_not_authenticated(self, schema, make_context):
        # when
        result = await schema.execute(MY_PROFILE, context_value=make_context(None))

        # then
        assert result.errors[0].extensions["code"] == CommonErrorCode.NOT_AUTHENTICATED.name


class TestFollows:
    async def test_a_private_profile_approves_a_follower(self, session, run, alice, bob):
        # given
        await make_private(session, alice)

        # when
        requested = await run(viewer_of(bob), FOLLOW, input={"userId": gid("Profile", alice.id)})
        requests = await run(viewer_of(alice), FOLLOW_REQUESTS)
        approved = await run(viewer_of(alice), APPROVE, input={"userId": gid("User", bob.id)})
        followers = await run(viewer_of(bob), FOLLOWERS, userId=gid("User", alice.id))

        # then
        assert requested["followUser"]["status"] == "PENDING"
        assert requested["followUser"]["profile"]["viewerFollowStatus"] == "PENDING"
        assert requests["followRequests"]["totalCount"] == 1
        assert requests["followRequests"]["edges"][0]["node"]["requester"]["id"] == gid(
            "Profile", bob.id
        )
        assert approved["approveFollowRequest"]["profile"]["followsViewer"] is True
        assert followers["followers"]["totalCount"] == 1

    async def test_an_id_of_another_type_is_invalid(self, run, alice):
        # when
        data = await run(viewer_of(alice), FOLLOW, input={"userId": gid("Pet", 1)})

        # then
        assert data["followUser"]["userErrors"] == [
            {"field": ["userId"], "code": CommonErrorCode.INVALID_ID.name}
        ]

    async def test_following_yourself_is_refused(self, run, alice):
        # when
        data = await run(viewer_of(alice), FOLLOW, input={"userId": gid("User", alice.id)})

        # then
        assert data["followUser"]["userErrors"][0]["code"] == "CANNOT_FOLLOW_SELF"


class TestPosts:
    async def test_create_a_post_with_photos_and_a_tagged_pet(self, session, run, alice):
        # given
        mochi = await create_pet(session, alice, name="Mochi")
        post_input = {
            "text": "Sunday nap",
            "photoUrls": ["https://img.example/1.jpg", "https://img.example/2.jpg"],
            "taggedPetIds": [gid("Pet", mochi.id)],
            "visibility": "FOLLOWERS",
        }

        # when
        data = await run(viewer_of(alice), CREATE_POST, input=post_input)

        # then
        payload = data["createPost"]
        assert payload["userErrors"] == []
        post = payload["post"]
        assert (post["text"], post["visibility"], post["viewerIsAuthor"]) == (
            "Sunday nap",
            "FOLLOWERS",
            True,
        )
        assert post["author"] == {"id": gid("Profile", alice.id), "displayName": "alice"}
        assert [photo["position"] for photo in post["photos"]] == [0, 1]
        assert post["taggedPets"] == [{"name": "Mochi"}]
        assert (post["reactionCount"], post["commentCount"], post["viewerReaction"]) == (0, 0, None)

    async def test_tagging_someone_elses_pet_is_refused(self, session, run, alice, bob):
        # given
        rex = await create_pet(session, bob, name="Rex")

        # when
        data = await run(
            viewer_of(alice), CREATE_POST, input={"text": "x", "taggedPetIds": [gid("Pet", rex.id)]}
        )

        # then
        assert data["createPost"]["userErrors"] == [
            {"field": ["taggedPetIds", "0"], "code": "TAGGED_PET_NOT_FOUND"}
        ]

    async def test_another_users_post_cannot_be_deleted(self, session, run, alice, bob):
        # given
        post = await create_post(session, alice)

        # when
        data = await run(viewer_of(bob), DELETE_POST, input={"id": gid("Post", post.id)})

        # then
        assert data["deletePost"] == {
            "deletedPostId": None,
            "userErrors": [{"code": "POST_NOT_FOUND"}],
        }

    async def test_staff_remove_a_post(self, session, run, alice):
        # given
        staff = await create_user(session, Role.STAFF, prefix="mod")
        post = await create_post(session, alice)

        # when
        data = await run(viewer_of(staff), REMOVE_POST, input={"id": gid("Post", post.id)})

        # then
        assert data["removePost"]["userErrors"] == []
        assert data["removePost"]["post"]["removedAt"] is not None

    async def test_user_posts_and_feed(self, session, run, alice, bob):
        # given
        await follow(session, bob, alice)
        await create_post(session, alice, "hello from alice")

        # when
        posts = await run(viewer_of(bob), USER_POSTS, userId=gid("User", alice.id))
        feed = await run(viewer_of(bob), FEED)

        # then
        assert posts["userPosts"]["totalCount"] == 1
        assert feed["feed"]["edges"] == [
            {"node": {"text": "hello from alice", "author": {"displayName": "alice"}}}
        ]


class TestReactions:
    async def test_react_change_and_remove(self, session, run, alice, bob):
        # given
        post = await create_post(session, alice, "react to me")
        post_id = gid("Post", post.id)

        # when
        first = await run(viewer_of(bob), REACT, input={"postId": post_id, "kind": "LIKE"})
        changed = await run(viewer_of(bob), REACT, input={"postId": post_id, "kind": "HAHA"})
        removed = await run(viewer_of(bob), UNREACT, input={"postId": post_id})
        inbox = await run(viewer_of(alice), INBOX)

        # then
        assert first["reactToPost"]["reaction"] == {
            "kind": "LIKE",
            "user": {"id": gid("Profile", bob.id)},
        }
        counts = {c["kind"]: c["count"] for c in changed["reactToPost"]["post"]["reactionCounts"]}
        assert counts == {"LIKE": 0, "LOVE": 0, "HAHA": 1, "WOW": 0, "SAD": 0}
        assert changed["reactToPost"]["post"]["viewerReaction"] == "HAHA"
        assert removed["removeReaction"]["post"] == {"reactionCount": 0, "viewerReaction": None}
        [notification] = inbox["notifications"]["edges"]
        assert notification["node"]["kind"] == "REACTION"
        assert notification["node"]["target"] == {"id": post_id, "text": "react to me"}


class TestComments:
    async def test_comment_list_and_delete_by_the_post_author(self, session, run, alice, bob):
        # given
        post = await create_post(session, alice)
        post_id = gid("Post", post.id)

        # when
        added = await run(viewer_of(bob), ADD_COMMENT, input={"postId": post_id, "text": "Nice"})
        comment_id = added["addComment"]["comment"]["id"]
        listed = await run(viewer_of(alice), COMMENTS, postId=post_id)
        deleted = await run(viewer_of(alice), DELETE_COMMENT, input={"id": comment_id})
        after = await run(viewer_of(bob), COMMENTS, postId=post_id)

        # then
        comment = added["addComment"]["comment"]
        assert comment["author"] == {"id": gid("Profile", bob.id)}
        assert comment["post"] == {"id": post_id, "commentCount": 1}
        assert comment["viewerCanDelete"] is True
        assert listed["comments"]["edges"] == [{"node": {"text": "Nice"}}]
        assert deleted["deleteComment"] == {"deletedCommentId": comment_id, "userErrors": []}
        assert after["comments"]["totalCount"] == 0

    async def test_an_empty_comment_is_a_user_error(self, session, run, alice):
        # given
        post = await create_post(session, alice)

        # when
        data = await run(
            viewer_of(alice), ADD_COMMENT, input={"postId": gid("Post", post.id), "text": " "}
        )

        # then
        assert data["addComment"]["userErrors"] == [{"field": ["text"], "code": "INVALID_COMMENT"}]


class TestBlocks:
    async def test_block_then_list_blocked_users(self, run, alice, bob):
        # when
        blocked = await run(viewer_of(alice), BLOCK, input={"userId": gid("User", bob.id)})
        listed = await run(viewer_of(alice), BLOCKED_USERS)
        hidden = await run(viewer_of(bob), PROFILE, userId=gid("User", alice.id))

        # then
        assert blocked["blockUser"]["profile"] == {
            "id": gid("Profile", bob.id),
            "viewerHasBlocked": True,
        }
        assert listed["blockedUsers"]["totalCount"] == 1
        assert hidden["profile"] is None

    async def test_a_block_hides_the_profile_but_not_the_accounts_name(self, run, alice, bob):
        # given
        await run(viewer_of(alice), BLOCK, input={"userId": gid("User", bob.id)})

        # when
        profile = await run(viewer_of(bob), PROFILE, userId=gid("User", alice.id))
        user = await run(viewer_of(bob), USER_NAME, id=gid("User", alice.id))

        # then
        assert profile["profile"] is None
        assert user["node"] == {"displayName": "alice", "email": None}

    async def test_a_private_profile_hides_posts_but_not_the_accounts_name(
        self, run, session, alice, bob
    ):
        # given
        await make_private(session, alice)
        await create_post(session, alice, "secret")
        await create_pet(session, alice, name="Mochi")

        # when
        user = await run(viewer_of(bob), USER_NAME, id=gid("User", alice.id))
        profile = await run(viewer_of(bob), PROFILE, userId=gid("User", alice.id))

        # then
        assert user["node"] == {"displayName": "alice", "email": None}
        assert profile["profile"]["contentVisible"] is False
        assert profile["profile"]["pets"] == {"totalCount": 0, "edges": []}

    async def test_posts_of_a_profile_you_cannot_see_are_a_top_level_not_found(
        self, schema, make_context, session, alice, bob
    ):
        # given
        await make_private(session, alice)
        await create_post(session, alice, "secret")

        # when
        result = await schema.execute(
            USER_POSTS,
            variable_values={"userId": gid("User", alice.id)},
            context_value=make_context(viewer_of(bob)),
        )

        # then
        assert result.errors[0].extensions["code"] == SocialErrorCode.PROFILE_NOT_FOUND.name
