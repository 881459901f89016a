from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.social.comments.models import Comment
from graphql_api.social.comments.repository import CommentRepository


async def comments_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[Comment | None]:
    if viewer is None:
        return [None] * len(ids)
    return await CommentRepository(session).get_readable_by_ids(viewer, ids)


async def comment_counts_by_post_id(
    session: AsyncSession, viewer: Viewer | None, post_ids: Sequence[int]
) -> list[int]:
    if viewer is None:
        return [0] * len(post_ids)
    return await CommentRepository(session).counts_by_post_ids(viewer, post_ids)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "comment_by_id": comments_by_id,
    "comment_count_by_post_id": comment_counts_by_post_id,
}
