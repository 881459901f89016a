from pydantic import Field

from .base_model import BaseModel
from .fragments import MessageThreadFields, PageInfoFields


class MessageThreads(BaseModel):
    message_threads: "MessageThreadsMessageThreads" = Field(alias="messageThreads")


class MessageThreadsMessageThreads(BaseModel):
    total_count: int = Field(alias="totalCount")
    page_info: "MessageThreadsMessageThreadsPageInfo" = Field(alias="pageInfo")
    edges: list["MessageThreadsMessageThreadsEdges"]


MessageThreadsMessageThreadsPageInfo = PageInfoFields


class MessageThreadsMessageThreadsEdges(BaseModel):
    node: "MessageThreadsMessageThreadsEdgesNode"


MessageThreadsMessageThreadsEdgesNode = MessageThreadFields
MessageThreads.model_rebuild()
MessageThreadsMessageThreads.model_rebuild()
MessageThreadsMessageThreadsEdges.model_rebuild()
