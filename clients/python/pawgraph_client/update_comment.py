from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CommentFields, UserErrorFields


class UpdateComment(BaseModel):
    update_comment: "UpdateCommentUpdateComment" = Field(alias="updateComment")


class UpdateCommentUpdateComment(BaseModel):
    comment: Optional["UpdateCommentUpdateCommentComment"]
    user_errors: list["UpdateCommentUpdateCommentUserErrors"] = Field(
        alias="userErrors"
    )


UpdateCommentUpdateCommentComment = CommentFields
UpdateCommentUpdateCommentUserErrors = UserErrorFields
UpdateComment.model_rebuild()
UpdateCommentUpdateComment.model_rebuild()
