from datetime import datetime
from typing import Literal, Optional, Union

from pydantic import Field

from .base_model import BaseModel
from .fragments import (  # noqa: F401
    DeviceFields,
    DeviceFieldsParentHub,
    DeviceFieldsPet,
    PageInfoFields,
)


class Devices(BaseModel):
    devices: "DevicesDevices"


class DevicesDevices(BaseModel):
    total_count: int = Field(alias="totalCount")
    page_info: "DevicesDevicesPageInfo" = Field(alias="pageInfo")
    edges: list["DevicesDevicesEdges"]


DevicesDevicesPageInfo = PageInfoFields


class DevicesDevicesEdges(BaseModel):
    cursor: str
    node: "DevicesDevicesEdgesNode"


class DevicesDevicesEdgesNode(DeviceFields):
    status: Union[
        "DevicesDevicesEdgesNodeStatusDeviceStatus",
        "DevicesDevicesEdgesNodeStatusBatteryStatus",
        "DevicesDevicesEdgesNodeStatusCollarStatus",
        "DevicesDevicesEdgesNodeStatusFeederStatus",
        "DevicesDevicesEdgesNodeStatusHubStatus",
        "DevicesDevicesEdgesNodeStatusOutletStatus",
    ] = Field(discriminator="typename__")


class DevicesDevicesEdgesNodeStatusDeviceStatus(BaseModel):
    typename__: Literal["DeviceStatus"] = Field(alias="__typename")
    device_id: str = Field(alias="deviceId")
    online: bool
    last_seen_at: Optional[datetime] = Field(alias="lastSeenAt")
    device_time: Optional[datetime] = Field(alias="deviceTime")


class DevicesDevicesEdgesNodeStatusBatteryStatus(BaseModel):
    typename__: Literal["BatteryStatus"] = Field(alias="__typename")
    device_id: str = Field(alias="deviceId")
    online: bool
    last_seen_at: Optional[datetime] = Field(alias="lastSeenAt")
    device_time: Optional[datetime] = Field(alias="deviceTime")
    error_message: Optional[str] = Field(alias="errorMessage")


class DevicesDevicesEdgesNodeStatusCollarStatus(BaseModel):
    typename__: Literal["CollarStatus"] = Field(alias="__typename")
    device_id: str = Field(alias="deviceId")
    online: bool
    last_seen_at: Optional[datetime] = Field(alias="lastSeenAt")
    device_time: Optional[datetime] = Field(alias="deviceTime")
    battery_percent: Optional[int] = Field(alias="batteryPercent")
    heart_rate: Optional[int] = Field(alias="heartRate")
    last_position: Optional["DevicesDevicesEdgesNodeStatusCollarStatusLastPosition"] = (
        Field(alias="lastPosition")
    )


class DevicesDevicesEdgesNodeStatusCollarStatusLastPosition(BaseModel):
    latitude: float
    longitude: float


class DevicesDevicesEdgesNodeStatusFeederStatus(BaseModel):
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


class DevicesDevicesEdgesNodeStatusHubStatus(BaseModel):
    typename__: Literal["HubStatus"] = Field(alias="__typename")
    device_id: str = Field(alias="deviceId")
    online: bool
    last_seen_at: Optional[datetime] = Field(alias="lastSeenAt")
    device_time: Optional[datetime] = Field(alias="deviceTime")
    breaker_current_milliamps: Optional[int] = Field(alias="breakerCurrentMilliamps")


class DevicesDevicesEdgesNodeStatusOutletStatus(BaseModel):
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


Devices.model_rebuild()
DevicesDevices.model_rebuild()
DevicesDevicesEdges.model_rebuild()
DevicesDevicesEdgesNode.model_rebuild()
DevicesDevicesEdgesNodeStatusCollarStatus.model_rebuild()
