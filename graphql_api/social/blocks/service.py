"""Blocking: two users in a block see none of each other's content, and cannot follow, react,
comment or message each other. Blocking removes the follows between them both ways.

The marketplace asks :func:`is_blocked` before a message, a purchase request or an offer passes
between two users; social itself never imports the marketplace.
"""

import datetime as dt
from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer, require_viewer, require_writer
from graphql_api.pagination import Page, PageArgs
from graphql_api.social.blocks.errors import CannotBlockSelf
from graphql_api.social.blocks.repository import BlockRepository
from graphql_api.social.follows.repository import FollowRepository
from graphql_api.social.lists import aligned
from graphql_api.social.profiles.errors import ProfileNotFound
from graphql_api.social.profiles.models import ProfileView
from graphql_api.social.profiles.repository import ProfileRepository


async def is_blocked(session: AsyncSession, a_user_id: int, b_user_id: int) -> bool:
    """Whether either of the two users has blocked the other."""
    return await BlockRepository(session).exists_between(a_user_id, b_user_id)


async def block(
    session: AsyncSession, viewer: Viewer | None, user_id: int, now: dt.datetime
) -> None:
    """Block ``user_id``; blocking again is harmless. Follows between the two end."""
    viewer = require_writer(viewer)
    if user_id == viewer.user_id:
        raise CannotBlockSelf(field="userId")
    # Existence only: you may block someone who has blocked you (their card is hidden from you).
    if await ProfileRepository(session).get_user(user_id) is None:
        raise ProfileNotFound(field="userId")
    await BlockRepository(session).insert_if_absent(viewer.user_id, user_id, now)
    await FollowRepository(session).delete_between(viewer.user_id, user_id)


async def unblock(session: AsyncSession, viewer: Viewer | None, user_id: int) -> None:
    """Lift the viewer's block of ``user_id``; follows do not come back. Idempotent."""
    viewer = require_writer(viewer)
    await BlockRepository(session).delete_pair(viewer.user_id, user_id)


async def blocked_users(
    session: AsyncSession, viewer: Viewer | None, page: PageArgs
) -> tuple[Page[ProfileView], Callable[[], Awaitable[int]]]:
    """The people the viewer blocked, most recent first."""
    viewer = require_viewer(viewer)
    repository = BlockRepository(session)
    statement = repository.blocked_by_statement(viewer.user_id)
    blocks = await repository.paginate(statement, page, newest_first=True)
    # Unscoped: the viewer sees whom they blocked even if that user blocked them back.
    views = await ProfileRepository(session).views_of(
        [block_.blocked_id for block_ in blocks.items]
    )
    return aligned(blocks, views), repository.counter(statement)
