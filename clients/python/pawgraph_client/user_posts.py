from pydantic import Field

from .base_model import BaseModel
from .fragments import PageInfoFields, PostFields


class UserPosts(BaseModel):
    user_posts: "UserPostsUserPosts" = Field(alias="userPosts")


class UserPostsUserPosts(BaseModel):
    page_info: "UserPostsUserPostsPageInfo" = Field(alias="pageInfo")
    edges: list["UserPostsUserPostsEdges"]


UserPostsUserPostsPageInfo = PageInfoFields


class UserPostsUserPostsEdges(BaseModel):
    node: "UserPostsUserPostsEdgesNode"


UserPostsUserPostsEdgesNode = PostFields
UserPosts.model_rebuild()
UserPostsUserPosts.model_rebuild()
UserPostsUserPostsEdges.model_rebuild()
