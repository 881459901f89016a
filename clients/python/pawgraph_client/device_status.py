from pydantic import Field

from .base_model import BaseModel
from .fragments import DeviceStatusFields


class DeviceStatus(BaseModel):
    device_status: "DeviceStatusDeviceStatus" = Field(alias="deviceStatus")


DeviceStatusDeviceStatus = DeviceStatusFields
DeviceStatus.model_rebuild()
