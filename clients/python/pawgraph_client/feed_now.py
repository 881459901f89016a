from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CommandFields, UserErrorFields


class FeedNow(BaseModel):
    feed_now: "FeedNowFeedNow" = Field(alias="feedNow")


class FeedNowFeedNow(BaseModel):
    command: Optional["FeedNowFeedNowCommand"]
    user_errors: list["FeedNowFeedNowUserErrors"] = Field(alias="userErrors")


FeedNowFeedNowCommand = CommandFields
FeedNowFeedNowUserErrors = UserErrorFields
FeedNow.model_rebuild()
FeedNowFeedNow.model_rebuild()
