from datetime import datetime

from pydantic import Field

from .base_model import BaseModel
from .fragments import PageInfoFields, ProfileFields


class FollowRequests(BaseModel):
    follow_requests: "FollowRequestsFollowRequests" = Field(alias="followRequests")


class FollowRequestsFollowRequests(BaseModel):
    total_count: int = Field(alias="totalCount")
    page_info: "FollowRequestsFollowRequestsPageInfo" = Field(alias="pageInfo")
    edges: list["FollowRequestsFollowRequestsEdges"]


FollowRequestsFollowRequestsPageInfo = PageInfoFields


class FollowRequestsFollowRequestsEdges(BaseModel):
    node: "FollowRequestsFollowRequestsEdgesNode"


class FollowRequestsFollowRequestsEdgesNode(BaseModel):
    requested_at: datetime = Field(alias="requestedAt")
    requester: "FollowRequestsFollowRequestsEdgesNodeRequester"


FollowRequestsFollowRequestsEdgesNodeRequester = ProfileFields
FollowRequests.model_rebuild()
FollowRequestsFollowRequests.model_rebuild()
FollowRequestsFollowRequestsEdges.model_rebuild()
FollowRequestsFollowRequestsEdgesNode.model_rebuild()
