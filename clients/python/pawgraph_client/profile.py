from typing import Optional

from .base_model import BaseModel
from .fragments import ProfileFields


class Profile(BaseModel):
    profile: Optional["ProfileProfile"]


ProfileProfile = ProfileFields
Profile.model_rebuild()
