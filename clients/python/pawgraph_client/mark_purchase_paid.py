from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import PurchaseRequestFields, UserErrorFields


class MarkPurchasePaid(BaseModel):
    mark_purchase_paid: "MarkPurchasePaidMarkPurchasePaid" = Field(
        alias="markPurchasePaid"
    )


class MarkPurchasePaidMarkPurchasePaid(BaseModel):
    purchase_request: Optional["MarkPurchasePaidMarkPurchasePaidPurchaseRequest"] = (
        Field(alias="purchaseRequest")
    )
    user_errors: list["MarkPurchasePaidMarkPurchasePaidUserErrors"] = Field(
        alias="userErrors"
    )


MarkPurchasePaidMarkPurchasePaidPurchaseRequest = PurchaseRequestFields
MarkPurchasePaidMarkPurchasePaidUserErrors = UserErrorFields
MarkPurchasePaid.model_rebuild()
MarkPurchasePaidMarkPurchasePaid.model_rebuild()
