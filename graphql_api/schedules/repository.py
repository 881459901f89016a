import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Select, func, select

from graphql_api.auth import Viewer
from graphql_api.devices.models import Device
from graphql_api.pagination import Page, PageArgs
from graphql_api.repository import RepositoryBase
from graphql_api.schedules.models import FeedingSchedule, ScheduleFiring


class ScheduleRepository(RepositoryBase[FeedingSchedule]):
    model = FeedingSchedule

    def readable_statement(self, viewer: Viewer) -> Select[tuple[FeedingSchedule]]:
        statement = select(FeedingSchedule)
        if not viewer.is_staff:
            statement = statement.join(Device, Device.id == FeedingSchedule.device_id).where(
                Device.owner_id == viewer.user_id
            )
        return statement

    def writable_statement(self, viewer: Viewer) -> Select[tuple[FeedingSchedule]]:
        return (
            select(FeedingSchedule)
            .join(Device, Device.id == FeedingSchedule.device_id)
            .where(Device.owner_id == viewer.user_id)
        )

    async def get_writable(self, viewer: Viewer, schedule_id: int) -> FeedingSchedule | None:
        statement = self.writable_statement(viewer).where(FeedingSchedule.id == schedule_id)
        return await self.get_one_or_none(statement)

    async def get_readable_by_ids(
        self, viewer: Viewer, ids: Sequence[int]
    ) -> list[FeedingSchedule | None]:
        statement = self.readable_statement(viewer).where(FeedingSchedule.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda schedule: schedule.id)

    def device_statement(self, viewer: Viewer, device_id: int) -> Select[tuple[FeedingSchedule]]:
        return self.readable_statement(viewer).where(FeedingSchedule.device_id == device_id)

    async def page(
        self, statement: Select[tuple[FeedingSchedule]], page: PageArgs
    ) -> Page[FeedingSchedule]:
        return await self.paginate(statement, page)

    async def count_for_device(self, device_id: int) -> int:
        return await self.count(
            select(FeedingSchedule).where(FeedingSchedule.device_id == device_id)
        )

    async def list_for_device(self, device_id: int) -> list[FeedingSchedule]:
        """A device's schedules by time of day: what the feeder itself is told."""
        statement = (
            select(FeedingSchedule)
            .where(FeedingSchedule.device_id == device_id)
            .order_by(FeedingSchedule.time_of_day, FeedingSchedule.id)
        )
        return await self.scalars(statement)


class FiringRepository(RepositoryBase[ScheduleFiring]):
    model = ScheduleFiring

    async def record(
        self, schedule: FeedingSchedule, local_date: dt.date, fired_at: dt.datetime
    ) -> int | None:
        """Record that ``schedule`` fired on ``local_date``; the new row's id, or None when it
        already fired that day.

        ``INSERT ... ON CONFLICT DO NOTHING`` on the unique (schedule_id, local_date): a
        concurrent poll in another process waits on the first one's row and then inserts
        nothing, instead of failing; no exception, so the transaction stays usable.
        """
        insert = self.insert_statement
        statement = (
            insert(ScheduleFiring)
            .values(
                schedule_id=schedule.id,
                device_id=schedule.device_id,
                local_date=local_date,
                grams=schedule.grams,
                fired_at=fired_at,
            )
            .on_conflict_do_nothing(index_elements=["schedule_id", "local_date"])
            .returning(ScheduleFiring.id)
        )
        return (await self.execute(statement)).scalar()

    async def latest_by_schedule_ids(
        self, schedule_ids: Sequence[int]
    ) -> list[ScheduleFiring | None]:
        latest = (
            select(func.max(ScheduleFiring.id))
            .where(ScheduleFiring.schedule_id.in_(schedule_ids))
            .group_by(ScheduleFiring.schedule_id)
        )
        statement = select(ScheduleFiring).where(ScheduleFiring.id.in_(latest.scalar_subquery()))
        return await self.in_key_order(statement, schedule_ids, lambda firing: firing.schedule_id)
