from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import DeviceFields, UserErrorFields


class RegisterDevice(BaseModel):
    register_device: "RegisterDeviceRegisterDevice" = Field(alias="registerDevice")


class RegisterDeviceRegisterDevice(BaseModel):
    device: Optional["RegisterDeviceRegisterDeviceDevice"]
    api_key: Optional[str] = Field(alias="apiKey")
    user_errors: list["RegisterDeviceRegisterDeviceUserErrors"] = Field(
        alias="userErrors"
    )


RegisterDeviceRegisterDeviceDevice = DeviceFields
RegisterDeviceRegisterDeviceUserErrors = UserErrorFields
RegisterDevice.model_rebuild()
RegisterDeviceRegisterDevice.model_rebuild()
