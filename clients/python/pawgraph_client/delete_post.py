from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields


class DeletePost(BaseModel):
    delete_post: "DeletePostDeletePost" = Field(alias="deletePost")


class DeletePostDeletePost(BaseModel):
    deleted_post_id: Optional[str] = Field(alias="deletedPostId")
    user_errors: list["DeletePostDeletePostUserErrors"] = Field(alias="userErrors")


DeletePostDeletePostUserErrors = UserErrorFields
DeletePost.model_rebuild()
DeletePostDeletePost.model_rebuild()
