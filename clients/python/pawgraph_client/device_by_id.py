from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from .base_model import BaseModel
from .fragments import (  # noqa: F401
    DeviceFields,
    DeviceFieldsParentHub,
    DeviceFieldsPet,
    DeviceStatusFields,
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
        "Transaction",
        "User",
    ] = Field(alias="__typename")


class DeviceByIdNodeDevice(DeviceFields):
    typename__: Literal["Device"] = Field(alias="__typename")
    status: "DeviceByIdNodeDeviceStatus"
    outlets: list["DeviceByIdNodeDeviceOutlets"]


DeviceByIdNodeDeviceStatus = DeviceStatusFields


class DeviceByIdNodeDeviceOutlets(BaseModel):
    id: str
    hardware_id: str = Field(alias="hardwareId")
    name: str
    online: bool


DeviceById.model_rebuild()
DeviceByIdNodeDevice.model_rebuild()
