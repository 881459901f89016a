from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ProfileFields, UserErrorFields


class UnfollowUser(BaseModel):
    unfollow_user: "UnfollowUserUnfollowUser" = Field(alias="unfollowUser")


class UnfollowUserUnfollowUser(BaseModel):
    profile: Optional["UnfollowUserUnfollowUserProfile"]
    user_errors: list["UnfollowUserUnfollowUserUserErrors"] = Field(alias="userErrors")


UnfollowUserUnfollowUserProfile = ProfileFields
UnfollowUserUnfollowUserUserErrors = UserErrorFields
UnfollowUser.model_rebuild()
UnfollowUserUnfollowUser.model_rebuild()
