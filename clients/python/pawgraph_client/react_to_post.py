from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ReactionKind
from .fragments import UserErrorFields


class ReactToPost(BaseModel):
    react_to_post: "ReactToPostReactToPost" = Field(alias="reactToPost")


class ReactToPostReactToPost(BaseModel):
    post: Optional["ReactToPostReactToPostPost"]
    user_errors: list["ReactToPostReactToPostUserErrors"] = Field(alias="userErrors")


class ReactToPostReactToPostPost(BaseModel):
    id: str
    reaction_count: int = Field(alias="reactionCount")
    viewer_reaction: Optional[ReactionKind] = Field(alias="viewerReaction")


ReactToPostReactToPostUserErrors = UserErrorFields
ReactToPost.model_rebuild()
ReactToPostReactToPost.model_rebuild()
