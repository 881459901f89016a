"""Social objects written straight through the services on the test's rolled-back session."""

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.accounts.models import User
from graphql_api.pets.models import Pet
from graphql_api.social.blocks import service as blocks_service
from graphql_api.social.comments import service as comments_service
from graphql_api.social.comments.models import Comment
from graphql_api.social.follows import service as follows_service
from graphql_api.social.follows.models import FollowStatus
from graphql_api.social.posts import service as posts_service
from graphql_api.social.posts.models import Post, PostVisibility
from graphql_api.social.profiles import service as profiles_service
from graphql_api.social.reactions import service as reactions_service
from graphql_api.social.reactions.models import Reaction, ReactionKind
from tests.factories.accounts import viewer_of

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


async def make_private(session: AsyncSession, user: User) -> None:
    await profiles_service.update(
        session, viewer_of(user), profiles_service.ProfileData(is_private=True), NOW
    )


async def follow(session: AsyncSession, follower: User, followee: User) -> FollowStatus:
    return await follows_service.follow(session, viewer_of(follower), followee.id, NOW)


async def approved_follower(session: AsyncSession, follower: User, followee: User) -> None:
    """``follower`` follows ``followee``, approved even if the profile is private."""
    if await follow(session, follower, followee) is FollowStatus.PENDING:
        await follows_service.approve(session, viewer_of(followee), follower.id, NOW)


async def block(session: AsyncSession, blocker: User, blocked: User) -> None:
    await blocks_service.block(session, viewer_of(blocker), blocked.id, NOW)


async def create_post(
    session: AsyncSession,
    author: User,
    text: str = "Walkies!",
    visibility: PostVisibility = PostVisibility.PUBLIC,
    photo_urls: Sequence[str] = (),
    pets: Sequence[Pet] = (),
) -> Post:
    data = posts_service.PostData(
        text=text,
        photo_urls=list(photo_urls),
        tagged_pet_ids=[pet.id for pet in pets],
        visibility=visibility,
    )
    return await posts_service.create(session, viewer_of(author), data, NOW)


async def comment_on(
    session: AsyncSession, author: User, post: Post, text: str = "So cute!"
) -> Comment:
    return await comments_service.add(session, viewer_of(author), post.id, text, NOW)


async def react(
    session: AsyncSession, user: User, post: Post, kind: ReactionKind = ReactionKind.LIKE
) -> Reaction:
    _, reaction = await reactions_service.react(session, viewer_of(user), post.id, kind, NOW)
    return reaction
