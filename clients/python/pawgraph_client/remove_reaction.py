from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ReactionKind
from .fragments import UserErrorFields


class RemoveReaction(BaseModel):
    remove_reaction: "RemoveReactionRemoveReaction" = Field(alias="removeReaction")


class RemoveReactionRemoveReaction(BaseModel):
    post: Optional["RemoveReactionRemoveReactionPost"]
    user_errors: list["RemoveReactionRemoveReactionUserErrors"] = Field(
        alias="userErrors"
    )


class RemoveReactionRemoveReactionPost(BaseModel):
    id: str
    reaction_count: int = Field(alias="reactionCount")
    viewer_reaction: Optional[ReactionKind] = Field(alias="viewerReaction")


RemoveReactionRemoveReactionUserErrors = UserErrorFields
RemoveReaction.model_rebuild()
RemoveReactionRemoveReaction.model_rebuild()
