from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CommandFields, UserErrorFields


class SetThreshold(BaseModel):
    set_threshold: "SetThresholdSetThreshold" = Field(alias="setThreshold")


class SetThresholdSetThreshold(BaseModel):
    command: Optional["SetThresholdSetThresholdCommand"]
    user_errors: list["SetThresholdSetThresholdUserErrors"] = Field(alias="userErrors")


SetThresholdSetThresholdCommand = CommandFields
SetThresholdSetThresholdUserErrors = UserErrorFields
SetThreshold.model_rebuild()
SetThresholdSetThreshold.model_rebuild()
