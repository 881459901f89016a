from collections.abc import Sequence

from sqlalchemy import Select, func, select

from graphql_api.accounts.models import User
from graphql_api.auth import Viewer
from graphql_api.moderation.models import Report, ReportStatus, ReportTargetType
from graphql_api.repository import RepositoryBase


class ReportRepository(RepositoryBase[Report]):
    model = Report

    def readable_statement(self, viewer: Viewer) -> Select[tuple[Report]]:
        """Staff see every report; anyone else only the reports they made."""
        statement = select(Report)
        if not viewer.is_staff:
            statement = statement.where(Report.reporter_id == viewer.user_id)
        return statement

    def queue_statement(
        self, statuses: Sequence[ReportStatus], target_type: ReportTargetType | None
    ) -> Select[tuple[Report]]:
        statement = select(Report).where(Report.status.in_(statuses))
        if target_type is not None:
            statement = statement.where(Report.target_type == target_type)
        return statement

    async def get_readable(self, viewer: Viewer, report_id: int) -> Report | None:
        statement = self.readable_statement(viewer).where(Report.id == report_id)
        return await self.get_one_or_none(statement)

    async def get_readable_by_ids(self, viewer: Viewer, ids: Sequence[int]) -> list[Report | None]:
        statement = self.readable_statement(viewer).where(Report.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda row: row.id)

    async def get_by_reporter(
        self, reporter_id: int, target_type: ReportTargetType, target_id: int
    ) -> Report | None:
        statement = select(Report).where(
            Report.reporter_id == reporter_id,
            Report.target_type == target_type,
            Report.target_id == target_id,
        )
        return await self.get_one_or_none(statement)

    async def list_open_for_target(
        self, target_type: ReportTargetType, target_id: int
    ) -> list[Report]:
        statement = (
            select(Report)
            .where(
                Report.target_type == target_type,
                Report.target_id == target_id,
                Report.status == ReportStatus.OPEN,
            )
            .order_by(Report.id)
            .with_for_update()
        )
        return await self.scalars(statement)

    async def open_counts_for_targets(
        self, targets: Sequence[tuple[ReportTargetType, int]]
    ) -> list[int]:
        """How many open reports each ``(type, id)`` has, in key order."""
        ids = {target_id for _, target_id in targets}
        statement = (
            select(Report.target_type, Report.target_id, func.count(Report.id))
            .where(Report.status == ReportStatus.OPEN, Report.target_id.in_(ids))
            .group_by(Report.target_type, Report.target_id)
        )
        counts = {
            (kind, target_id): count
            for kind, target_id, count in (await self.execute(statement)).all()
        }
        return [int(counts.get(target, 0)) for target in targets]

    async def get_user_for_update(self, user_id: int) -> User | None:
        statement = select(User).where(User.id == user_id).with_for_update()
        return await self.get_one_or_none(statement)
