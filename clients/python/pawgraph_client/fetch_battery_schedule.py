from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ArchiveOutcome, ErrorCode
from .fragments import BatteryScheduleFields


class FetchBatterySchedule(BaseModel):
    fetch_battery_schedule: "FetchBatteryScheduleFetchBatterySchedule" = Field(
        alias="fetchBatterySchedule"
    )


class FetchBatteryScheduleFetchBatterySchedule(BaseModel):
    outcome: Optional[ArchiveOutcome]
    schedule: Optional["FetchBatteryScheduleFetchBatteryScheduleSchedule"]
    archived: Optional[list["FetchBatteryScheduleFetchBatteryScheduleArchived"]]
    reasons: Optional[list["FetchBatteryScheduleFetchBatteryScheduleReasons"]]
    user_errors: list["FetchBatteryScheduleFetchBatteryScheduleUserErrors"] = Field(
        alias="userErrors"
    )


FetchBatteryScheduleFetchBatteryScheduleSchedule = BatteryScheduleFields


class FetchBatteryScheduleFetchBatteryScheduleArchived(BaseModel):
    id: str
    status_code: Optional[int] = Field(alias="statusCode")
    body_sha_256: Optional[str] = Field(alias="bodySha256")
    outcome: ArchiveOutcome


class FetchBatteryScheduleFetchBatteryScheduleReasons(BaseModel):
    slot: Optional[int]
    reason: str


class FetchBatteryScheduleFetchBatteryScheduleUserErrors(BaseModel):
    field: Optional[list[str]]
    code: ErrorCode
    message: str


FetchBatterySchedule.model_rebuild()
FetchBatteryScheduleFetchBatterySchedule.model_rebuild()
