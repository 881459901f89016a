from collections.abc import Sequence

from sqlalchemy import Select, select

from graphql_api.accounts.models import User
from graphql_api.auth import Viewer
from graphql_api.repository import RepositoryBase


class UserRepository(RepositoryBase[User]):
    model = User

    def readable_statement(self, viewer: Viewer) -> Select[tuple[User]]:
        # Every signed-in viewer may read every user: sellers, message senders and notification
        # actors must have a name. What of a user is shown (only the display name, unless the
        # viewer is that user or staff) is decided field by field in accounts.types.User, by
        # accounts.service.sees_private_facts. Anonymous viewers get no user at all (loaders).
        return select(User)

    async def get_by_email(self, email: str) -> User | None:
        return await self.get_one_or_none(select(User).where(User.email == email))

    async def get_by_id(self, user_id: int) -> User | None:
        return await self.get_one_or_none(select(User).where(User.id == user_id))

    async def get_readable_by_ids(self, viewer: Viewer, ids: Sequence[int]) -> list[User | None]:
        statement = self.readable_statement(viewer).where(User.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda user: user.id)
