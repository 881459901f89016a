from pydantic import Field

from .base_model import BaseModel
from .fragments import FeedingScheduleFields, PageInfoFields


class FeedingSchedules(BaseModel):
    feeding_schedules: "FeedingSchedulesFeedingSchedules" = Field(
        alias="feedingSchedules"
    )


class FeedingSchedulesFeedingSchedules(BaseModel):
    total_count: int = Field(alias="totalCount")
    page_info: "FeedingSchedulesFeedingSchedulesPageInfo" = Field(alias="pageInfo")
    edges: list["FeedingSchedulesFeedingSchedulesEdges"]


FeedingSchedulesFeedingSchedulesPageInfo = PageInfoFields


class FeedingSchedulesFeedingSchedulesEdges(BaseModel):
    node: "FeedingSchedulesFeedingSchedulesEdgesNode"


FeedingSchedulesFeedingSchedulesEdgesNode = FeedingScheduleFields
FeedingSchedules.model_rebuild()
FeedingSchedulesFeedingSchedules.model_rebuild()
FeedingSchedulesFeedingSchedulesEdges.model_rebuild()
