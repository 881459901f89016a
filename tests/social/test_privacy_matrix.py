"""The privacy matrix: for each kind of object and each viewer (author, follower, stranger,
blocked user, staff), what can be seen and what can be changed, through the GraphQL schema.

The author blocked ``blocked``; ``follower`` is an approved follower; the author's profile is
public or private. Each table row is an object or action, each column a viewer.
"""

import pytest
from strawberry import relay

from graphql_api.auth import Role, Viewer
from graphql_api.social.comments import service as comments_service
from graphql_api.social.posts import service as posts_service
from graphql_api.social.posts.models import PostVisibility
from graphql_api.social.posts.service import PostData
from tests.factories.accounts import create_user, viewer_of
from tests.factories.pets_db import create_pet
from tests.factories.social import (
    NOW,
    approved_follower,
    block,
    comment_on,
    create_post,
    make_private,
    react,
)

VIEWERS = ("author", "follower", "stranger", "blocked", "staff")

SEE = """
query See($userId: ID!, $public: ID!, $followers: ID!, $private: ID!, $comment: ID!) {
  profile(userId: $userId) { displayName pets { edges { node { name } } } }
  publicPost: post(id: $public) { id }
  followersPost: post(id: $followers) { id }
  privatePost: post(id: $private) { id }
  comment: node(id: $comment) { id }
}
"""
FOLLOWERS = "query F($userId: ID!) { followers(userId: $userId) { edges { node { id } } } }"
REACTIONS = "query R($postId: ID!) { reactions(postId: $postId) { edges { node { kind } } } }"

ERRORS = "userErrors { code }"
UPDATE_POST = f"mutation M($input: UpdatePostInput!) {{ updatePost(input: $input) {{ {ERRORS} }} }}"
DELETE_POST = f"mutation M($input: DeletePostInput!) {{ deletePost(input: $input) {{ {ERRORS} }} }}"
REMOVE_POST = f"mutation M($input: RemovePostInput!) {{ removePost(input: $input) {{ {ERRORS} }} }}"
UPDATE_COMMENT = (
    f"mutation M($input: UpdateCommentInput!) {{ updateComment(input: $input) {{ {ERRORS} }} }}"
)
DELETE_COMMENT = (
    f"mutation M($input: DeleteCommentInput!) {{ deleteComment(input: $input) {{ {ERRORS} }} }}"
)
ADD_COMMENT = f"mutation M($input: AddCommentInput!) {{ addComment(input: $input) {{ {ERRORS} }} }}"
REACT = f"mutation M($input: ReactToPostInput!) {{ reactToPost(input: $input) {{ {ERRORS} }} }}"
FOLLOW = f"mutation M($input: FollowUserInput!) {{ followUser(input: $input) {{ {ERRORS} }} }}"

#                       author  follower stranger blocked staff
SEEN_PUBLIC_PROFILE = {
    "profile card":    (True,  True,  True,  False, True),
    "pets":            (True,  True,  True,  False, True),
    "PUBLIC post":     (True,  True,  True,  False, True),
    "FOLLOWERS post":  (True,  True,  False, False, True),
    "PRIVATE post":    (True,  False, False, False, True),
    "comment":         (True,  True,  True,  False, True),
    "reactions":       (True,  True,  True,  False, True),
    "follower list":   (True,  True,  True,  False, True),
}  # fmt: skip
SEEN_PRIVATE_PROFILE = {
    "profile card":    (True,  True,  True,  False, True),
    "pets":            (True,  True,  False, False, True),
    "PUBLIC post":     (True,  True,  False, False, True),
    "FOLLOWERS post":  (True,  True,  False, False, True),
    "PRIVATE post":    (True,  False, False, False, True),
    "comment":         (True,  True,  False, False, True),
    "reactions":       (True,  True,  False, False, True),
    "follower list":   (True,  True,  False, False, True),
}  # fmt: skip

OK = "ok"
CHANGED_PUBLIC_PROFILE = {
    "edit post":      (OK, "POST_NOT_FOUND", "POST_NOT_FOUND", "POST_NOT_FOUND", "POST_NOT_FOUND"),
    "delete post":    (OK, "POST_NOT_FOUND", "POST_NOT_FOUND", "POST_NOT_FOUND", "POST_NOT_FOUND"),
    "remove post":    ("PERMISSION_DENIED",) * 4 + (OK,),
    "edit comment":   ("COMMENT_NOT_FOUND", OK, "COMMENT_NOT_FOUND", "COMMENT_NOT_FOUND",
                       "COMMENT_NOT_FOUND"),
    "delete comment": (OK, OK, "COMMENT_NOT_FOUND", "COMMENT_NOT_FOUND", "COMMENT_NOT_FOUND"),
    "comment":        (OK, OK, OK, "POST_NOT_FOUND", OK),
    "react":          (OK, OK, OK, "POST_NOT_FOUND", OK),
    "follow author":  ("CANNOT_FOLLOW_SELF", OK, OK, "PROFILE_NOT_FOUND", OK),
}  # fmt: skip
CHANGED_PRIVATE_PROFILE = {
    **CHANGED_PUBLIC_PROFILE,
    "comment":        (OK, OK, "POST_NOT_FOUND", "POST_NOT_FOUND", OK),
    "react":          (OK, OK, "POST_NOT_FOUND", "POST_NOT_FOUND", OK),
}  # fmt: skip


def gid(type_name: str, pk: int) -> str:
    return str(relay.GlobalID(type_name, str(pk)))


