from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ListingStatus
from .fragments import UserErrorFields


class MarkListingSold(BaseModel):
    mark_listing_sold: "MarkListingSoldMarkListingSold" = Field(alias="markListingSold")


class MarkListingSoldMarkListingSold(BaseModel):
    listing: Optional["MarkListingSoldMarkListingSoldListing"]
    transaction: Optional["MarkListingSoldMarkListingSoldTransaction"]
    user_errors: list["MarkListingSoldMarkListingSoldUserErrors"] = Field(
        alias="userErrors"
    )


class MarkListingSoldMarkListingSoldListing(BaseModel):
    id: str
    status: ListingStatus
    sold_at: Optional[datetime] = Field(alias="soldAt")


class MarkListingSoldMarkListingSoldTransaction(BaseModel):
    id: str
    completed_at: datetime = Field(alias="completedAt")


MarkListingSoldMarkListingSoldUserErrors = UserErrorFields
MarkListingSold.model_rebuild()
MarkListingSoldMarkListingSold.model_rebuild()
