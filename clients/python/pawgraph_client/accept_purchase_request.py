from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import PurchaseRequestFields, UserErrorFields


class AcceptPurchaseRequest(BaseModel):
    accept_purchase_request: "AcceptPurchaseRequestAcceptPurchaseRequest" = Field(
        alias="acceptPurchaseRequest"
    )


class AcceptPurchaseRequestAcceptPurchaseRequest(BaseModel):
    purchase_request: Optional[
        "AcceptPurchaseRequestAcceptPurchaseRequestPurchaseRequest"
    ] = Field(alias="purchaseRequest")
    user_errors: list["AcceptPurchaseRequestAcceptPurchaseRequestUserErrors"] = Field(
        alias="userErrors"
    )


AcceptPurchaseRequestAcceptPurchaseRequestPurchaseRequest = PurchaseRequestFields
AcceptPurchaseRequestAcceptPurchaseRequestUserErrors = UserErrorFields
AcceptPurchaseRequest.model_rebuild()
AcceptPurchaseRequestAcceptPurchaseRequest.model_rebuild()
