from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CommandFields, UserErrorFields


class ReadSensors(BaseModel):
    read_sensors: "ReadSensorsReadSensors" = Field(alias="readSensors")


class ReadSensorsReadSensors(BaseModel):
    command: Optional["ReadSensorsReadSensorsCommand"]
    user_errors: list["ReadSensorsReadSensorsUserErrors"] = Field(alias="userErrors")


ReadSensorsReadSensorsCommand = CommandFields
ReadSensorsReadSensorsUserErrors = UserErrorFields
ReadSensors.model_rebuild()
ReadSensorsReadSensors.model_rebuild()
