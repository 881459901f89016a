from pydantic import Field

from .base_model import BaseModel
from .enums import DeviceKind
from .fragments import PageInfoFields, PetFields


class Pets(BaseModel):
    pets: "PetsPets"


class PetsPets(BaseModel):
    total_count: int = Field(alias="totalCount")
    page_info: "PetsPetsPageInfo" = Field(alias="pageInfo")
    edges: list["PetsPetsEdges"]


PetsPetsPageInfo = PageInfoFields


class PetsPetsEdges(BaseModel):
    cursor: str
    node: "PetsPetsEdgesNode"


class PetsPetsEdgesNode(PetFields):
    devices: "PetsPetsEdgesNodeDevices"


class PetsPetsEdgesNodeDevices(BaseModel):
    total_count: int = Field(alias="totalCount")
    edges: list["PetsPetsEdgesNodeDevicesEdges"]


class PetsPetsEdgesNodeDevicesEdges(BaseModel):
    node: "PetsPetsEdgesNodeDevicesEdgesNode"


class PetsPetsEdgesNodeDevicesEdgesNode(BaseModel):
    id: str
    kind: DeviceKind
    name: str


Pets.model_rebuild()
PetsPets.model_rebuild()
PetsPetsEdges.model_rebuild()
PetsPetsEdgesNode.model_rebuild()
PetsPetsEdgesNodeDevices.model_rebuild()
PetsPetsEdgesNodeDevicesEdges.model_rebuild()
