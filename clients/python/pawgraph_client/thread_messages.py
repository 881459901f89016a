from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from .base_model import BaseModel
from .fragments import (  # noqa: F401
    MessageFields,
    MessageThreadFields,
    MessageThreadFieldsBuyer,
    MessageThreadFieldsLastMessage,
    MessageThreadFieldsListing,
    MessageThreadFieldsSeller,
    PageInfoFields,
)


class ThreadMessages(BaseModel):
    node: Optional[
        Annotated[
            Union["ThreadMessagesNodeNode", "ThreadMessagesNodeMessageThread"],
            Field(discriminator="typename__"),
        ]
    ]


class ThreadMessagesNodeNode(BaseModel):
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
        "Node",
        "Notification",
        "Pet",
        "Post",
        "Profile",
        "PurchaseRequest",
        "Report",
        "ScheduleArchiveEntry",
        "Transaction",
        "User",
    ] = Field(alias="__typename")


class ThreadMessagesNodeMessageThread(MessageThreadFields):
    typename__: Literal["MessageThread"] = Field(alias="__typename")
    messages: "ThreadMessagesNodeMessageThreadMessages"


class ThreadMessagesNodeMessageThreadMessages(BaseModel):
    page_info: "ThreadMessagesNodeMessageThreadMessagesPageInfo" = Field(
        alias="pageInfo"
    )
    edges: list["ThreadMessagesNodeMessageThreadMessagesEdges"]


ThreadMessagesNodeMessageThreadMessagesPageInfo = PageInfoFields


class ThreadMessagesNodeMessageThreadMessagesEdges(BaseModel):
    node: "ThreadMessagesNodeMessageThreadMessagesEdgesNode"


ThreadMessagesNodeMessageThreadMessagesEdgesNode = MessageFields
ThreadMessages.model_rebuild()
ThreadMessagesNodeMessageThread.model_rebuild()
ThreadMessagesNodeMessageThreadMessages.model_rebuild()
ThreadMessagesNodeMessageThreadMessagesEdges.model_rebuild()
