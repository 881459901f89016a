from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import FollowStatus
from .fragments import ProfileFields, UserErrorFields


class FollowUser(BaseModel):
    follow_user: "FollowUserFollowUser" = Field(alias="followUser")


class FollowUserFollowUser(BaseModel):
    profile: Optional["FollowUserFollowUserProfile"]
    status: Optional[FollowStatus]
    user_errors: list["FollowUserFollowUserUserErrors"] = Field(alias="userErrors")


FollowUserFollowUserProfile = ProfileFields
FollowUserFollowUserUserErrors = UserErrorFields
FollowUser.model_rebuild()
FollowUserFollowUser.model_rebuild()
