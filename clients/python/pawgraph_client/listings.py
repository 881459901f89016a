from pydantic import Field

from .base_model import BaseModel
from .fragments import ListingFields, PageInfoFields


class Listings(BaseModel):
    listings: "ListingsListings"


class ListingsListings(BaseModel):
    total_count: int = Field(alias="totalCount")
    page_info: "ListingsListingsPageInfo" = Field(alias="pageInfo")
    edges: list["ListingsListingsEdges"]


ListingsListingsPageInfo = PageInfoFields


class ListingsListingsEdges(BaseModel):
    node: "ListingsListingsEdgesNode"


ListingsListingsEdgesNode = ListingFields
Listings.model_rebuild()
ListingsListings.model_rebuild()
ListingsListingsEdges.model_rebuild()
