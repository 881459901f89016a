from datetime import datetime
from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from .base_model import BaseModel
from .fragments import (  # noqa: F401
    DeviceFields,
    DeviceFieldsParentHub,
    DeviceFieldsPet,
)


class DeviceById(BaseModel):
    node: Optional[
        Annotated[
            Union["DeviceByIdNodeNode", "DeviceByIdNodeDevice"],
            Field(discriminator="typename__"),
        ]
    ]


class DeviceByIdNodeNode(BaseModel):
    typename__: Literal[
        "Alert",
        "BatterySchedule",
        "BehaviourSegment",
        "Category",
        "Command",
        "Comment",
        "FeedingLog",
        "FeedingSchedule",
        "Listing",
        "Message",
        "MessageThread",
        "Node",
        "Notification",
        "Pet",
        "Post",
        "Profile",
        "PurchaseRequest",
        "Report",
        "ScheduleArchiveEntry",
        "Transaction",
        "User",
    ] = Field(alias="__typename")


class DeviceByIdNodeDevice(DeviceFields):
    typename__: Literal["Device"] = Field(alias="__typename")
    status: Union[
        "DeviceByIdNodeDeviceStatusDeviceStatus",
        "DeviceByIdNodeDeviceStatusBatteryStatus",
        "DeviceByIdNodeDeviceStatusCollarStatus",
        "DeviceByIdNodeDeviceStatusFeederStatus",
        "DeviceByIdNodeDeviceStatusHubStatus",
        "DeviceByIdNodeDeviceStatusOutletStatus",
    ] = Field(discriminator="typename__")
    outlets: "DeviceByIdNodeDeviceOutlets"
    latest_readings: list["DeviceByIdNodeDeviceLatestReadings"] = Field(
        alias="latestReadings"
    )


class DeviceByIdNodeDeviceStatusDeviceStatus(BaseModel):
    typename__: Literal["DeviceStatus"] = Field(alias="__typename")
    device_id: str = Field(alias="deviceId")
    online: bool
    last_seen_at: Optional[datetime] = Field(alias="lastSeenAt")
    device_time: Optional[datetime] = Field(alias="deviceTime")


class DeviceByIdNodeDeviceStatusBatteryStatus(BaseModel):
    typename__: Literal["BatteryStatus"] = Field(alias="__typename")
    device_id: str = Field(alias="deviceId")
    online: bool
    last_seen_at: Optional[datetime] = Field(alias="lastSeenAt")
    device_time: Optional[datetime] = Field(alias="deviceTime")
    error_message: Optional[str] = Field(alias="errorMessage")


class DeviceByIdNodeDeviceStatusCollarStatus(BaseModel):
    typename__: Literal["CollarStatus"] = Field(alias="__typename")
    device_id: str = Field(alias="deviceId")
    online: bool
    last_seen_at: Optional[datetime] = Field(alias="lastSeenAt")
    device_time: Optional[datetime] = Field(alias="deviceTime")
    battery_percent: Optional[int] = Field(alias="batteryPercent")
    heart_rate: Optional[int] = Field(alias="heartRate")
    last_position: Optional["DeviceByIdNodeDeviceStatusCollarStatusLastPosition"] = (
        Field(alias="lastPosition")
    )


class DeviceByIdNodeDeviceStatusCollarStatusLastPosition(BaseModel):
    latitude: float
    longitude: float


class DeviceByIdNodeDeviceStatusFeederStatus(BaseModel):
    typename__: Literal["FeederStatus"] = Field(alias="__typename")
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


class DeviceByIdNodeDeviceStatusHubStatus(BaseModel):
    typename__: Literal["HubStatus"] = Field(alias="__typename")
    device_id: str = Field(alias="deviceId")
    online: bool
    last_seen_at: Optional[datetime] = Field(alias="lastSeenAt")
    device_time: Optional[datetime] = Field(alias="deviceTime")
    breaker_current_milliamps: Optional[int] = Field(alias="breakerCurrentMilliamps")


class DeviceByIdNodeDeviceStatusOutletStatus(BaseModel):
    typename__: Literal["OutletStatus"] = Field(alias="__typename")
    device_id: str = Field(alias="deviceId")
    online: bool
    last_seen_at: Optional[datetime] = Field(alias="lastSeenAt")
    device_time: Optional[datetime] = Field(alias="deviceTime")
    relay_a: Optional[bool] = Field(alias="relayA")
    relay_b: Optional[bool] = Field(alias="relayB")
    current_a_milliamps: Optional[int] = Field(alias="currentAMilliamps")
    current_b_milliamps: Optional[int] = Field(alias="currentBMilliamps")
    overload: Optional[bool]
    threshold_milliamps: Optional[int] = Field(alias="thresholdMilliamps")


class DeviceByIdNodeDeviceOutlets(BaseModel):
    total_count: int = Field(alias="totalCount")
    edges: list["DeviceByIdNodeDeviceOutletsEdges"]


class DeviceByIdNodeDeviceOutletsEdges(BaseModel):
    node: "DeviceByIdNodeDeviceOutletsEdgesNode"


class DeviceByIdNodeDeviceOutletsEdgesNode(BaseModel):
    id: str
    hardware_id: str = Field(alias="hardwareId")
    name: str
    online: bool


class DeviceByIdNodeDeviceLatestReadings(BaseModel):
    key: str
    value: float
    at: datetime


DeviceById.model_rebuild()
DeviceByIdNodeDevice.model_rebuild()
DeviceByIdNodeDeviceStatusCollarStatus.model_rebuild()
DeviceByIdNodeDeviceOutlets.model_rebuild()
DeviceByIdNodeDeviceOutletsEdges.model_rebuild()
