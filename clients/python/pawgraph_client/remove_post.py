from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields


class RemovePost(BaseModel):
    remove_post: "RemovePostRemovePost" = Field(alias="removePost")


class RemovePostRemovePost(BaseModel):
    post: Optional["RemovePostRemovePostPost"]
    user_errors: list["RemovePostRemovePostUserErrors"] = Field(alias="userErrors")


class RemovePostRemovePostPost(BaseModel):
    id: str
    removed_at: Optional[datetime] = Field(alias="removedAt")


RemovePostRemovePostUserErrors = UserErrorFields
RemovePost.model_rebuild()
RemovePostRemovePost.model_rebuild()
