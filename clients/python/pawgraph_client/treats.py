from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import CommandStatus
from .fragments import PageInfoFields


class Treats(BaseModel):
    treats: "TreatsTreats"


class TreatsTreats(BaseModel):
    total_count: int = Field(alias="totalCount")
    page_info: "TreatsTreatsPageInfo" = Field(alias="pageInfo")
    edges: list["TreatsTreatsEdges"]


TreatsTreatsPageInfo = PageInfoFields


class TreatsTreatsEdges(BaseModel):
    node: "TreatsTreatsEdgesNode"


class TreatsTreatsEdgesNode(BaseModel):
    issued_at: datetime = Field(alias="issuedAt")
    issued_by: Optional["TreatsTreatsEdgesNodeIssuedBy"] = Field(alias="issuedBy")
    device: Optional["TreatsTreatsEdgesNodeDevice"]
    pet: Optional["TreatsTreatsEdgesNodePet"]
    command: Optional["TreatsTreatsEdgesNodeCommand"]


class TreatsTreatsEdgesNodeIssuedBy(BaseModel):
    id: str
    display_name: str = Field(alias="displayName")


class TreatsTreatsEdgesNodeDevice(BaseModel):
    id: str
    name: str


class TreatsTreatsEdgesNodePet(BaseModel):
    id: str
    name: str


class TreatsTreatsEdgesNodeCommand(BaseModel):
    id: str
    status: CommandStatus


Treats.model_rebuild()
TreatsTreats.model_rebuild()
TreatsTreatsEdges.model_rebuild()
TreatsTreatsEdgesNode.model_rebuild()
