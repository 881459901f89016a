from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import PageInfoFields


class RecentTelemetry(BaseModel):
    telemetry: Optional["RecentTelemetryTelemetry"]


class RecentTelemetryTelemetry(BaseModel):
    page_info: "RecentTelemetryTelemetryPageInfo" = Field(alias="pageInfo")
    edges: list["RecentTelemetryTelemetryEdges"]


RecentTelemetryTelemetryPageInfo = PageInfoFields


class RecentTelemetryTelemetryEdges(BaseModel):
    cursor: str
    node: "RecentTelemetryTelemetryEdgesNode"


class RecentTelemetryTelemetryEdgesNode(BaseModel):
    key: str
    at: datetime
    value: float


RecentTelemetry.model_rebuild()
RecentTelemetryTelemetry.model_rebuild()
RecentTelemetryTelemetryEdges.model_rebuild()