@pytest.fixture(params=["public", "private"])
async def world(request, session):
    users = {
        "author": await create_user(session, prefix="author"),
        "follower": await create_user(session, prefix="follower"),
        "stranger": await create_user(session, prefix="stranger"),
        "blocked": await create_user(session, prefix="blocked"),
        "staff": await create_user(session, Role.STAFF, prefix="staff"),
    }
    author = users["author"]
    if request.param == "private":
        await make_private(session, author)
    await approved_follower(session, users["follower"], author)
    await block(session, author, users["blocked"])
    await create_pet(session, author, name="Mochi")
    posts = {
        visibility: await create_post(session, author, visibility.value, visibility)
        for visibility in PostVisibility
    }
    public = posts[PostVisibility.PUBLIC]
    comment = await comment_on(session, users["follower"], public)
    await react(session, users["follower"], public)
    # Viewers, not users: a refused mutation rolls back and expires the loaded users.
    viewers = {name: viewer_of(user) for name, user in users.items()}
    return request.param, viewers, posts, comment


async def _execute(schema, make_context, viewer: Viewer, query: str, variables: dict):
    return await schema.execute(
        query, variable_values=variables, context_value=make_context(viewer)
    )


async def _seen(schema, make_context, user, viewers, posts, comment) -> dict[str, bool]:
    author = viewers["author"]
    result = await _execute(
        schema,
        make_context,
        user,
        SEE,
        {
            "userId": gid("User", author.user_id),
            "public": gid("Post", posts[PostVisibility.PUBLIC].id),
            "followers": gid("Post", posts[PostVisibility.FOLLOWERS].id),
            "private": gid("Post", posts[PostVisibility.PRIVATE].id),
            "comment": gid("Comment", comment.id),
        },
    )
    assert result.errors is None, result.errors
    data = result.data
    followers = await _execute(
        schema, make_context, user, FOLLOWERS, {"userId": gid("Profile", author.user_id)}
    )
    reactions = await _execute(
        schema,
        make_context,
        user,
        REACTIONS,
        {"postId": gid("Post", posts[PostVisibility.PUBLIC].id)},
    )
    return {
        "profile card": data["profile"] is not None,
        "pets": bool(data["profile"] and data["profile"]["pets"]["edges"]),
        "PUBLIC post": data["publicPost"] is not None,
        "FOLLOWERS post": data["followersPost"] is not None,
        "PRIVATE post": data["privatePost"] is not None,
        "comment": data["comment"] is not None,
        "reactions": reactions.errors is None and bool(reactions.data["reactions"]["edges"]),
        "follower list": followers.errors is None,
    }


def _outcome(result, field: str) -> str:
    assert result.errors is None, result.errors
    errors = result.data[field]["userErrors"]
    return errors[0]["code"] if errors else OK


async def _changes(schema, make_context, session, user, viewers) -> dict[str, str]:
    author, follower = viewers["author"], viewers["follower"]

    async def attempt(query: str, field: str, input_: dict) -> str:
        result = await _execute(schema, make_context, user, query, {"input": input_})
        return _outcome(result, field)

    async def fresh_post() -> str:
        post = await posts_service.create(session, author, PostData(text="fresh"), NOW)
        return gid("Post", post.id)

    async def fresh_comment() -> str:
        post = await posts_service.create(session, author, PostData(text="fresh"), NOW)
        comment = await comments_service.add(session, follower, post.id, "fresh", NOW)
        return gid("Comment", comment.id)

    return {
        "edit post": await attempt(
            UPDATE_POST, "updatePost", {"id": await fresh_post(), "text": "x"}
        ),
        "delete post": await attempt(DELETE_POST, "deletePost", {"id": await fresh_post()}),
        "remove post": await attempt(REMOVE_POST, "removePost", {"id": await fresh_post()}),
        "edit comment": await attempt(
            UPDATE_COMMENT, "updateComment", {"id": await fresh_comment(), "text": "x"}
        ),
        "delete comment": await attempt(
            DELETE_COMMENT, "deleteComment", {"id": await fresh_comment()}
        ),
        "comment": await attempt(
            ADD_COMMENT, "addComment", {"postId": await fresh_post(), "text": "hi"}
        ),
        "react": await attempt(REACT, "reactToPost", {"postId": await fresh_post(), "kind": "WOW"}),
        "follow author": await attempt(
            FOLLOW, "followUser", {"userId": gid("User", author.user_id)}
        ),
    }


def _columns(table: dict[str, tuple]) -> dict[str, dict[str, object]]:
    return {
        viewer: {row: cells[i] for row, cells in table.items()} for i, viewer in enumerate(VIEWERS)
    }


class TestPrivacyMatrix:
    async def test_who_sees_what(self, schema, make_context, world):
        # given
        privacy, viewers, posts, comment = world
        expected = _columns(SEEN_PUBLIC_PROFILE if privacy == "public" else SEEN_PRIVATE_PROFILE)

        # when
        seen = {
            name: await _seen(schema, make_context, viewers[name], viewers, posts, comment)
            for name in VIEWERS
        }

        # then
        assert seen == expected

    async def test_who_changes_what(self, schema, make_context, session, world):
        # given
        privacy, viewers, _, _ = world
        table = CHANGED_PUBLIC_PROFILE if privacy == "public" else CHANGED_PRIVATE_PROFILE
        expected = _columns(table)

        # when
        changed = {
            name: await _changes(schema, make_context, session, viewers[name], viewers)
            for name in VIEWERS
        }

        # then
        assert changed == expected
