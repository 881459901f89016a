from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields


class SuspendUser(BaseModel):
    suspend_user: "SuspendUserSuspendUser" = Field(alias="suspendUser")


class SuspendUserSuspendUser(BaseModel):
    user_id: Optional[str] = Field(alias="userId")
    suspended_at: Optional[datetime] = Field(alias="suspendedAt")
    user_errors: list["SuspendUserSuspendUserUserErrors"] = Field(alias="userErrors")


SuspendUserSuspendUserUserErrors = UserErrorFields
SuspendUser.model_rebuild()
SuspendUserSuspendUser.model_rebuild()
