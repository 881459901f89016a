from datetime import date, datetime

from pydantic import Field

from .base_model import BaseModel
from .enums import AnalyticsPeriod, ListingStatus, PurchaseRequestState, ReportStatus
from .fragments import MoneyFields


class MarketplaceAnalytics(BaseModel):
    marketplace_analytics: "MarketplaceAnalyticsMarketplaceAnalytics" = Field(
        alias="marketplaceAnalytics"
    )


class MarketplaceAnalyticsMarketplaceAnalytics(BaseModel):
    from_: datetime = Field(alias="from")
    to: datetime
    period: AnalyticsPeriod
    listings_by_status: list[
        "MarketplaceAnalyticsMarketplaceAnalyticsListingsByStatus"
    ] = Field(alias="listingsByStatus")
    requests_by_state: list[
        "MarketplaceAnalyticsMarketplaceAnalyticsRequestsByState"
    ] = Field(alias="requestsByState")
    sales: list["MarketplaceAnalyticsMarketplaceAnalyticsSales"]
    sales_count: int = Field(alias="salesCount")
    reports_by_status: list[
        "MarketplaceAnalyticsMarketplaceAnalyticsReportsByStatus"
    ] = Field(alias="reportsByStatus")
    open_reports: int = Field(alias="openReports")


class MarketplaceAnalyticsMarketplaceAnalyticsListingsByStatus(BaseModel):
    status: ListingStatus
    count: int


class MarketplaceAnalyticsMarketplaceAnalyticsRequestsByState(BaseModel):
    state: PurchaseRequestState
    count: int


class MarketplaceAnalyticsMarketplaceAnalyticsSales(BaseModel):
    start: date
    count: int
    volume: list["MarketplaceAnalyticsMarketplaceAnalyticsSalesVolume"]


MarketplaceAnalyticsMarketplaceAnalyticsSalesVolume = MoneyFields


class MarketplaceAnalyticsMarketplaceAnalyticsReportsByStatus(BaseModel):
    status: ReportStatus
    count: int


MarketplaceAnalytics.model_rebuild()
MarketplaceAnalyticsMarketplaceAnalytics.model_rebuild()
MarketplaceAnalyticsMarketplaceAnalyticsSales.model_rebuild()
