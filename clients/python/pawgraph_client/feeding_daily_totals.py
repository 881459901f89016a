from datetime import date

from pydantic import Field

from .base_model import BaseModel


class FeedingDailyTotals(BaseModel):
    feeding_daily_totals: list["FeedingDailyTotalsFeedingDailyTotals"] = Field(
        alias="feedingDailyTotals"
    )


class FeedingDailyTotalsFeedingDailyTotals(BaseModel):
    date: date
    grams: float
    feeds: int


FeedingDailyTotals.model_rebuild()
