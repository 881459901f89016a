from .base_model import BaseModel
from .fragments import ProfileListFields


class Followers(BaseModel):
    followers: "FollowersFollowers"


FollowersFollowers = ProfileListFields
Followers.model_rebuild()
