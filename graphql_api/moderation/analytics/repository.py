"""Aggregates for the admin dashboard: one GROUP BY per figure, over a time window."""

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select

from graphql_api.marketplace.listings.models import Listing
from graphql_api.marketplace.requests.models import PurchaseRequest
from graphql_api.marketplace.transactions.models import Transaction
from graphql_api.moderation.models import Report, ReportStatus
from graphql_api.repository import RepositoryBase


class AnalyticsRepository(RepositoryBase[Transaction]):
    model = Transaction

    async def _grouped(
        self, column: Any, created_at: Any, start: dt.datetime, end: dt.datetime
    ) -> list[tuple[Any, int]]:
        statement = (
            select(column, func.count())
            .where(created_at >= start, created_at < end)
            .group_by(column)
            .order_by(column)
        )
        return [(key, int(count)) for key, count in (await self.execute(statement)).all()]

    async def listings_by_status(
        self, start: dt.datetime, end: dt.datetime
    ) -> list[tuple[Any, int]]:
        return await self._grouped(Listing.status, Listing.created_at, start, end)

    async def listings_by_category(
        self, start: dt.datetime, end: dt.datetime
    ) -> list[tuple[Any, int]]:
        return await self._grouped(Listing.category_id, Listing.created_at, start, end)

    async def requests_by_state(
        self, start: dt.datetime, end: dt.datetime
    ) -> list[tuple[Any, int]]:
        return await self._grouped(PurchaseRequest.state, PurchaseRequest.created_at, start, end)

    async def reports_by_status(
        self, start: dt.datetime, end: dt.datetime
    ) -> list[tuple[Any, int]]:
        return await self._grouped(Report.status, Report.created_at, start, end)

    async def reports_by_target_type(
        self, start: dt.datetime, end: dt.datetime
    ) -> list[tuple[Any, int]]:
        return await self._grouped(Report.target_type, Report.created_at, start, end)

    async def open_reports(self) -> int:
        statement = (
            select(func.count()).select_from(Report).where(Report.status == ReportStatus.OPEN)
        )
        return int(await self.scalar(statement) or 0)

    def _utc_day(self) -> Any:
        # PostgreSQL truncates in the session's time zone unless told UTC; SQLite stores UTC text.
        if self.session.get_bind().dialect.name == "postgresql":
            return func.date(func.timezone("UTC", Transaction.completed_at))
        return func.date(Transaction.completed_at)

    async def sales_by_day(
        self, start: dt.datetime, end: dt.datetime
    ) -> list[tuple[dt.date, str, int, Decimal]]:
        """(UTC day, currency, sales, volume) for sales completed in the window."""
        day = self._utc_day().label("day")
        statement = (
            select(day, Transaction.currency, func.count(), func.sum(Transaction.price))
            .where(Transaction.completed_at >= start, Transaction.completed_at < end)
            .group_by(day, Transaction.currency)
            .order_by(day, Transaction.currency)
        )
        rows = (await self.execute(statement)).all()
        return [
            (_as_date(when), currency, int(count), Decimal(total))
            for when, currency, count, total in rows
        ]


def _as_date(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
