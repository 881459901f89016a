from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import PurchaseRequestFields, UserErrorFields


class RequestPurchase(BaseModel):
    request_purchase: "RequestPurchaseRequestPurchase" = Field(alias="requestPurchase")


class RequestPurchaseRequestPurchase(BaseModel):
    purchase_request: Optional["RequestPurchaseRequestPurchasePurchaseRequest"] = Field(
        alias="purchaseRequest"
    )
    user_errors: list["RequestPurchaseRequestPurchaseUserErrors"] = Field(
        alias="userErrors"
    )


RequestPurchaseRequestPurchasePurchaseRequest = PurchaseRequestFields
RequestPurchaseRequestPurchaseUserErrors = UserErrorFields
RequestPurchase.model_rebuild()
RequestPurchaseRequestPurchase.model_rebuild()
