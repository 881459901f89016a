from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields


class DeleteComment(BaseModel):
    delete_comment: "DeleteCommentDeleteComment" = Field(alias="deleteComment")


class DeleteCommentDeleteComment(BaseModel):
    deleted_comment_id: Optional[str] = Field(alias="deletedCommentId")
    user_errors: list["DeleteCommentDeleteCommentUserErrors"] = Field(
        alias="userErrors"
    )


DeleteCommentDeleteCommentUserErrors = UserErrorFields
DeleteComment.model_rebuild()
DeleteCommentDeleteComment.model_rebuild()
