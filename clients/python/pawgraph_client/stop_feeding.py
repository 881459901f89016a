from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CommandFields, UserErrorFields


class StopFeeding(BaseModel):
    stop_feeding: "StopFeedingStopFeeding" = Field(alias="stopFeeding")


class StopFeedingStopFeeding(BaseModel):
    command: Optional["StopFeedingStopFeedingCommand"]
    user_errors: list["StopFeedingStopFeedingUserErrors"] = Field(alias="userErrors")


StopFeedingStopFeedingCommand = CommandFields
StopFeedingStopFeedingUserErrors = UserErrorFields
StopFeeding.model_rebuild()
StopFeedingStopFeeding.model_rebuild()
