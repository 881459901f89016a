from pydantic import Field

from .base_model import BaseModel
from .fragments import CommentFields, PageInfoFields


class Comments(BaseModel):
    comments: "CommentsComments"


class CommentsComments(BaseModel):
    total_count: int = Field(alias="totalCount")
    page_info: "CommentsCommentsPageInfo" = Field(alias="pageInfo")
    edges: list["CommentsCommentsEdges"]


CommentsCommentsPageInfo = PageInfoFields


class CommentsCommentsEdges(BaseModel):
    node: "CommentsCommentsEdgesNode"


CommentsCommentsEdgesNode = CommentFields
Comments.model_rebuild()
CommentsComments.model_rebuild()
CommentsCommentsEdges.model_rebuild()
