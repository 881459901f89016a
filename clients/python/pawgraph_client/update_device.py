from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import DeviceFields, UserErrorFields


class UpdateDevice(BaseModel):
    update_device: "UpdateDeviceUpdateDevice" = Field(alias="updateDevice")


class UpdateDeviceUpdateDevice(BaseModel):
    device: Optional["UpdateDeviceUpdateDeviceDevice"]
    user_errors: list["UpdateDeviceUpdateDeviceUserErrors"] = Field(alias="userErrors")


UpdateDeviceUpdateDeviceDevice = DeviceFields
UpdateDeviceUpdateDeviceUserErrors = UserErrorFields
UpdateDevice.model_rebuild()
UpdateDeviceUpdateDevice.model_rebuild()
