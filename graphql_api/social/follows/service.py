"""Follows: immediate for a public profile, a request the owner approves for a private one.

Following, requesting and unfollowing are idempotent. A block (either way) prevents following:
if they blocked the viewer, their profile is not found; if the viewer blocked them, USER_BLOCKED.
"""

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer, require_viewer, require_writer
from graphql_api.pagination import Page, PageArgs
from graphql_api.social import audience
from graphql_api.social import flows as social_flows
from graphql_api.social.blocks.errors import UserBlocked
from graphql_api.social.blocks.repository import BlockRepository
from graphql_api.social.follows.errors import CannotFollowSelf, FollowRequestNotFound
from graphql_api.social.follows.models import Follow, FollowStatus
from graphql_api.social.follows.repository import FollowRepository
from graphql_api.social.lists import aligned
from graphql_api.social.profiles.errors import ProfileNotFound
from graphql_api.social.profiles.models import ProfileView
from graphql_api.social.profiles.repository import ProfileRepository

Counter = Callable[[], Awaitable[int]]


@dataclass(frozen=True, slots=True)
class FollowRequestView:
    requester: ProfileView
    requested_at: dt.datetime


async def _require_followable(session: AsyncSession, viewer: Viewer, user_id: int) -> None:
    if user_id == viewer.user_id:
        raise CannotFollowSelf(field="userId")
    [view] = await ProfileRepository(session).views_by_user_ids(viewer, [user_id])
    if view is None:
        raise ProfileNotFound(field="userId")
    blocks = BlockRepository(session)
    # Staff see the card of someone who blocked them, but may not follow them either.
    if await blocks.get(user_id, viewer.user_id) is not None:
        raise ProfileNotFound(field="userId")
    if await blocks.get(viewer.user_id, user_id) is not None:
        raise UserBlocked(field="userId")


async def follow(
    session: AsyncSession, viewer: Viewer | None, user_id: int, now: dt.datetime
) -> FollowStatus:
    """Follow ``user_id`` (or ask to, if their profile is private); the follow's status.

    Asking again, or following someone already followed, changes nothing and sends nothing.
    """
    viewer = require_writer(viewer)
    await _require_followable(session, viewer, user_id)
    repository = FollowRepository(session)
    existing = await repository.get(viewer.user_id, user_id)
    if existing is not None:
        return existing.status
    private = await ProfileRepository(session).is_private(user_id)
    status = FollowStatus.PENDING if private else FollowStatus.APPROVED
    if await repository.insert_if_absent(viewer.user_id, user_id, status, now):
        if private:
            await social_flows.follow_requested(session, viewer.user_id, user_id)
        else:
            await social_flows.followed(session, viewer.user_id, user_id)
        return status
    # A concurrent request inserted it first: that one notified.
    followed = await repository.get(viewer.user_id, user_id)
    return followed.status if followed else status


async def unfollow(session: AsyncSession, viewer: Viewer | None, user_id: int) -> None:
    """Stop following ``user_id``, or withdraw a request; nothing to undo is fine."""
    viewer = require_writer(viewer)
    await FollowRepository(session).delete_pair(viewer.user_id, user_id)


async def remove_follower(session: AsyncSession, viewer: Viewer | None, user_id: int) -> None:
    viewer = require_writer(viewer)
    repository = FollowRepository(session)
    existing = await repository.get(user_id, viewer.user_id)
    if existing is not None and existing.status is FollowStatus.APPROVED:
        await repository.delete_pair(user_id, viewer.user_id)


async def _pending_request(session: AsyncSession, viewer: Viewer, user_id: int) -> Follow:
    follow_ = await FollowRepository(session).get(user_id, viewer.user_id)
    if follow_ is None:
        raise FollowRequestNotFound(field="userId")
    return follow_


