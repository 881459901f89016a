import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Select, and_, bindparam, delete, select

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

    async def get_with_revocations(
        self, tokens: Sequence[tuple[int, str]]
    ) -> tuple[dict[int, User], set[str]]:
        """For ``(user id, token id)`` pairs: the users that exist, by id, and which of the
        token ids were logged out, in one statement (a user per row for each of their token
        ids in ``tokens`` that is revoked, or once with none)."""
        statement = self.prebuilt("users-with-revocations", _users_with_revocations)
        params = {
            "user_ids": list({user_id for user_id, _ in tokens}),
            "token_ids": list({token_id for _, token_id in tokens}),
        }
        users: dict[int, User] = {}
        revoked: set[str] = set()
        for user, revoked_token_id in await self.execute(statement, params):
            users[user.id] = user
            if revoked_token_id is not None:
                revoked.add(revoked_token_id)
        return users, revoked

    async def revoke_token(self, token_id: str, user_id: int, expires_at: dt.datetime) -> None:
        statement = self.insert_statement(RevokedToken).values(
            token_id=token_id, user_id=user_id, expires_at=expires_at
        )
        await self.execute(statement.on_conflict_do_nothing(index_elements=["token_id"]))

    async def prune_revoked(self, before: dt.datetime) -> None:
        await self.execute(delete(RevokedToken).where(RevokedToken.expires_at < before))


def _users_with_revocations() -> Select[tuple[User, str | None]]:
    revoked = and_(
        RevokedToken.user_id == User.id,
        RevokedToken.token_id.in_(bindparam("token_ids", expanding=True)),
    )
    return (
        select(User, RevokedToken.token_id)
        .outerjoin(RevokedToken, revoked)
        .where(User.id.in_(bindparam("user_ids", expanding=True)))
    )
