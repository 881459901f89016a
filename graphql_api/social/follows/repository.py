import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Select, and_, delete, func, or_, select, update

from graphql_api.repository import RepositoryBase
from graphql_api.social.follows.models import Follow, FollowStatus


class FollowRepository(RepositoryBase[Follow]):
    model = Follow

    async def get(self, follower_id: int, followee_id: int) -> Follow | None:
        return await self.get_one_or_none(
            select(Follow).where(
                Follow.follower_id == follower_id, Follow.followee_id == followee_id
            )
        )

    async def insert_if_absent(
        self, follower_id: int, followee_id: int, status: FollowStatus, now: dt.datetime
    ) -> bool:
        """Insert the follow unless the pair exists (even from a concurrent request);
        whether this call inserted it."""
        statement = (
            self.insert_statement(Follow)
            .values(
                follower_id=follower_id,
                followee_id=followee_id,
                status=status,
                created_at=now,
                approved_at=now if status is FollowStatus.APPROVED else None,
            )
            .on_conflict_do_nothing(index_elements=["follower_id", "followee_id"])
            .returning(Follow.id)
        )
        return (await self.execute(statement)).scalar() is not None

    async def delete_pair(self, follower_id: int, followee_id: int) -> None:
        await self.execute(
            delete(Follow).where(
                Follow.follower_id == follower_id, Follow.followee_id == followee_id
            )
        )

    async def delete_between(self, user_id: int, other_id: int) -> None:
        await self.execute(
            delete(Follow).where(
                or_(
                    and_(Follow.follower_id == user_id, Follow.followee_id == other_id),
                    and_(Follow.follower_id == other_id, Follow.followee_id == user_id),
                )
            )
        )

    async def approve_all_pending(self, followee_id: int, now: dt.datetime) -> list[int]:
        """Approve every request to ``followee_id``; the requesters' ids."""
        statement = (
            update(Follow)
            .where(Follow.followee_id == followee_id, Follow.status == FollowStatus.PENDING)
            .values(status=FollowStatus.APPROVED, approved_at=now)
            .returning(Follow.follower_id)
        )
        return list((await self.execute(statement)).scalars().all())

    def followers_statement(self, user_id: int) -> Select[tuple[Follow]]:
        return select(Follow).where(
            Follow.followee_id == user_id, Follow.status == FollowStatus.APPROVED
        )

    def following_statement(self, user_id: int) -> Select[tuple[Follow]]:
        return select(Follow).where(
            Follow.follower_id == user_id, Follow.status == FollowStatus.APPROVED
        )

    def requests_statement(self, user_id: int) -> Select[tuple[Follow]]:
        return select(Follow).where(
            Follow.followee_id == user_id, Follow.status == FollowStatus.PENDING
        )

    async def count_by(self, column, user_ids: Sequence[int]) -> list[int]:
        """Approved follows per user, grouped on ``column`` (followee: followers; follower:
        following)."""
        statement = (
            select(column, func.count())
            .where(column.in_(user_ids), Follow.status == FollowStatus.APPROVED)
            .group_by(column)
        )
        counts = dict((await self.execute(statement)).all())
        return [counts.get(user_id, 0) for user_id in user_ids]

    async def between_viewer_and(self, viewer_id: int, user_ids: Sequence[int]) -> list[Follow]:
        """Follows (any status) from the viewer to, or from, each of ``user_ids``."""
        statement = select(Follow).where(
            or_(
                and_(Follow.follower_id == viewer_id, Follow.followee_id.in_(user_ids)),
                and_(Follow.followee_id == viewer_id, Follow.follower_id.in_(user_ids)),
            )
        )
        return await self.scalars(statement)
