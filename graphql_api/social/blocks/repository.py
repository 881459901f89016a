import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Select, and_, delete, or_, select

from graphql_api.repository import RepositoryBase
from graphql_api.social.blocks.models import Block


class BlockRepository(RepositoryBase[Block]):
    model = Block

    async def insert_if_absent(self, blocker_id: int, blocked_id: int, now: dt.datetime) -> None:
        # Blocking twice, even from two requests at once, leaves one row and no error.
        statement = (
            self.insert_statement(Block)
            .values(blocker_id=blocker_id, blocked_id=blocked_id, created_at=now)
            .on_conflict_do_nothing(index_elements=["blocker_id", "blocked_id"])
        )
        await self.execute(statement)

    async def delete_pair(self, blocker_id: int, blocked_id: int) -> None:
        await self.execute(
            delete(Block).where(Block.blocker_id == blocker_id, Block.blocked_id == blocked_id)
        )

    async def get(self, blocker_id: int, blocked_id: int) -> Block | None:
        return await self.get_one_or_none(
            select(Block).where(Block.blocker_id == blocker_id, Block.blocked_id == blocked_id)
        )

    async def exists_between(self, user_id: int, other_id: int) -> bool:
        statement = select(Block.id).where(
            or_(
                and_(Block.blocker_id == user_id, Block.blocked_id == other_id),
                and_(Block.blocker_id == other_id, Block.blocked_id == user_id),
            )
        )
        return await self.scalar(statement) is not None

    async def between_viewer_and(self, viewer_id: int, user_ids: Sequence[int]) -> list[Block]:
        statement = select(Block).where(
            or_(
                and_(Block.blocker_id == viewer_id, Block.blocked_id.in_(user_ids)),
                and_(Block.blocked_id == viewer_id, Block.blocker_id.in_(user_ids)),
            )
        )
        return await self.scalars(statement)

    def blocked_by_statement(self, blocker_id: int) -> Select[tuple[Block]]:
        return select(Block).where(Block.blocker_id == blocker_id)
