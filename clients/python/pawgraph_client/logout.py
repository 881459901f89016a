from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields


class Logout(BaseModel):
    logout: "LogoutLogout"


class LogoutLogout(BaseModel):
    revoked: Optional[bool]
    user_errors: list["LogoutLogoutUserErrors"] = Field(alias="userErrors")


LogoutLogoutUserErrors = UserErrorFields
Logout.model_rebuild()
LogoutLogout.model_rebuild()
