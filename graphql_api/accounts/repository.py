from collections.abc import Sequence

from sqlalchemy import Select, select

from graphql_api.accounts.models import User
from graphql_api.auth import Viewer
from graphql_api.repository import RepositoryBase


class UserRepository(RepositoryBase[User]):
    model = User

    def readable_statement(self, viewer: Viewer) -> Select[tuple[User]]:
        # Profiles become public with the social domain; until then a user sees only themself.
        statement = select(User)
        if not viewer.is_staff:
            statement = statement.where(User.id == viewer.user_id)
        return statement

    async def get_by_email(self, email: str) -> User | None:
        return await self.get_one_or_none(select(User).where(User.email == email))

    async def get_by_id(self, user_id: int) -> User | None:
        return await self.get_one_or_none(select(User).where(User.id == user_id))

    async def get_readable_by_ids(self, viewer: Viewer, ids: Sequence[int]) -> list[User | None]:
        statement = self.readable_statement(viewer).where(User.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda user: user.id)
