from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ListingFields, UserErrorFields


class UpdateListing(BaseModel):
    update_listing: "UpdateListingUpdateListing" = Field(alias="updateListing")


class UpdateListingUpdateListing(BaseModel):
    listing: Optional["UpdateListingUpdateListingListing"]
    user_errors: list["UpdateListingUpdateListingUserErrors"] = Field(
        alias="userErrors"
    )


UpdateListingUpdateListingListing = ListingFields
UpdateListingUpdateListingUserErrors = UserErrorFields
UpdateListing.model_rebuild()
UpdateListingUpdateListing.model_rebuild()
