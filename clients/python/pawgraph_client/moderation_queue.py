from pydantic import Field

from .base_model import BaseModel
from .fragments import PageInfoFields, ReportFields


class ModerationQueue(BaseModel):
    moderation_queue: "ModerationQueueModerationQueue" = Field(alias="moderationQueue")


class ModerationQueueModerationQueue(BaseModel):
    total_count: int = Field(alias="totalCount")
    page_info: "ModerationQueueModerationQueuePageInfo" = Field(alias="pageInfo")
    edges: list["ModerationQueueModerationQueueEdges"]


ModerationQueueModerationQueuePageInfo = PageInfoFields


class ModerationQueueModerationQueueEdges(BaseModel):
    node: "ModerationQueueModerationQueueEdgesNode"


ModerationQueueModerationQueueEdgesNode = ReportFields
ModerationQueue.model_rebuild()
ModerationQueueModerationQueue.model_rebuild()
ModerationQueueModerationQueueEdges.model_rebuild()
