from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import PostFields, UserErrorFields


class UpdatePost(BaseModel):
    update_post: "UpdatePostUpdatePost" = Field(alias="updatePost")


class UpdatePostUpdatePost(BaseModel):
    post: Optional["UpdatePostUpdatePostPost"]
    user_errors: list["UpdatePostUpdatePostUserErrors"] = Field(alias="userErrors")


UpdatePostUpdatePostPost = PostFields
UpdatePostUpdatePostUserErrors = UserErrorFields
UpdatePost.model_rebuild()
UpdatePostUpdatePost.model_rebuild()
