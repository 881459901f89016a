from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields


class RemoveComment(BaseModel):
    remove_comment: "RemoveCommentRemoveComment" = Field(alias="removeComment")


class RemoveCommentRemoveComment(BaseModel):
    comment: Optional["RemoveCommentRemoveCommentComment"]
    user_errors: list["RemoveCommentRemoveCommentUserErrors"] = Field(
        alias="userErrors"
    )


class RemoveCommentRemoveCommentComment(BaseModel):
    id: str
    removed_at: Optional[datetime] = Field(alias="removedAt")


RemoveCommentRemoveCommentUserErrors = UserErrorFields
RemoveComment.model_rebuild()
RemoveCommentRemoveComment.model_rebuild()
