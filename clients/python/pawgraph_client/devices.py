from pydantic import Field

from .base_model import BaseModel
from .fragments import (  # noqa: F401
    DeviceFields,
    DeviceFieldsParentHub,
    DeviceFieldsPet,
    DeviceStatusFields,
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
    status: "DevicesDevicesEdgesNodeStatus"


DevicesDevicesEdgesNodeStatus = DeviceStatusFields
Devices.model_rebuild()
DevicesDevices.model_rebuild()
DevicesDevicesEdges.model_rebuild()
DevicesDevicesEdgesNode.model_rebuild()
