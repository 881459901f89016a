from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.social.follows.models import Follow
from graphql_api.social.follows.repository import FollowRepository


async def follower_counts_by_user_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[int]:
    return await FollowRepository(session).count_by(Follow.followee_id, ids)


async def following_counts_by_user_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[int]:
    return await FollowRepository(session).count_by(Follow.follower_id, ids)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "follower_count_by_user_id": follower_counts_by_user_id,
    "following_count_by_user_id": following_counts_by_user_id,
}
