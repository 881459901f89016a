"""The admin dashboard through the service: counts per status, sales per period and currency."""

import datetime as dt
from decimal import Decimal

import pytest

from graphql_api.auth import Role
from graphql_api.errors import PermissionDenied
from graphql_api.marketplace.listings import service as listings_service
from graphql_api.marketplace.listings.models import ListingStatus
from graphql_api.moderation.analytics import service as analytics_service
from graphql_api.moderation.analytics.service import Period, period_start, periods
from graphql_api.moderation.errors import InvalidPeriod
from tests.factories.accounts import create_user, viewer_of
from tests.marketplace.factories import create_listing

# A window far in the future, so only this test's sales fall in it.
MONDAY = dt.datetime(2031, 3, 3, tzinfo=dt.UTC)


async def quick_sale(session, seller, price: str, currency: str, at: dt.datetime):
    listing = await create_listing(session, seller, price=Decimal(price), currency=currency)
    await listings_service.quick_sell(
        session, viewer_of(seller), listing.id, buyer_id=None, price=None, now=at
    )
    return listing


class TestPeriods:
    def test_weeks_start_on_monday_and_months_on_the_first(self):
        # given
        day = dt.date(2031, 3, 13)  # a Thursday
        # when / then
        assert period_start(day, Period.WEEK) == dt.date(2031, 3, 10)
        assert period_start(day, Period.MONTH) == dt.date(2031, 3, 1)

    def test_every_period_touching_the_window(self):
        # given / when
        starts = periods(MONDAY, MONDAY + dt.timedelta(days=40), Period.MONTH)
        # then
        assert starts == [dt.date(2031, 3, 1), dt.date(2031, 4, 1)]

    @pytest.mark.parametrize(
        ("start", "end", "period"),
        [(MONDAY, MONDAY, Period.DAY), (MONDAY, MONDAY + dt.timedelta(days=500), Period.DAY)],
    )
    def test_refuses_empty_or_huge_windows(self, start, end, period):
        # given / when / then
        with pytest.raises(InvalidPeriod):
            periods(start, end, period)


class TestMarketplaceAnalytics:
    async def test_sales_per_week_and_currency_with_empty_weeks(self, session):
        # given
        admin = await create_user(session, Role.ADMIN, prefix="admin")
        seller = await create_user(session, prefix="seller")
        await quick_sale(session, seller, "10.50", "USD", MONDAY + dt.timedelta(hours=1))
        await quick_sale(session, seller, "4.50", "USD", MONDAY + dt.timedelta(days=6, hours=23))
        await quick_sale(session, seller, "300", "PHP", MONDAY + dt.timedelta(days=15))
        # when
        result = await analytics_service.marketplace_analytics(
            session, viewer_of(admin), MONDAY, MONDAY + dt.timedelta(days=21), Period.WEEK
        )
        # then
        assert [(b.start, b.count, b.volumes) for b in result.sales] == [
            (dt.date(2031, 3, 3), 2, {"USD": Decimal("15.00")}),
            (dt.date(2031, 3, 10), 0, {}),
            (dt.date(2031, 3, 17), 1, {"PHP": Decimal("300.00")}),
        ]
        assert result.sales_count == 3
        assert [(v.currency, v.amount) for v in result.sales_volumes] == [
            ("PHP", Decimal("300.00")),
            ("USD", Decimal("15.00")),
        ]

    async def test_listings_by_status_count_this_windows_listings(self, session):
        # given
        staff = await create_user(session, Role.STAFF, prefix="staff")
        seller = await create_user(session, prefix="seller")
        start = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        await create_listing(session, seller)
        sold = await create_listing(session, seller)
        sold.status = ListingStatus.SOLD
        await session.flush()
        # when
        result = await analytics_service.marketplace_analytics(
            session, viewer_of(staff), start, start + dt.timedelta(days=1), Period.DAY
        )
        # then
        by_status = dict(result.listings_by_status)
        assert by_status[ListingStatus.ACTIVE] >= 1 and by_status[ListingStatus.SOLD] >= 1
        assert sum(count for _, count in result.listings_by_category) == sum(by_status.values())

    async def test_owners_are_refused(self, session):
        # given
        owner = await create_user(session, prefix="owner")
        # when / then
        with pytest.raises(PermissionDenied):
            await analytics_service.marketplace_analytics(
                session, viewer_of(owner), MONDAY, MONDAY + dt.timedelta(days=1), Period.DAY
            )
