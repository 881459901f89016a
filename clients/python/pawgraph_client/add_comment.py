from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CommentFields, UserErrorFields


class AddComment(BaseModel):
    add_comment: "AddCommentAddComment" = Field(alias="addComment")


class AddCommentAddComment(BaseModel):
    comment: Optional["AddCommentAddCommentComment"]
    user_errors: list["AddCommentAddCommentUserErrors"] = Field(alias="userErrors")


AddCommentAddCommentComment = CommentFields
AddCommentAddCommentUserErrors = UserErrorFields
AddComment.model_rebuild()
AddCommentAddComment.model_rebuild()
