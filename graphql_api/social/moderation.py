"""Posts and comments as report targets: plugged into the moderation registry at import time,
so moderation resolves reports of them without importing social (see
``graphql_api.moderation.targets``). A removal here is silent: moderation tells the author."""

import datetime as dt

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.moderation.models import ReportTargetType
from graphql_api.moderation.targets import register_report_target
from graphql_api.social.comments import service as comments_service
from graphql_api.social.comments.repository import CommentRepository
from graphql_api.social.posts import service as posts_service
from graphql_api.social.posts.repository import PostRepository


async def _post_exists(session: AsyncSession, viewer: Viewer, post_id: int) -> bool:
    return await PostRepository(session).get_readable(viewer, post_id) is not None


async def _remove_post(
    session: AsyncSession, moderator: Viewer, post_id: int, now: dt.datetime
) -> None:
    await posts_service.take_down(session, moderator, post_id, now)


async def _post_author(session: AsyncSession, post_id: int) -> int | None:
    post = await PostRepository(session).get_by_id(post_id)
    return post.author_id if post else None


async def _comment_exists(session: AsyncSession, viewer: Viewer, comment_id: int) -> bool:
    return await CommentRepository(session).get_readable(viewer, comment_id) is not None


async def _remove_comment(
    session: AsyncSession, moderator: Viewer, comment_id: int, now: dt.datetime
) -> None:
    await comments_service.take_down(session, moderator, comment_id, now)


async def _comment_author(session: AsyncSession, comment_id: int) -> int | None:
    comment = await CommentRepository(session).get_by_id(comment_id)
    return comment.author_id if comment else None


def register() -> None:
    register_report_target(
        ReportTargetType.POST, exists=_post_exists, remove=_remove_post, author=_post_author
    )
    register_report_target(
        ReportTargetType.COMMENT,
        exists=_comment_exists,
        remove=_remove_comment,
        author=_comment_author,
    )


register()
