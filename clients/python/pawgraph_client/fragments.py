from datetime import date, datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ActivityLevel, DeviceKind, ErrorCode, Role, Species


class DeviceFields(BaseModel):
    id: str
    kind: DeviceKind
    name: str
    location: Optional[str]
    hardware_id: str = Field(alias="hardwareId")
    firmware_version: Optional[str] = Field(alias="firmwareVersion")
    last_seen_at: Optional[datetime] = Field(alias="lastSeenAt")
    created_at: datetime = Field(alias="createdAt")
    online: bool
    pet: Optional["DeviceFieldsPet"]
    parent_hub: Optional["DeviceFieldsParentHub"] = Field(alias="parentHub")


class DeviceFieldsPet(BaseModel):
    id: str
    name: str


class DeviceFieldsParentHub(BaseModel):
    id: str
    hardware_id: str = Field(alias="hardwareId")


class DeviceStatusFields(BaseModel):
    device_id: str = Field(alias="deviceId")
    online: bool
    last_seen_at: Optional[datetime] = Field(alias="lastSeenAt")
    device_time: Optional[datetime] = Field(alias="deviceTime")
    wifi_rssi: Optional[int] = Field(alias="wifiRssi")
    uptime_seconds: Optional[int] = Field(alias="uptimeSeconds")
    daily_feeds: Optional[int] = Field(alias="dailyFeeds")
    last_feed_at: Optional[datetime] = Field(alias="lastFeedAt")
    hopper_mm: Optional[int] = Field(alias="hopperMm")
    hopper_percent: Optional[int] = Field(alias="hopperPercent")
    tof_ok: Optional[bool] = Field(alias="tofOk")
    error_message: Optional[str] = Field(alias="errorMessage")


class PageInfoFields(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    has_previous_page: bool = Field(alias="hasPreviousPage")
    start_cursor: Optional[str] = Field(alias="startCursor")
    end_cursor: Optional[str] = Field(alias="endCursor")


class PetFields(BaseModel):
    id: str
    name: str
    species: Species
    breed: Optional[str]
    birthdate: Optional[date]
    weight_kg: Optional[float] = Field(alias="weightKg")
    activity_level: ActivityLevel = Field(alias="activityLevel")
    neutered: bool
    created_at: datetime = Field(alias="createdAt")


class UserErrorFields(BaseModel):
    field: Optional[list[str]]
    code: ErrorCode
    message: str


class UserFields(BaseModel):
    id: str
    email: Optional[str]
    display_name: str = Field(alias="displayName")
    role: Optional[Role]
    time_zone: Optional[str] = Field(alias="timeZone")
    created_at: Optional[datetime] = Field(alias="createdAt")


DeviceFields.model_rebuild()
DeviceStatusFields.model_rebuild()
PageInfoFields.model_rebuild()
PetFields.model_rebuild()
UserErrorFields.model_rebuild()
UserFields.model_rebuild()
