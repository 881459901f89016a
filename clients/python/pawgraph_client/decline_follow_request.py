from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ProfileFields, UserErrorFields


class DeclineFollowRequest(BaseModel):
    decline_follow_request: "DeclineFollowRequestDeclineFollowRequest" = Field(
        alias="declineFollowRequest"
    )


class DeclineFollowRequestDeclineFollowRequest(BaseModel):
    profile: Optional["DeclineFollowRequestDeclineFollowRequestProfile"]
    user_errors: list["DeclineFollowRequestDeclineFollowRequestUserErrors"] = Field(
        alias="userErrors"
    )


DeclineFollowRequestDeclineFollowRequestProfile = ProfileFields
DeclineFollowRequestDeclineFollowRequestUserErrors = UserErrorFields
DeclineFollowRequest.model_rebuild()
DeclineFollowRequestDeclineFollowRequest.model_rebuild()
