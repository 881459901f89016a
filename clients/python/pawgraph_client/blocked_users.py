from pydantic import Field

from .base_model import BaseModel
from .fragments import ProfileListFields


class BlockedUsers(BaseModel):
    blocked_users: "BlockedUsersBlockedUsers" = Field(alias="blockedUsers")


BlockedUsersBlockedUsers = ProfileListFields
BlockedUsers.model_rebuild()
