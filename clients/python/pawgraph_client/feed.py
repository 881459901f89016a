from pydantic import Field

from .base_model import BaseModel
from .fragments import PageInfoFields, PostFields


class Feed(BaseModel):
    feed: "FeedFeed"


class FeedFeed(BaseModel):
    page_info: "FeedFeedPageInfo" = Field(alias="pageInfo")
    edges: list["FeedFeedEdges"]


FeedFeedPageInfo = PageInfoFields


class FeedFeedEdges(BaseModel):
    node: "FeedFeedEdgesNode"


FeedFeedEdgesNode = PostFields
Feed.model_rebuild()
FeedFeed.model_rebuild()
FeedFeedEdges.model_rebuild()
