from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from .base_model import BaseModel
from .fragments import DeviceFields, PetFields


class PetById(BaseModel):
    node: Optional[
        Annotated[
            Union["PetByIdNodeNode", "PetByIdNodePet"],
            Field(discriminator="typename__"),
        ]
    ]


class PetByIdNodeNode(BaseModel):
    typename__: Literal[
        "Alert",
        "BatterySchedule",
        "BehaviourSegment",
        "Category",
        "Command",
        "Comment",
        "Device",
        "FeedingLog",
        "FeedingSchedule",
        "Listing",
        "Message",
        "MessageThread",
        "Node",
        "Notification",
        "Post",
        "Profile",
        "PurchaseRequest",
        "Report",
        "ScheduleArchiveEntry",
        "Transaction",
        "User",
    ] = Field(alias="__typename")


class PetByIdNodePet(PetFields):
    typename__: Literal["Pet"] = Field(alias="__typename")
    devices: "PetByIdNodePetDevices"


class PetByIdNodePetDevices(BaseModel):
    total_count: int = Field(alias="totalCount")
    edges: list["PetByIdNodePetDevicesEdges"]


class PetByIdNodePetDevicesEdges(BaseModel):
    node: "PetByIdNodePetDevicesEdgesNode"


PetByIdNodePetDevicesEdgesNode = DeviceFields
PetById.model_rebuild()
PetByIdNodePet.model_rebuild()
PetByIdNodePetDevices.model_rebuild()
PetByIdNodePetDevicesEdges.model_rebuild()
