from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from .base_model import BaseModel
from .fragments import (  # noqa: F401
    ListingFields,
    ListingFieldsCategory,
    ListingFieldsPhotos,
    ListingFieldsPrice,
    ListingFieldsSeller,
)


class ListingById(BaseModel):
    node: Optional[
        Annotated[
            Union["ListingByIdNodeNode", "ListingByIdNodeListing"],
            Field(discriminator="typename__"),
        ]
    ]


class ListingByIdNodeNode(BaseModel):
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
        "Message",
        "MessageThread",
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


class ListingByIdNodeListing(ListingFields):
    typename__: Literal["Listing"] = Field(alias="__typename")


ListingById.model_rebuild()
