from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import PostFields, UserErrorFields


class CreatePost(BaseModel):
    create_post: "CreatePostCreatePost" = Field(alias="createPost")


class CreatePostCreatePost(BaseModel):
    post: Optional["CreatePostCreatePostPost"]
    user_errors: list["CreatePostCreatePostUserErrors"] = Field(alias="userErrors")


CreatePostCreatePostPost = PostFields
CreatePostCreatePostUserErrors = UserErrorFields
CreatePost.model_rebuild()
CreatePostCreatePost.model_rebuild()
