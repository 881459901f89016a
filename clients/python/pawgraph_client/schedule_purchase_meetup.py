from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import PurchaseRequestFields, UserErrorFields


class SchedulePurchaseMeetup(BaseModel):
    schedule_purchase_meetup: "SchedulePurchaseMeetupSchedulePurchaseMeetup" = Field(
        alias="schedulePurchaseMeetup"
    )


class SchedulePurchaseMeetupSchedulePurchaseMeetup(BaseModel):
    purchase_request: Optional[
        "SchedulePurchaseMeetupSchedulePurchaseMeetupPurchaseRequest"
    ] = Field(alias="purchaseRequest")
    user_errors: list["SchedulePurchaseMeetupSchedulePurchaseMeetupUserErrors"] = Field(
        alias="userErrors"
    )


SchedulePurchaseMeetupSchedulePurchaseMeetupPurchaseRequest = PurchaseRequestFields
SchedulePurchaseMeetupSchedulePurchaseMeetupUserErrors = UserErrorFields
SchedulePurchaseMeetup.model_rebuild()
SchedulePurchaseMeetupSchedulePurchaseMeetup.model_rebuild()
