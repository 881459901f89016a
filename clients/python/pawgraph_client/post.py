from typing import Optional

from .base_model import BaseModel
from .fragments import PostFields


class Post(BaseModel):
    post: Optional["PostPost"]


PostPost = PostFields
Post.model_rebuild()
