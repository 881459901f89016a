from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.pets.models import Pet
from graphql_api.social.posts.models import Post, PostPhoto
from graphql_api.social.posts.repository import PostRepository


async def posts_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[Post | None]:
    if viewer is None:
        return [None] * len(ids)
    return await PostRepository(session).get_readable_by_ids(viewer, ids)


# Photos and tagged pets are asked for only through a Post the viewer could load.
async def photos_by_post_id(
    session: AsyncSession, viewer: Viewer | None, post_ids: Sequence[int]
) -> list[list[PostPhoto]]:
    return await PostRepository(session).photos_by_post_ids(post_ids)


async def tagged_pets_by_post_id(
    session: AsyncSession, viewer: Viewer | None, post_ids: Sequence[int]
) -> list[list[Pet]]:
    return await PostRepository(session).tagged_pets_by_post_ids(post_ids)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "post_by_id": posts_by_id,
    "photos_by_post_id": photos_by_post_id,
    "tagged_pets_by_post_id": tagged_pets_by_post_id,
}
