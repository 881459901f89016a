from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CommandFields, UserErrorFields


class Calibrate(BaseModel):
    calibrate: "CalibrateCalibrate"


class CalibrateCalibrate(BaseModel):
    command: Optional["CalibrateCalibrateCommand"]
    user_errors: list["CalibrateCalibrateUserErrors"] = Field(alias="userErrors")


CalibrateCalibrateCommand = CommandFields
CalibrateCalibrateUserErrors = UserErrorFields
Calibrate.model_rebuild()
CalibrateCalibrate.model_rebuild()
