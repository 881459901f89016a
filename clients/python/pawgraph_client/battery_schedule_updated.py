from datetime import date, datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ScheduleStatus, SlotStatus


class BatteryScheduleUpdated(BaseModel):
    battery_schedule_updated: "BatteryScheduleUpdatedBatteryScheduleUpdated" = Field(
        alias="batteryScheduleUpdated"
    )


class BatteryScheduleUpdatedBatteryScheduleUpdated(BaseModel):
    message_id: str = Field(alias="messageId")
    date: date
    status: ScheduleStatus
    slot: Optional[int]
    slot_status: Optional[SlotStatus] = Field(alias="slotStatus")
    detail: Optional[str]
    at: datetime


BatteryScheduleUpdated.model_rebuild()
