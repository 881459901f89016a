from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import FeedingSource
from .fragments import PageInfoFields


class FeedingHistory(BaseModel):
    feeding_history: "FeedingHistoryFeedingHistory" = Field(alias="feedingHistory")


class FeedingHistoryFeedingHistory(BaseModel):
    total_count: int = Field(alias="totalCount")
    page_info: "FeedingHistoryFeedingHistoryPageInfo" = Field(alias="pageInfo")
    edges: list["FeedingHistoryFeedingHistoryEdges"]


FeedingHistoryFeedingHistoryPageInfo = PageInfoFields


class FeedingHistoryFeedingHistoryEdges(BaseModel):
    node: "FeedingHistoryFeedingHistoryEdgesNode"


class FeedingHistoryFeedingHistoryEdgesNode(BaseModel):
    id: str
    grams: float
    source: FeedingSource
    fed_at: datetime = Field(alias="fedAt")
    device_time: Optional[datetime] = Field(alias="deviceTime")
    received_at: datetime = Field(alias="receivedAt")
    notes: Optional[str]


FeedingHistory.model_rebuild()
FeedingHistoryFeedingHistory.model_rebuild()
FeedingHistoryFeedingHistoryEdges.model_rebuild()
