"""Profiles: a user's display name (on the account), bio, avatar and privacy.

A private profile shows its card (name, avatar, bio) to everyone it has not blocked, and its
posts, pets and follower lists only to approved followers. Going public approves every
waiting follow request.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer, require_viewer, require_writer
from graphql_api.partial import UNSET, given_fields
from graphql_api.social.follows import service as follows_service
from graphql_api.social.follows.models import FollowStatus
from graphql_api.social.profiles.errors import InvalidProfile, ProfileNotFound
from graphql_api.social.profiles.models import ProfileView, Relationship, SocialProfile
from graphql_api.social.profiles.repository import ProfileRepository
from graphql_api.social.validation import bounded_text, http_url

MAX_DISPLAY_NAME = 80
MAX_BIO = 500


@dataclass(frozen=True, slots=True)
class ProfileData:
    """Fields to change; ``UNSET`` leaves one as it is, None clears bio or avatar."""

    display_name: str = UNSET
    bio: str | None = UNSET
    avatar_url: str | None = UNSET
    is_private: bool = UNSET

    def given(self) -> dict[str, Any]:
        return given_fields(self)


def _validate(values: dict[str, Any]) -> dict[str, Any]:
    if "display_name" in values:
        values["display_name"] = bounded_text(
            values["display_name"], "displayName", MAX_DISPLAY_NAME, InvalidProfile, required=True
        )
    if "bio" in values:
        values["bio"] = bounded_text(values["bio"], "bio", MAX_BIO, InvalidProfile, required=False)
    if values.get("avatar_url") is not None:
        values["avatar_url"] = http_url(values["avatar_url"], "avatarUrl")
    if "is_private" in values and values["is_private"] is None:
        raise InvalidProfile("`isPrivate` cannot be null.", field="isPrivate")
    return values


def content_visible(
    viewer: Viewer | None, profile: ProfileView, relationship: Relationship
) -> bool:
    """Whether ``viewer`` may see the profile's posts, pets and follower lists: the rule of
    ``audience.content_visible``, for a profile and relationship already loaded."""
    if viewer is None:
        return False
    if viewer.is_staff or viewer.user_id == profile.user_id:
        return True
    if relationship.viewer_blocked or relationship.blocked_viewer:
        return False
    return not profile.is_private or relationship.viewer_follow is FollowStatus.APPROVED


async def get(session: AsyncSession, viewer: Viewer | None, user_id: int) -> ProfileView | None:
    viewer = require_viewer(viewer)
    [view] = await ProfileRepository(session).views_by_user_ids(viewer, [user_id])
    return view


async def get_own(session: AsyncSession, viewer: Viewer | None) -> ProfileView:
    viewer = require_viewer(viewer)
    view = await get(session, viewer, viewer.user_id)
    if view is None:
        raise ProfileNotFound()
    return view


async def update(
    session: AsyncSession, viewer: Viewer | None, data: ProfileData, now: dt.datetime
) -> ProfileView:
    viewer = require_writer(viewer)
    values = _validate(data.given())
    repository = ProfileRepository(session)
    user = await repository.get_user(viewer.user_id)
    if user is None:
        raise ProfileNotFound()
    if "display_name" in values:
        user.display_name = values.pop("display_name")
    row = await repository.get_row(viewer.user_id)
    if row is None:
        row = repository.add(SocialProfile(user_id=viewer.user_id, is_private=False))
    went_public = row.is_private and values.get("is_private") is False
    for name, value in values.items():
        setattr(row, name, value)
    row.updated_at = now
    await repository.flush()
    if went_public:
        await follows_service.approve_all_pending(session, viewer.user_id, now)
    return await get_own(session, viewer)
