from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.social.reactions.models import Reaction, ReactionKind
from graphql_api.social.reactions.repository import ReactionRepository


async def reaction_counts_by_post_id(
    session: AsyncSession, viewer: Viewer | None, post_ids: Sequence[int]
) -> list[dict[ReactionKind, int]]:
    if viewer is None:
        return [{} for _ in post_ids]
    return await ReactionRepository(session).counts_by_post_ids(viewer, post_ids)


async def viewer_reactions_by_post_id(
    session: AsyncSession, viewer: Viewer | None, post_ids: Sequence[int]
) -> list[Reaction | None]:
    if viewer is None:
        return [None] * len(post_ids)
    return await ReactionRepository(session).of_user_by_post_ids(viewer.user_id, post_ids)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "reaction_counts_by_post_id": reaction_counts_by_post_id,
    "viewer_reaction_by_post_id": viewer_reactions_by_post_id,
}
