from pydantic import Field

from .base_model import BaseModel
from .fragments import PageInfoFields, PurchaseRequestFields


class PurchaseRequests(BaseModel):
    purchase_requests: "PurchaseRequestsPurchaseRequests" = Field(
        alias="purchaseRequests"
    )


class PurchaseRequestsPurchaseRequests(BaseModel):
    total_count: int = Field(alias="totalCount")
    page_info: "PurchaseRequestsPurchaseRequestsPageInfo" = Field(alias="pageInfo")
    edges: list["PurchaseRequestsPurchaseRequestsEdges"]


PurchaseRequestsPurchaseRequestsPageInfo = PageInfoFields


class PurchaseRequestsPurchaseRequestsEdges(BaseModel):
    node: "PurchaseRequestsPurchaseRequestsEdgesNode"


PurchaseRequestsPurchaseRequestsEdgesNode = PurchaseRequestFields
PurchaseRequests.model_rebuild()
PurchaseRequestsPurchaseRequests.model_rebuild()
PurchaseRequestsPurchaseRequestsEdges.model_rebuild()
