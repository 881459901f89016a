from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import FeedingScheduleFields, UserErrorFields


class UpdateFeedingSchedule(BaseModel):
    update_feeding_schedule: "UpdateFeedingScheduleUpdateFeedingSchedule" = Field(
        alias="updateFeedingSchedule"
    )


class UpdateFeedingScheduleUpdateFeedingSchedule(BaseModel):
    feeding_schedule: Optional[
        "UpdateFeedingScheduleUpdateFeedingScheduleFeedingSchedule"
    ] = Field(alias="feedingSchedule")
    user_errors: list["UpdateFeedingScheduleUpdateFeedingScheduleUserErrors"] = Field(
        alias="userErrors"
    )


UpdateFeedingScheduleUpdateFeedingScheduleFeedingSchedule = FeedingScheduleFields
UpdateFeedingScheduleUpdateFeedingScheduleUserErrors = UserErrorFields
UpdateFeedingSchedule.model_rebuild()
UpdateFeedingScheduleUpdateFeedingSchedule.model_rebuild()
