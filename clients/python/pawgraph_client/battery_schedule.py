from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import BatteryScheduleFields


class BatterySchedule(BaseModel):
    battery_schedule: Optional["BatteryScheduleBatterySchedule"] = Field(
        alias="batterySchedule"
    )


BatteryScheduleBatterySchedule = BatteryScheduleFields
BatterySchedule.model_rebuild()
