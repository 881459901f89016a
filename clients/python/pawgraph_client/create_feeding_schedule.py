from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import FeedingScheduleFields, UserErrorFields


class CreateFeedingSchedule(BaseModel):
    create_feeding_schedule: "CreateFeedingScheduleCreateFeedingSchedule" = Field(
        alias="createFeedingSchedule"
    )


class CreateFeedingScheduleCreateFeedingSchedule(BaseModel):
    feeding_schedule: Optional[
        "CreateFeedingScheduleCreateFeedingScheduleFeedingSchedule"
    ] = Field(alias="feedingSchedule")
    user_errors: list["CreateFeedingScheduleCreateFeedingScheduleUserErrors"] = Field(
        alias="userErrors"
    )


CreateFeedingScheduleCreateFeedingScheduleFeedingSchedule = FeedingScheduleFields
CreateFeedingScheduleCreateFeedingScheduleUserErrors = UserErrorFields
CreateFeedingSchedule.model_rebuild()
CreateFeedingScheduleCreateFeedingSchedule.model_rebuild()
