from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.accounts.models import User
from graphql_api.accounts.repository import UserRepository
from graphql_api.auth import Viewer


async def users_by_id(
    session: AsyncSession, viewer: Viewer | None, ids: Sequence[int]
) -> list[User | None]:
    if viewer is None:
        return [None] * len(ids)
    return await UserRepository(session).get_readable_by_ids(viewer, ids)


# The relations this domain serves, by the attribute name on ``info.context.loaders``.
LOADERS = {
    "user_by_id": users_by_id,
}
