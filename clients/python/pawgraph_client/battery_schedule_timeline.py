from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import BatteryScheduleFields


class BatteryScheduleTimeline(BaseModel):
    battery_schedule_timeline: Optional[
        "BatteryScheduleTimelineBatteryScheduleTimeline"
    ] = Field(alias="batteryScheduleTimeline")


class BatteryScheduleTimelineBatteryScheduleTimeline(BaseModel):
    schedule: "BatteryScheduleTimelineBatteryScheduleTimelineSchedule"
    events: list["BatteryScheduleTimelineBatteryScheduleTimelineEvents"]


BatteryScheduleTimelineBatteryScheduleTimelineSchedule = BatteryScheduleFields


class BatteryScheduleTimelineBatteryScheduleTimelineEvents(BaseModel):
    message_id: str = Field(alias="messageId")
    at: datetime
    status: str
    slot: Optional[int]
    detail: Optional[str]


BatteryScheduleTimeline.model_rebuild()
BatteryScheduleTimelineBatteryScheduleTimeline.model_rebuild()
