"""Posts and comments as report targets: the handlers moderation's one table of targets
(``graphql_api.moderation.targets``) calls for POST and COMMENT reports.

Plain functions: social knows nothing of moderation, moderation names these. A removal here is
silent, because moderation tells the author.
"""

import datetime as dt

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.social.comments import service as comments_service
from graphql_api.social.comments.repository import CommentRepository
from graphql_api.social.posts import service as posts_service
from graphql_api.social.posts.repository import PostRepository


async def post_exists(session: AsyncSession, viewer: Viewer, post_id: int) -> bool:
    """The post exists and ``viewer`` may see it (nobody reports what they cannot see)."""
    return await PostRepository(session).get_readable(viewer, post_id) is not None


async def remove_post(
    session: AsyncSession, moderator: Viewer, post_id: int, now: dt.datetime
) -> None:
    await posts_service.take_down(session, moderator, post_id, now)


async def post_author(session: AsyncSession, post_id: int) -> int | None:
    post = await PostRepository(session).get_by_id(post_id)
    return post.author_id if post else None


async def comment_exists(session: AsyncSession, viewer: Viewer, comment_id: int) -> bool:
    """The comment exists and ``viewer`` may see it."""
    return await CommentRepository(session).get_readable(viewer, comment_id) is not None


async def remove_comment(
    session: AsyncSession, moderator: Viewer, comment_id: int, now: dt.datetime
) -> None:
    await comments_service.take_down(session, moderator, comment_id, now)


async def comment_author(session: AsyncSession, comment_id: int) -> int | None:
    comment = await CommentRepository(session).get_by_id(comment_id)
    return comment.author_id if comment else None
