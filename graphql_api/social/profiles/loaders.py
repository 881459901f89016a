from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.pagination import Page, PageArgs, pages_by_group
from graphql_api.pets.models import Pet
from graphql_api.social.blocks.repository import BlockRepository
from graphql_api.social.follows.models import FollowStatus
from graphql_api.social.follows.repository import FollowRepository
from graphql_api.social.profiles.models import ProfileView, Relationship
from graphql_api.social.profiles.repository import ProfileRepository


async def profiles_by_user_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[ProfileView | None]:
    if viewer is None:
        return [None] * len(ids)
    return await ProfileRepository(session).views_by_user_ids(viewer, ids)


async def pet_pages_by_owner_id(
    session: AsyncSession, viewer: Viewer | None, keys: Sequence[tuple[int, PageArgs]]
) -> list[Page[Pet]]:
    """Keys: (owner id, page asked); the pets their profile shows the viewer."""

    async def fetch(owner_ids: list[int], page: PageArgs) -> list[Page[Pet]]:
        if viewer is None:
            return [Page.empty() for _ in owner_ids]
        return await ProfileRepository(session).pet_pages_by_owner_ids(viewer, owner_ids, page)

    return await pages_by_group(keys, fetch)


async def pet_counts_by_owner_id(
    session: AsyncSession, viewer: Viewer | None, owner_ids: Sequence[int]
) -> list[int]:
    if viewer is None:
        return [0] * len(owner_ids)
    return await ProfileRepository(session).pet_counts_by_owner_ids(viewer, owner_ids)


async def relationships_by_user_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[Relationship]:
    """How the viewer stands with each user: two queries for any number of them."""
    if viewer is None:
        return [Relationship() for _ in ids]
    me = viewer.user_id
    follows = await FollowRepository(session).between_viewer_and(me, ids)
    blocks = await BlockRepository(session).between_viewer_and(me, ids)
    outgoing = {f.followee_id: f.status for f in follows if f.follower_id == me}
    followers = {
        f.follower_id for f in follows if f.followee_id == me and f.status is FollowStatus.APPROVED
    }
    blocking = {b.blocked_id for b in blocks if b.blocker_id == me}
    blocked_by = {b.blocker_id for b in blocks if b.blocked_id == me}
    return [
        Relationship(
            viewer_follow=outgoing.get(user_id),
            follows_viewer=user_id in followers,
            viewer_blocked=user_id in blocking,
            blocked_viewer=user_id in blocked_by,
        )
        for user_id in ids
    ]


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "profile_by_user_id": profiles_by_user_id,
    "profile_pet_page_by_owner_id": pet_pages_by_owner_id,
    "profile_pet_count_by_owner_id": pet_counts_by_owner_id,
    "relationship_by_user_id": relationships_by_user_id,
}