async def approve(
    session: AsyncSession, viewer: Viewer | None, user_id: int, now: dt.datetime
) -> None:
    """Approve ``user_id``'s request to follow the viewer; approving twice is harmless."""
    viewer = require_writer(viewer)
    follow_ = await _pending_request(session, viewer, user_id)
    if follow_.status is FollowStatus.APPROVED:
        return
    follow_.status, follow_.approved_at = FollowStatus.APPROVED, now
    await FollowRepository(session).flush()
    await social_flows.follow_approved(session, user_id, viewer.user_id)


async def decline(session: AsyncSession, viewer: Viewer | None, user_id: int) -> None:
    viewer = require_writer(viewer)
    follow_ = await _pending_request(session, viewer, user_id)
    if follow_.status is not FollowStatus.PENDING:
        raise FollowRequestNotFound(field="userId")
    await FollowRepository(session).delete_pair(user_id, viewer.user_id)


async def approve_all_pending(session: AsyncSession, user_id: int, now: dt.datetime) -> None:
    """When a profile goes public, its waiting requests become follows."""
    for follower_id in await FollowRepository(session).approve_all_pending(user_id, now):
        await social_flows.follow_approved(session, follower_id, user_id)


# ---- lists ---------------------------------------------------------------------------------------


async def _profiles_page(
    session: AsyncSession, viewer: Viewer, page: Page[Follow], user_of: Callable[[Follow], int]
) -> Page[ProfileView]:
    """The page's follows as the other side's profiles, one query for all of them."""
    ids = [user_of(follow_) for follow_ in page.items]
    return aligned(page, await ProfileRepository(session).views_by_user_ids(viewer, ids))


async def _list(
    session: AsyncSession,
    viewer: Viewer | None,
    user_id: int,
    page: PageArgs,
    *,
    followers: bool,
) -> tuple[Page[ProfileView], Counter]:
    viewer = require_viewer(viewer)
    if not await ProfileRepository(session).content_visible(viewer, user_id):
        raise ProfileNotFound(field="userId")
    repository = FollowRepository(session)
    if followers:
        statement = repository.followers_statement(user_id)
        column, user_of = Follow.follower_id, lambda follow_: follow_.follower_id
    else:
        statement = repository.following_statement(user_id)
        column, user_of = Follow.followee_id, lambda follow_: follow_.followee_id
    statement = statement.where(audience.not_blocked(viewer, column))
    follows = await repository.paginate(statement, page, newest_first=True)
    return await _profiles_page(session, viewer, follows, user_of), repository.counter(statement)


async def followers(
    session: AsyncSession, viewer: Viewer | None, user_id: int, page: PageArgs
) -> tuple[Page[ProfileView], Counter]:
    """Who follows ``user_id``, newest first; ProfileNotFound if the viewer may not see it."""
    return await _list(session, viewer, user_id, page, followers=True)


async def following(
    session: AsyncSession, viewer: Viewer | None, user_id: int, page: PageArgs
) -> tuple[Page[ProfileView], Counter]:
    """Whom ``user_id`` follows, newest first; ProfileNotFound if the viewer may not see it."""
    return await _list(session, viewer, user_id, page, followers=False)


async def requests(
    session: AsyncSession, viewer: Viewer | None, page: PageArgs
) -> tuple[Page[FollowRequestView], Counter]:
    """Requests waiting for the viewer's approval, newest first."""
    viewer = require_viewer(viewer)
    repository = FollowRepository(session)
    statement = repository.requests_statement(viewer.user_id)
    pending = await repository.paginate(statement, page, newest_first=True)
    requested_at = {follow_.follower_id: follow_.created_at for follow_ in pending.items}
    profiles = await _profiles_page(session, viewer, pending, lambda follow_: follow_.follower_id)
    items = [FollowRequestView(view, requested_at[view.user_id]) for view in profiles.items]
    return (
        Page(items, profiles.keys, profiles.has_next_page, profiles.has_previous_page),
        repository.counter(statement),
    )
