"""Reactions: one per user and post from a small fixed set; reacting again changes the kind,
and reacting with the same kind changes nothing. Only a new reaction notifies the author."""

import datetime as dt
from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer, require_viewer, require_writer
from graphql_api.pagination import Page, PageArgs
from graphql_api.social import flows as social_flows
from graphql_api.social.posts import service as posts_service
from graphql_api.social.posts.models import Post
from graphql_api.social.reactions.models import Reaction, ReactionKind
from graphql_api.social.reactions.repository import ReactionRepository


async def react(
    session: AsyncSession,
    viewer: Viewer | None,
    post_id: int,
    kind: ReactionKind,
    now: dt.datetime,
) -> tuple[Post, Reaction]:
    viewer = require_writer(viewer)
    post = await posts_service.require_readable(session, viewer, post_id)
    repository = ReactionRepository(session)
    reaction = await repository.get(post.id, viewer.user_id)
    if reaction is None:
        if await repository.insert_if_absent(post.id, viewer.user_id, kind, now):
            await social_flows.reacted(session, viewer.user_id, post.author_id, post.id, kind)
        # Ours, or a concurrent request's from the same user, which the change below settles.
        reaction = await repository.get_one(post.id, viewer.user_id)
    if reaction.kind is not kind:
        reaction.kind, reaction.updated_at = kind, now
        await repository.flush()
    return post, reaction


async def unreact(session: AsyncSession, viewer: Viewer | None, post_id: int) -> Post:
    """Take back the viewer's reaction; having none is fine."""
    viewer = require_writer(viewer)
    post = await posts_service.require_readable(session, viewer, post_id)
    await ReactionRepository(session).delete_of(post.id, viewer.user_id)
    return post


async def list_for_post(
    session: AsyncSession, viewer: Viewer | None, post_id: int, page: PageArgs
) -> tuple[Page[Reaction], Callable[[], Awaitable[int]]]:
    """Who reacted to a post the viewer may see, newest first."""
    viewer = require_viewer(viewer)
    await posts_service.require_readable(session, viewer, post_id)
    repository = ReactionRepository(session)
    statement = repository.for_post_statement(viewer, post_id)
    return await repository.paginate(statement, page, newest_first=True), repository.counter(
        statement
    )
