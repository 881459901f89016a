"""What can be reported: one static table, :data:`TARGETS`, with a row per report target type.

Moderation is the domain that knows what can be reported, so it names every handler here,
including the ones other domains own (posts and comments: :mod:`graphql_api.social.moderation`,
which imports nothing of moderation). Nothing registers itself at import time, so any code that
imports moderation gets every target.

Each row holds:

* ``exists(session, viewer, target_id) -> bool``: the object exists and ``viewer`` may see it
  (a report of something you cannot see is refused like a missing one).
* ``remove(session, moderator, target_id, now) -> None``: take it down (moderator's decision);
  None when the kind cannot be removed (a user is suspended instead).
* ``author(session, target_id) -> int | None``: who is responsible for it, for suspensions and
  to tell them their content was removed; None when unknown.

Tests substitute a row explicitly, for their own duration only, with
``monkeypatch.setitem(targets.TARGETS, ReportTargetType.POST, ReportTarget(...))``.
"""

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.accounts.repository import UserRepository
from graphql_api.auth import Viewer
from graphql_api.marketplace.listings import service as listings_service
from graphql_api.marketplace.listings.models import ListingStatus
from graphql_api.marketplace.listings.repository import ListingRepository
from graphql_api.moderation.models import ReportTargetType
from graphql_api.social import moderation as social_moderation

Exists = Callable[[AsyncSession, Viewer, int], Awaitable[bool]]
Remove = Callable[[AsyncSession, Viewer, int, dt.datetime], Awaitable[None]]
Author = Callable[[AsyncSession, int], Awaitable[int | None]]


@dataclass(frozen=True, slots=True)
class ReportTarget:
    kind: ReportTargetType
    exists: Exists
    remove: Remove | None
    author: Author | None


# ---- listings ------------------------------------------------------------------------------------


async def _listing_exists(session: AsyncSession, viewer: Viewer, listing_id: int) -> bool:
    return await ListingRepository(session).get_readable(viewer, listing_id) is not None


async def _remove_listing(
    session: AsyncSession, moderator: Viewer, listing_id: int, now: dt.datetime
) -> None:
    listing = await ListingRepository(session).get_for_update(listing_id)
    if listing is not None and listing.status is not ListingStatus.REMOVED:
        await listings_service.take_down(session, listing, moderator.user_id, now)


async def _listing_seller(session: AsyncSession, listing_id: int) -> int | None:
    listing = await ListingRepository(session).get_by_id(listing_id)
    return listing.seller_id if listing else None


# ---- users ---------------------------------------------------------------------------------------


async def _user_exists(session: AsyncSession, viewer: Viewer, user_id: int) -> bool:
    return await UserRepository(session).get_by_id(user_id) is not None


async def _user_themself(session: AsyncSession, user_id: int) -> int | None:
    return user_id if await UserRepository(session).get_by_id(user_id) is not None else None


# ---- the table -----------------------------------------------------------------------------------

TARGETS: dict[ReportTargetType, ReportTarget] = {
    ReportTargetType.LISTING: ReportTarget(
        ReportTargetType.LISTING, _listing_exists, _remove_listing, _listing_seller
    ),
    # A user is not "removed": moderators suspend them instead.
    ReportTargetType.USER: ReportTarget(ReportTargetType.USER, _user_exists, None, _user_themself),
    ReportTargetType.POST: ReportTarget(
        ReportTargetType.POST,
        social_moderation.post_exists,
        social_moderation.remove_post,
        social_moderation.post_author,
    ),
    ReportTargetType.COMMENT: ReportTarget(
        ReportTargetType.COMMENT,
        social_moderation.comment_exists,
        social_moderation.remove_comment,
        social_moderation.comment_author,
    ),
}


def handler_for(kind: ReportTargetType) -> ReportTarget:
    """The row for ``kind``; every ReportTargetType has one (a test keeps it so)."""
    return TARGETS[kind]
