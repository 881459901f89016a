from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ProfileFields, UserErrorFields


class RemoveFollower(BaseModel):
    remove_follower: "RemoveFollowerRemoveFollower" = Field(alias="removeFollower")


class RemoveFollowerRemoveFollower(BaseModel):
    profile: Optional["RemoveFollowerRemoveFollowerProfile"]
    user_errors: list["RemoveFollowerRemoveFollowerUserErrors"] = Field(
        alias="userErrors"
    )


RemoveFollowerRemoveFollowerProfile = ProfileFields
RemoveFollowerRemoveFollowerUserErrors = UserErrorFields
RemoveFollower.model_rebuild()
RemoveFollowerRemoveFollower.model_rebuild()
