from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import PurchaseRequestFields, UserErrorFields


class CompletePurchase(BaseModel):
    complete_purchase: "CompletePurchaseCompletePurchase" = Field(
        alias="completePurchase"
    )


class CompletePurchaseCompletePurchase(BaseModel):
    purchase_request: Optional["CompletePurchaseCompletePurchasePurchaseRequest"] = (
        Field(alias="purchaseRequest")
    )
    user_errors: list["CompletePurchaseCompletePurchaseUserErrors"] = Field(
        alias="userErrors"
    )


CompletePurchaseCompletePurchasePurchaseRequest = PurchaseRequestFields
CompletePurchaseCompletePurchaseUserErrors = UserErrorFields
CompletePurchase.model_rebuild()
CompletePurchaseCompletePurchase.model_rebuild()
