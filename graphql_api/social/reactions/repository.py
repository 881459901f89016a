import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Select, bindparam, delete, func, select

from graphql_api.auth import Viewer
from graphql_api.repository import RepositoryBase, ScopedStatement
from graphql_api.social import audience
from graphql_api.social.reactions.models import Reaction, ReactionKind


def _reaction_counts(viewer: Viewer) -> Select[tuple[int, ReactionKind, int]]:
    """Reactions per post (``post_ids``, a bind parameter) and kind that ``viewer`` may see."""
    return (
        select(Reaction.post_id, Reaction.kind, func.count())
        .where(
            Reaction.post_id.in_(bindparam("post_ids", expanding=True)),
            audience.not_blocked(viewer, Reaction.user_id),
        )
        .group_by(Reaction.post_id, Reaction.kind)
    )


def _of_post(viewer: Viewer) -> Select[tuple[Reaction]]:
    return select(Reaction).where(
        Reaction.post_id == bindparam("post_id"), audience.not_blocked(viewer, Reaction.user_id)
    )


class ReactionRepository(RepositoryBase[Reaction]):
    model = Reaction

    async def get(self, post_id: int, user_id: int) -> Reaction | None:
        return await self.get_one_or_none(
            select(Reaction).where(Reaction.post_id == post_id, Reaction.user_id == user_id)
        )

    async def get_one(self, post_id: int, user_id: int) -> Reaction:
        statement = select(Reaction).where(Reaction.post_id == post_id, Reaction.user_id == user_id)
        return (await self.execute(statement)).scalar_one()

    async def insert_if_absent(
        self, post_id: int, user_id: int, kind: ReactionKind, now: dt.datetime
    ) -> bool:
        """Insert the reaction unless the user already reacted (even from a concurrent
        request); whether this call inserted it."""
        statement = (
            self.insert_statement(Reaction)
            .values(post_id=post_id, user_id=user_id, kind=kind, created_at=now, updated_at=now)
            .on_conflict_do_nothing(index_elements=["post_id", "user_id"])
            .returning(Reaction.id)
        )
        return (await self.execute(statement)).scalar() is not None

    async def delete_of(self, post_id: int, user_id: int) -> None:
        await self.execute(
            delete(Reaction).where(Reaction.post_id == post_id, Reaction.user_id == user_id)
        )

    def for_post_statement(self, viewer: Viewer, post_id: int) -> ScopedStatement:
        """Who reacted to the post, leaving out people in a block with the viewer: built once
        per role."""
        return ScopedStatement("reactions-of-post", viewer, _of_post, values={"post_id": post_id})

    async def counts_by_post_ids(
        self, viewer: Viewer, post_ids: Sequence[int]
    ) -> list[dict[ReactionKind, int]]:
        """Reactions per post and kind, leaving out people in a block with the viewer; built
        once per role (a feed page asks on every request)."""
        counted = ScopedStatement("reaction-counts", viewer, _reaction_counts)
        rows = await self.scoped_rows(counted, {"post_ids": list(post_ids)})
        counts: dict[int, dict[ReactionKind, int]] = {post_id: {} for post_id in post_ids}
        for post_id, kind, count in rows:
            counts[post_id][kind] = count
        return [counts[post_id] for post_id in post_ids]

    async def of_user_by_post_ids(
        self, user_id: int, post_ids: Sequence[int]
    ) -> list[Reaction | None]:
        statement = select(Reaction).where(
            Reaction.user_id == user_id, Reaction.post_id.in_(post_ids)
        )
        return await self.in_key_order(statement, post_ids, lambda reaction: reaction.post_id)
