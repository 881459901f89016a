from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields


class DeleteDevice(BaseModel):
    delete_device: "DeleteDeviceDeleteDevice" = Field(alias="deleteDevice")


class DeleteDeviceDeleteDevice(BaseModel):
    deleted_device_id: Optional[str] = Field(alias="deletedDeviceId")
    user_errors: list["DeleteDeviceDeleteDeviceUserErrors"] = Field(alias="userErrors")


DeleteDeviceDeleteDeviceUserErrors = UserErrorFields
DeleteDevice.model_rebuild()
DeleteDeviceDeleteDevice.model_rebuild()
