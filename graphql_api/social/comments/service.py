"""Comments on posts. Anyone who can see a post comments on it; the comment's author edits and
deletes it, the post's author deletes it too, and staff remove it."""

import datetime as dt
from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer, require_viewer, require_writer
from graphql_api.pagination import Page, PageArgs
from graphql_api.social import flows as social_flows
from graphql_api.social.comments.errors import CommentNotFound, InvalidComment
from graphql_api.social.comments.models import Comment
from graphql_api.social.comments.repository import CommentRepository
from graphql_api.social.posts import service as posts_service
from graphql_api.social.posts.repository import PostRepository
from graphql_api.social.staff import require_moderator
from graphql_api.social.validation import bounded_text

MAX_TEXT = 2000


def _text(value: str) -> str:
    return bounded_text(value, "text", MAX_TEXT, InvalidComment, required=True) or ""


async def add(
    session: AsyncSession, viewer: Viewer | None, post_id: int, text: str, now: dt.datetime
) -> Comment:
    viewer = require_writer(viewer)
    body = _text(text)
    post = await posts_service.require_readable(session, viewer, post_id)
    repository = CommentRepository(session)
    comment = repository.add(
        Comment(
            post_id=post.id, author_id=viewer.user_id, text=body, created_at=now, updated_at=now
        )
    )
    await repository.flush()
    await social_flows.commented(session, viewer.user_id, post.author_id, comment.id, body)
    return comment


async def _readable(session: AsyncSession, viewer: Viewer, comment_id: int) -> Comment:
    comment = await CommentRepository(session).get_readable(viewer, comment_id)
    if comment is None:
        raise CommentNotFound(field="id")
    return comment


async def update(
    session: AsyncSession, viewer: Viewer | None, comment_id: int, text: str, now: dt.datetime
) -> Comment:
    """Only the comment's author edits it, and only while they can still see it."""
    viewer = require_writer(viewer)
    body = _text(text)
    comment = await _readable(session, viewer, comment_id)
    if comment.author_id != viewer.user_id or comment.removed_at is not None:
        raise CommentNotFound(field="id")
    comment.text, comment.updated_at = body, now
    await CommentRepository(session).flush()
    return comment


async def delete(session: AsyncSession, viewer: Viewer | None, comment_id: int) -> Comment:
    """The comment's author, or the author of the post it is on, deletes it for good."""
    viewer = require_writer(viewer)
    comment = await _readable(session, viewer, comment_id)
    if comment.author_id != viewer.user_id:
        post = await PostRepository(session).get_readable(viewer, comment.post_id)
        if post is None or post.author_id != viewer.user_id:
            raise CommentNotFound(field="id")
    await CommentRepository(session).delete(comment)
    return comment


async def get(session: AsyncSession, viewer: Viewer | None, comment_id: int) -> Comment | None:
    return await CommentRepository(session).get_readable(require_viewer(viewer), comment_id)


async def list_for_post(
    session: AsyncSession, viewer: Viewer | None, post_id: int, page: PageArgs
) -> tuple[Page[Comment], Callable[[], Awaitable[int]]]:
    """The comments on a post the viewer may see, oldest first."""
    viewer = require_viewer(viewer)
    await posts_service.require_readable(session, viewer, post_id)
    repository = CommentRepository(session)
    statement = repository.for_post_statement(viewer, post_id)
    return await repository.paginate(statement, page), repository.counter(statement)


# ---- moderation ----------------------------------------------------------------------------------


async def take_down(
    session: AsyncSession, moderator: Viewer, comment_id: int, now: dt.datetime
) -> Comment | None:
    """Mark a comment removed (already removed stays as it was); None if there is none."""
    comment = await CommentRepository(session).get_readable(moderator, comment_id)
    if comment is not None and comment.removed_at is None:
        comment.removed_at, comment.removed_by_id = now, moderator.user_id
        await CommentRepository(session).flush()
    return comment


async def remove(
    session: AsyncSession, viewer: Viewer | None, comment_id: int, now: dt.datetime
) -> Comment:
    """A moderator removes a comment outright; its author is told."""
    moderator = require_moderator(viewer)
    comment = await _readable(session, moderator, comment_id)
    if comment.removed_at is None:
        await take_down(session, moderator, comment_id, now)
        await social_flows.content_removed(session, moderator.user_id, comment.author_id, "comment")
    return comment
