from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields, UserFields


class Register(BaseModel):
    registration: "RegisterRegistration"


class RegisterRegistration(BaseModel):
    user: Optional["RegisterRegistrationUser"]
    user_errors: list["RegisterRegistrationUserErrors"] = Field(alias="userErrors")


RegisterRegistrationUser = UserFields
RegisterRegistrationUserErrors = UserErrorFields
Register.model_rebuild()
RegisterRegistration.model_rebuild()
