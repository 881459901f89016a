from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ProfileFields, UserErrorFields


class BlockUser(BaseModel):
    block_user: "BlockUserBlockUser" = Field(alias="blockUser")


class BlockUserBlockUser(BaseModel):
    profile: Optional["BlockUserBlockUserProfile"]
    user_errors: list["BlockUserBlockUserUserErrors"] = Field(alias="userErrors")


BlockUserBlockUserProfile = ProfileFields
BlockUserBlockUserUserErrors = UserErrorFields
BlockUser.model_rebuild()
BlockUserBlockUser.model_rebuild()
