"""The admin dashboard: listings, requests, sales and reports over a window, in one read.

Sales are grouped per UTC day in the database and rolled up here into the asked period; every
period of the window appears, empty ones with zeros, and money is summed per currency (never
across currencies).
"""

import datetime as dt
import enum
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer
from graphql_api.marketplace.listings.models import ListingStatus
from graphql_api.marketplace.requests.models import RequestState
from graphql_api.moderation.analytics.repository import AnalyticsRepository
from graphql_api.moderation.errors import InvalidPeriod
from graphql_api.moderation.models import ReportStatus, ReportTargetType
from graphql_api.moderation.service import require_staff

MAX_PERIODS = 400


class Period(enum.StrEnum):
    DAY = "DAY"
    WEEK = "WEEK"
    MONTH = "MONTH"


@dataclass(frozen=True, slots=True)
class Volume:
    currency: str
    amount: Decimal


@dataclass(slots=True)
class SalesPeriod:
    start: dt.date
    count: int = 0
    volumes: dict[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class MarketplaceAnalytics:
    start: dt.datetime
    end: dt.datetime
    period: Period
    listings_by_status: list[tuple[ListingStatus, int]]
    listings_by_category: list[tuple[int, int]]
    requests_by_state: list[tuple[RequestState, int]]
    sales: list[SalesPeriod]
    reports_by_status: list[tuple[ReportStatus, int]]
    reports_by_target_type: list[tuple[ReportTargetType, int]]
    open_reports: int

    @property
    def sales_count(self) -> int:
        return sum(bucket.count for bucket in self.sales)

    @property
    def sales_volumes(self) -> list[Volume]:
        totals: dict[str, Decimal] = defaultdict(Decimal)
        for bucket in self.sales:
            for currency, amount in bucket.volumes.items():
                totals[currency] += amount
        return [Volume(currency, totals[currency]) for currency in sorted(totals)]


def period_start(day: dt.date, period: Period) -> dt.date:
    if period is Period.WEEK:
        return day - dt.timedelta(days=day.weekday())  # ISO weeks start on Monday
    if period is Period.MONTH:
        return day.replace(day=1)
    return day


def _next(start: dt.date, period: Period) -> dt.date:
    if period is Period.DAY:
        return start + dt.timedelta(days=1)
    if period is Period.WEEK:
        return start + dt.timedelta(weeks=1)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def periods(start: dt.datetime, end: dt.datetime, period: Period) -> list[dt.date]:
    """The starts of every period touching ``[start, end)``, at most ``MAX_PERIODS``."""
    if start.tzinfo is None or end.tzinfo is None:
        raise InvalidPeriod("`from` and `to` need a time zone offset.", field="from")
    if start >= end:
        raise InvalidPeriod("`from` must be before `to`.", field="from")
    last = (end - dt.timedelta(microseconds=1)).astimezone(dt.UTC).date()
    current, starts = period_start(start.astimezone(dt.UTC).date(), period), []
    while current <= last:
        starts.append(current)
        if len(starts) > MAX_PERIODS:
            raise InvalidPeriod(
                f"At most {MAX_PERIODS} periods; choose a longer period.", field="period"
            )
        current = _next(current, period)
    return starts


async def marketplace_analytics(
    session: AsyncSession,
    viewer: Viewer | None,
    start: dt.datetime,
    end: dt.datetime,
    period: Period,
) -> MarketplaceAnalytics:
    require_staff(viewer, write=False)
    buckets = {begin: SalesPeriod(begin) for begin in periods(start, end, period)}
    repository = AnalyticsRepository(session)
    for day, currency, count, total in await repository.sales_by_day(start, end):
        bucket = buckets[period_start(day, period)]
        bucket.count += count
        bucket.volumes[currency] = bucket.volumes.get(currency, Decimal("0.00")) + total
    return MarketplaceAnalytics(
        start=start,
        end=end,
        period=period,
        listings_by_status=await repository.listings_by_status(start, end),
        listings_by_category=await repository.listings_by_category(start, end),
        requests_by_state=await repository.requests_by_state(start, end),
        sales=list(buckets.values()),
        reports_by_status=await repository.reports_by_status(start, end),
        reports_by_target_type=await repository.reports_by_target_type(start, end),
        open_reports=await repository.open_reports(),
    )
