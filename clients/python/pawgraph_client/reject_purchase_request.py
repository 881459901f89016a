from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import PurchaseRequestFields, UserErrorFields


class RejectPurchaseRequest(BaseModel):
    reject_purchase_request: "RejectPurchaseRequestRejectPurchaseRequest" = Field(
        alias="rejectPurchaseRequest"
    )


class RejectPurchaseRequestRejectPurchaseRequest(BaseModel):
    purchase_request: Optional[
        "RejectPurchaseRequestRejectPurchaseRequestPurchaseRequest"
    ] = Field(alias="purchaseRequest")
    user_errors: list["RejectPurchaseRequestRejectPurchaseRequestUserErrors"] = Field(
        alias="userErrors"
    )


RejectPurchaseRequestRejectPurchaseRequestPurchaseRequest = PurchaseRequestFields
RejectPurchaseRequestRejectPurchaseRequestUserErrors = UserErrorFields
RejectPurchaseRequest.model_rebuild()
RejectPurchaseRequestRejectPurchaseRequest.model_rebuild()
