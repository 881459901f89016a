from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ProfileFields, UserErrorFields


class UpdateProfile(BaseModel):
    update_profile: "UpdateProfileUpdateProfile" = Field(alias="updateProfile")


class UpdateProfileUpdateProfile(BaseModel):
    profile: Optional["UpdateProfileUpdateProfileProfile"]
    user_errors: list["UpdateProfileUpdateProfileUserErrors"] = Field(
        alias="userErrors"
    )


UpdateProfileUpdateProfileProfile = ProfileFields
UpdateProfileUpdateProfileUserErrors = UserErrorFields
UpdateProfile.model_rebuild()
UpdateProfileUpdateProfile.model_rebuild()
