"""What can be reported: a registry other domains plug into, so moderation imports none of them.

A domain registers each kind of object it owns once, at import time::

    register_report_target("POST", exists=post_visible, remove=remove_post, author=post_author)

* ``exists(session, viewer, target_id) -> bool``: the object exists and ``viewer`` may see it
  (a report of something you cannot see is refused like a missing one).
* ``remove(session, moderator, target_id, now) -> None``: take it down (moderator's decision).
* ``author(session, target_id) -> int | None``: who is responsible for it, for suspensions and
  to tell them their content was removed; None when unknown.

Listings and users are registered here, since the marketplace and accounts belong to us.
"""

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.accounts.repository import UserRepository
from graphql_api.auth import Viewer
from graphql_api.marketplace.listings import service as listings_service
from graphql_api.marketplace.listings.repository import ListingRepository
from graphql_api.marketplace.models import ListingStatus
from graphql_api.moderation.models import ReportTargetType

Exists = Callable[[AsyncSession, Viewer, int], Awaitable[bool]]
Remove = Callable[[AsyncSession, Viewer, int, dt.datetime], Awaitable[None]]
Author = Callable[[AsyncSession, int], Awaitable[int | None]]


@dataclass(frozen=True, slots=True)
class ReportTarget:
    kind: ReportTargetType
    exists: Exists
    remove: Remove | None
    author: Author | None


_REGISTRY: dict[ReportTargetType, ReportTarget] = {}


def register_report_target(
    kind: ReportTargetType | str,
    *,
    exists: Exists,
    remove: Remove | None = None,
    author: Author | None = None,
) -> None:
    """Make ``kind`` reportable; registering a kind again replaces its handlers."""
    target_type = ReportTargetType(kind)
    _REGISTRY[target_type] = ReportTarget(target_type, exists, remove, author)


def unregister_report_target(kind: ReportTargetType | str) -> None:
    """Stop accepting reports of ``kind`` (tests plugging in stand-ins clean up with it)."""
    _REGISTRY.pop(ReportTargetType(kind), None)


def handler_for(kind: ReportTargetType) -> ReportTarget | None:
    return _REGISTRY.get(kind)


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


register_report_target(
    ReportTargetType.LISTING, exists=_listing_exists, remove=_remove_listing, author=_listing_seller
)
# A user is not "removed": moderators suspend them instead.
register_report_target(ReportTargetType.USER, exists=_user_exists, author=_user_themself)
