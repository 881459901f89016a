import datetime as dt

import strawberry

from graphql_api.marketplace.categories.types import Category
from graphql_api.marketplace.types import ListingStatus, Money, PurchaseRequestState
from graphql_api.moderation.analytics.service import MarketplaceAnalytics as Analytics
from graphql_api.moderation.analytics.service import Period
from graphql_api.moderation.types import ReportStatus, ReportTargetType

AnalyticsPeriod = strawberry.enum(
    Period, name="AnalyticsPeriod", description="How sales are grouped over time (UTC)."
)


@strawberry.type(description="Listings of one status.")
class ListingStatusCount:
    status: ListingStatus = strawberry.field(description="The status.")
    count: int = strawberry.field(description="How many listings created in the window have it.")


@strawberry.type(description="Listings of one category.")
class ListingCategoryCount:
    category_id: strawberry.Private[int]
    count: int = strawberry.field(description="How many listings created in the window are in it.")

    @strawberry.field(description="The category.")
    async def category(self, info: strawberry.Info) -> Category | None:
        category = await info.context.loaders.category_by_id.load(self.category_id)
        return Category.from_model(category) if category else None


@strawberry.type(description="Purchase requests in one state.")
class RequestStateCount:
    state: PurchaseRequestState = strawberry.field(description="The state.")
    count: int = strawberry.field(description="How many requests made in the window are in it now.")


@strawberry.type(description="Completed sales in one period.")
class SalesPeriod:
    start: dt.date = strawberry.field(
        description="First day of the period (UTC; weeks start Monday)."
    )
    count: int = strawberry.field(description="Sales completed in the period.")
    volume: list[Money] = strawberry.field(
        description="Their total value, one amount per currency."
    )


@strawberry.type(description="Reports with one status.")
class ReportStatusCount:
    status: ReportStatus = strawberry.field(description="The status.")
    count: int = strawberry.field(description="How many reports made in the window have it.")


@strawberry.type(description="Reports of one kind of object.")
class ReportTargetCount:
    target_type: ReportTargetType = strawberry.field(description="What was reported.")
    count: int = strawberry.field(description="How many reports made in the window.")


@strawberry.type(description="The marketplace dashboard for a time window.")
class MarketplaceAnalytics:
    from_: dt.datetime = strawberry.field(
        name="from", description="Start of the window, inclusive."
    )
    to: dt.datetime = strawberry.field(description="End of the window, exclusive.")
    period: AnalyticsPeriod = strawberry.field(description="How `sales` is grouped.")
    listings_by_status: list[ListingStatusCount] = strawberry.field(
        description="Listings created in the window, by current status."
    )
    listings_by_category: list[ListingCategoryCount] = strawberry.field(
        description="Listings created in the window, by category."
    )
    requests_by_state: list[RequestStateCount] = strawberry.field(
        description="Purchase requests made in the window, by current state."
    )
    sales: list[SalesPeriod] = strawberry.field(
        description="Completed sales per period, empty periods included."
    )
    sales_count: int = strawberry.field(description="Sales completed in the window.")
    sales_volume: list[Money] = strawberry.field(
        description="Their total value, one amount per currency."
    )
    reports_by_status: list[ReportStatusCount] = strawberry.field(
        description="Reports made in the window, by status."
    )
    reports_by_target_type: list[ReportTargetCount] = strawberry.field(
        description="Reports made in the window, by kind of object."
    )
    open_reports: int = strawberry.field(description="Reports waiting in the moderation queue now.")

    @classmethod
    def from_result(cls, result: Analytics) -> "MarketplaceAnalytics":
        return cls(
            from_=result.start,
            to=result.end,
            period=result.period,
            listings_by_status=[
                ListingStatusCount(status=s, count=c) for s, c in result.listings_by_status
            ],
            listings_by_category=[
                ListingCategoryCount(category_id=i, count=c) for i, c in result.listings_by_category
            ],
            requests_by_state=[
                RequestStateCount(state=s, count=c) for s, c in result.requests_by_state
            ],
            sales=[
                SalesPeriod(
                    start=bucket.start,
                    count=bucket.count,
                    volume=[Money(amount=a, currency=c) for c, a in sorted(bucket.volumes.items())],
                )
                for bucket in result.sales
            ],
            sales_count=result.sales_count,
            sales_volume=[
                Money(amount=v.amount, currency=v.currency) for v in result.sales_volumes
            ],
            reports_by_status=[
                ReportStatusCount(status=s, count=c) for s, c in result.reports_by_status
            ],
            reports_by_target_type=[
                ReportTargetCount(target_type=t, count=c) for t, c in result.reports_by_target_type
            ],
            open_reports=result.open_reports,
        )
