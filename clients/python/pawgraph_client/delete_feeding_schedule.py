from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields


class DeleteFeedingSchedule(BaseModel):
    delete_feeding_schedule: "DeleteFeedingScheduleDeleteFeedingSchedule" = Field(
        alias="deleteFeedingSchedule"
    )


class DeleteFeedingScheduleDeleteFeedingSchedule(BaseModel):
    deleted_feeding_schedule_id: Optional[str] = Field(alias="deletedFeedingScheduleId")
    user_errors: list["DeleteFeedingScheduleDeleteFeedingScheduleUserErrors"] = Field(
        alias="userErrors"
    )


DeleteFeedingScheduleDeleteFeedingScheduleUserErrors = UserErrorFields
DeleteFeedingSchedule.model_rebuild()
DeleteFeedingScheduleDeleteFeedingSchedule.model_rebuild()
