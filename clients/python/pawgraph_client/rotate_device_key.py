from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields


class RotateDeviceKey(BaseModel):
    rotate_device_key: "RotateDeviceKeyRotateDeviceKey" = Field(alias="rotateDeviceKey")


class RotateDeviceKeyRotateDeviceKey(BaseModel):
    device: Optional["RotateDeviceKeyRotateDeviceKeyDevice"]
    api_key: Optional[str] = Field(alias="apiKey")
    user_errors: list["RotateDeviceKeyRotateDeviceKeyUserErrors"] = Field(
        alias="userErrors"
    )


class RotateDeviceKeyRotateDeviceKeyDevice(BaseModel):
    id: str


RotateDeviceKeyRotateDeviceKeyUserErrors = UserErrorFields
RotateDeviceKey.model_rebuild()
RotateDeviceKeyRotateDeviceKey.model_rebuild()
