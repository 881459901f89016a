import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Select, bindparam, delete, exists, select

from graphql_api.accounts.models import RevokedToken, User
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
        # Built once: every request that asks for ``me`` runs it.
        statement = self.prebuilt(
            "user-by-id", lambda: select(User).where(User.id == bindparam("user_id"))
        )
        return (await self.execute(statement, {"user_id": user_id})).scalars().first()

    async def get_readable_by_ids(self, viewer: Viewer, ids: Sequence[int]) -> list[User | None]:
        statement = self.readable_statement(viewer).where(User.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda user: user.id)

    async def get_with_revocation(self, user_id: int, token_id: str) -> tuple[User, bool] | None:
        """The user and whether this token id was logged out, in one statement."""
        revoked = exists().where(RevokedToken.token_id == token_id)
        statement = select(User, revoked.label("revoked")).where(User.id == user_id)
        row = (await self.execute(statement)).first()
        return (row[0], bool(row[1])) if row else None

    async def revoke_token(self, token_id: str, user_id: int, expires_at: dt.datetime) -> None:
        statement = self.insert_statement(RevokedToken).values(
            token_id=token_id, user_id=user_id, expires_at=expires_at
        )
        await self.execute(statement.on_conflict_do_nothing(index_elements=["token_id"]))

    async def prune_revoked(self, before: dt.datetime) -> None:
        await self.execute(delete(RevokedToken).where(RevokedToken.expires_at < before))
