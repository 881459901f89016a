from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ListingFields, UserErrorFields


class CreateListing(BaseModel):
    create_listing: "CreateListingCreateListing" = Field(alias="createListing")


class CreateListingCreateListing(BaseModel):
    listing: Optional["CreateListingCreateListingListing"]
    user_errors: list["CreateListingCreateListingUserErrors"] = Field(
        alias="userErrors"
    )


CreateListingCreateListingListing = ListingFields
CreateListingCreateListingUserErrors = UserErrorFields
CreateListing.model_rebuild()
CreateListingCreateListing.model_rebuild()
