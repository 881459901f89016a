from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields, UserFields


class Login(BaseModel):
    login: "LoginLogin"


class LoginLogin(BaseModel):
    access_token: Optional[str] = Field(alias="accessToken")
    expires_at: Optional[datetime] = Field(alias="expiresAt")
    user: Optional["LoginLoginUser"]
    user_errors: list["LoginLoginUserErrors"] = Field(alias="userErrors")


LoginLoginUser = UserFields
LoginLoginUserErrors = UserErrorFields
Login.model_rebuild()
LoginLogin.model_rebuild()
