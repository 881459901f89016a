from .base_model import BaseModel
from .fragments import ProfileListFields


class Following(BaseModel):
    following: "FollowingFollowing"


FollowingFollowing = ProfileListFields
Following.model_rebuild()
