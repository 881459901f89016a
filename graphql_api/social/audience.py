"""Who may see what, once, as SQL predicates every social repository builds its selects on.

* Content of a user (their posts, pets, follower lists) is visible to themself and to staff;
  to anyone else only if neither has blocked the other, and the profile is public or the
  viewer is an approved follower.
* A post is visible by its visibility: PUBLIC as the author's content, FOLLOWERS to approved
  followers, PRIVATE to the author alone; a removed post exists for staff only.
* A profile's card (name, avatar, bio) is hidden only from users its owner has blocked.
  The account itself is not social's to hide: a ``User`` node's id and display name are shown
  to every signed-in viewer, blocked or not (accounts decides that), so a seller or message
  sender always has a name. Blocks and private profiles hide the social content: profile
  card, posts, pets, follower lists.

Staff see everything, removed content included, because they moderate it.

Each predicate's subquery selects from a fresh alias: SQLAlchemy auto-correlates a subquery's
tables with the enclosing select's, so a bare ``Follow`` inside a select of follows would
silently refer to the outer row.
"""

from sqlalchemy import ColumnElement, and_, exists, not_, or_, true
from sqlalchemy.orm import aliased

from graphql_api.auth import Viewer
from graphql_api.social.blocks.models import Block
from graphql_api.social.follows.models import Follow, FollowStatus
from graphql_api.social.posts.models import Post, PostVisibility
from graphql_api.social.profiles.models import SocialProfile


def follows(follower_id: int, user: ColumnElement[int]) -> ColumnElement[bool]:
    """``follower_id`` follows ``user`` (approved)."""
    follow = aliased(Follow)
    return exists().where(
        follow.follower_id == follower_id,
        follow.followee_id == user,
        follow.status == FollowStatus.APPROVED,
    )


def blocked_between(user_id: int, other: ColumnElement[int]) -> ColumnElement[bool]:
    """Either of ``user_id`` and ``other`` has blocked the other."""
    block = aliased(Block)
    return exists().where(
        or_(
            and_(block.blocker_id == user_id, block.blocked_id == other),
            and_(block.blocker_id == other, block.blocked_id == user_id),
        )
    )


def blocked_by(blocker: ColumnElement[int], blocked_id: int) -> ColumnElement[bool]:
    block = aliased(Block)
    return exists().where(block.blocker_id == blocker, block.blocked_id == blocked_id)


def is_public(user: ColumnElement[int]) -> ColumnElement[bool]:
    # No profile row means a public profile.
    profile = aliased(SocialProfile)
    return not_(exists().where(profile.user_id == user, profile.is_private.is_(True)))


def card_visible(viewer: Viewer, user: ColumnElement[int]) -> ColumnElement[bool]:
    if viewer.is_staff:
        return true()
    return or_(user == viewer.user_id, not_(blocked_by(user, viewer.user_id)))


def not_blocked(viewer: Viewer, user: ColumnElement[int]) -> ColumnElement[bool]:
    """For lists of people (commenters, reactors): hide those in a block with the viewer."""
    if viewer.is_staff:
        return true()
    return not_(blocked_between(viewer.user_id, user))


def content_visible(viewer: Viewer, owner: ColumnElement[int]) -> ColumnElement[bool]:
    if viewer.is_staff:
        return true()
    return or_(
        owner == viewer.user_id,
        and_(
            not_(blocked_between(viewer.user_id, owner)),
            or_(is_public(owner), follows(viewer.user_id, owner)),
        ),
    )


def post_visible(viewer: Viewer) -> ColumnElement[bool]:
    if viewer.is_staff:
        return true()
    others = and_(
        not_(blocked_between(viewer.user_id, Post.author_id)),
        or_(
            and_(
                Post.visibility == PostVisibility.PUBLIC,
                or_(is_public(Post.author_id), follows(viewer.user_id, Post.author_id)),
            ),
            and_(
                Post.visibility == PostVisibility.FOLLOWERS,
                follows(viewer.user_id, Post.author_id),
            ),
        ),
    )
    return and_(Post.removed_at.is_(None), or_(Post.author_id == viewer.user_id, others))
