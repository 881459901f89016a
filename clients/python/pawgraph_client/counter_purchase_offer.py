from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import PurchaseRequestFields, UserErrorFields


class CounterPurchaseOffer(BaseModel):
    counter_purchase_offer: "CounterPurchaseOfferCounterPurchaseOffer" = Field(
        alias="counterPurchaseOffer"
    )


class CounterPurchaseOfferCounterPurchaseOffer(BaseModel):
    purchase_request: Optional[
        "CounterPurchaseOfferCounterPurchaseOfferPurchaseRequest"
    ] = Field(alias="purchaseRequest")
    user_errors: list["CounterPurchaseOfferCounterPurchaseOfferUserErrors"] = Field(
        alias="userErrors"
    )


CounterPurchaseOfferCounterPurchaseOfferPurchaseRequest = PurchaseRequestFields
CounterPurchaseOfferCounterPurchaseOfferUserErrors = UserErrorFields
CounterPurchaseOffer.model_rebuild()
CounterPurchaseOfferCounterPurchaseOffer.model_rebuild()
