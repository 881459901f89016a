from datetime import date, datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ArchiveOutcome


class ScheduleArchive(BaseModel):
    schedule_archive: "ScheduleArchiveScheduleArchive" = Field(alias="scheduleArchive")


class ScheduleArchiveScheduleArchive(BaseModel):
    total_count: int = Field(alias="totalCount")
    page_info: "ScheduleArchiveScheduleArchivePageInfo" = Field(alias="pageInfo")
    edges: list["ScheduleArchiveScheduleArchiveEdges"]


class ScheduleArchiveScheduleArchivePageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


class ScheduleArchiveScheduleArchiveEdges(BaseModel):
    node: "ScheduleArchiveScheduleArchiveEdgesNode"


class ScheduleArchiveScheduleArchiveEdgesNode(BaseModel):
    id: str
    date: date
    url: str
    status_code: Optional[int] = Field(alias="statusCode")
    headers: list["ScheduleArchiveScheduleArchiveEdgesNodeHeaders"]
    body_sha_256: Optional[str] = Field(alias="bodySha256")
    body_size: Optional[int] = Field(alias="bodySize")
    body: Optional[str]
    error: Optional[str]
    received_at: datetime = Field(alias="receivedAt")
    storage: str
    outcome: ArchiveOutcome
    reasons: list["ScheduleArchiveScheduleArchiveEdgesNodeReasons"]


class ScheduleArchiveScheduleArchiveEdgesNodeHeaders(BaseModel):
    name: str
    value: str


class ScheduleArchiveScheduleArchiveEdgesNodeReasons(BaseModel):
    slot: Optional[int]
    reason: str


ScheduleArchive.model_rebuild()
ScheduleArchiveScheduleArchive.model_rebuild()
ScheduleArchiveScheduleArchiveEdges.model_rebuild()
ScheduleArchiveScheduleArchiveEdgesNode.model_rebuild()
