from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ProfileFields, UserErrorFields


class UnblockUser(BaseModel):
    unblock_user: "UnblockUserUnblockUser" = Field(alias="unblockUser")


class UnblockUserUnblockUser(BaseModel):
    profile: Optional["UnblockUserUnblockUserProfile"]
    user_errors: list["UnblockUserUnblockUserUserErrors"] = Field(alias="userErrors")


UnblockUserUnblockUserProfile = ProfileFields
UnblockUserUnblockUserUserErrors = UserErrorFields
UnblockUser.model_rebuild()
UnblockUserUnblockUser.model_rebuild()
