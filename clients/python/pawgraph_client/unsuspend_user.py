from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields


class UnsuspendUser(BaseModel):
    unsuspend_user: "UnsuspendUserUnsuspendUser" = Field(alias="unsuspendUser")


class UnsuspendUserUnsuspendUser(BaseModel):
    user_id: Optional[str] = Field(alias="userId")
    suspended_at: Optional[datetime] = Field(alias="suspendedAt")
    user_errors: list["UnsuspendUserUnsuspendUserUserErrors"] = Field(
        alias="userErrors"
    )


UnsuspendUserUnsuspendUserUserErrors = UserErrorFields
UnsuspendUser.model_rebuild()
UnsuspendUserUnsuspendUser.model_rebuild()
