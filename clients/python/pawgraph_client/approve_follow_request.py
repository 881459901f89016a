from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ProfileFields, UserErrorFields


class ApproveFollowRequest(BaseModel):
    approve_follow_request: "ApproveFollowRequestApproveFollowRequest" = Field(
        alias="approveFollowRequest"
    )


class ApproveFollowRequestApproveFollowRequest(BaseModel):
    profile: Optional["ApproveFollowRequestApproveFollowRequestProfile"]
    user_errors: list["ApproveFollowRequestApproveFollowRequestUserErrors"] = Field(
        alias="userErrors"
    )


ApproveFollowRequestApproveFollowRequestProfile = ProfileFields
ApproveFollowRequestApproveFollowRequestUserErrors = UserErrorFields
ApproveFollowRequest.model_rebuild()
ApproveFollowRequestApproveFollowRequest.model_rebuild()
