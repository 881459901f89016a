import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select, exists, func, select

from graphql_api.auth import Viewer
from graphql_api.commands.models import Command, CommandKind, CommandStatus
from graphql_api.devices.models import Device
from graphql_api.feeding.models import FeedingLog, FeedingSource
from graphql_api.pagination import Page, PageArgs
from graphql_api.repository import RepositoryBase


@dataclass(frozen=True, slots=True)
class FeedingFilters:
    device_id: int | None = None
    pet_id: int | None = None
    source: FeedingSource | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None


class FeedingLogRepository(RepositoryBase[FeedingLog]):
    model = FeedingLog

    def readable_statement(self, viewer: Viewer) -> Select[tuple[FeedingLog]]:
        """Logs of the viewer's devices; staff and admins see every device's."""
        statement = select(FeedingLog)
        if not viewer.is_staff:
            owned = select(Device.id).where(Device.owner_id == viewer.user_id)
            statement = statement.where(FeedingLog.device_id.in_(owned))
        return statement

    async def get_readable_by_ids(
        self, viewer: Viewer, ids: Sequence[int]
    ) -> list[FeedingLog | None]:
        statement = self.readable_statement(viewer).where(FeedingLog.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda log: log.id)

    def list_statement(self, viewer: Viewer, filters: FeedingFilters) -> Select[tuple[FeedingLog]]:
        statement = self.readable_statement(viewer)
        if filters.device_id is not None:
            statement = statement.where(FeedingLog.device_id == filters.device_id)
        if filters.pet_id is not None:
            statement = statement.where(FeedingLog.pet_id == filters.pet_id)
        if filters.device_id is None and filters.pet_id is None:
            # Unfiltered, a viewer's own feeders only, staff included.
            own = select(Device.id).where(Device.owner_id == viewer.user_id)
            statement = statement.where(FeedingLog.device_id.in_(own))
        if filters.source is not None:
            statement = statement.where(FeedingLog.source == filters.source)
        if filters.since is not None:
            statement = statement.where(FeedingLog.fed_at >= filters.since)
        if filters.until is not None:
            statement = statement.where(FeedingLog.fed_at < filters.until)
        return statement

    async def page(self, statement: Select[tuple[FeedingLog]], page: PageArgs) -> Page[FeedingLog]:
        return await self.paginate(statement, page, newest_first=True)

    async def is_duplicate(
        self, device_id: int, device_time: dt.datetime, source: FeedingSource, grams: float
    ) -> bool:
        statement = select(
            exists().where(
                FeedingLog.device_id == device_id,
                FeedingLog.device_time == device_time,
                FeedingLog.source == source,
                FeedingLog.grams == grams,
            )
        )
        return bool(await self.scalar(statement))

    async def latest_unlinked_feed_command(
        self, device_id: int, since: dt.datetime
    ) -> Command | None:
        """The device's latest feed-now since ``since`` that no log carries yet: acknowledged
        ok, or fetched and not yet acknowledged — the PETio firmware posts the log of a remote
        feed *before* its ack (and acks ``ok`` only when that log was accepted)."""
        logged = exists().where(FeedingLog.command_id == Command.id)
        moment = func.coalesce(Command.finished_at, Command.sent_at)
        statement = (
            select(Command)
            .where(
                Command.device_id == device_id,
                Command.kind == CommandKind.FEED_NOW,
                Command.status.in_((CommandStatus.SUCCEEDED, CommandStatus.SENT)),
                moment >= since,
                ~logged,
            )
            .order_by(moment.desc(), Command.id.desc())
        )
        return await self.get_one_or_none(statement)

    async def amounts(
        self, device_id: int, since: dt.datetime, until: dt.datetime
    ) -> list[tuple[dt.datetime, float]]:
        statement = select(FeedingLog.fed_at, FeedingLog.grams).where(
            FeedingLog.device_id == device_id, FeedingLog.fed_at >= since, FeedingLog.fed_at < until
        )
        return [(fed_at, float(grams)) for fed_at, grams in (await self.execute(statement)).all()]
