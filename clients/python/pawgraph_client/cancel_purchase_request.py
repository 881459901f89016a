from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import PurchaseRequestFields, UserErrorFields


class CancelPurchaseRequest(BaseModel):
    cancel_purchase_request: "CancelPurchaseRequestCancelPurchaseRequest" = Field(
        alias="cancelPurchaseRequest"
    )


class CancelPurchaseRequestCancelPurchaseRequest(BaseModel):
    purchase_request: Optional[
        "CancelPurchaseRequestCancelPurchaseRequestPurchaseRequest"
    ] = Field(alias="purchaseRequest")
    user_errors: list["CancelPurchaseRequestCancelPurchaseRequestUserErrors"] = Field(
        alias="userErrors"
    )


CancelPurchaseRequestCancelPurchaseRequestPurchaseRequest = PurchaseRequestFields
CancelPurchaseRequestCancelPurchaseRequestUserErrors = UserErrorFields
CancelPurchaseRequest.model_rebuild()
CancelPurchaseRequestCancelPurchaseRequest.model_rebuild()
