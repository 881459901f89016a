from pydantic import Field

from .base_model import BaseModel
from .fragments import ProfileFields


class MyProfile(BaseModel):
    my_profile: "MyProfileMyProfile" = Field(alias="myProfile")


MyProfileMyProfile = ProfileFields
MyProfile.model_rebuild()
