from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ListingStatus
from .fragments import UserErrorFields


class RemoveListing(BaseModel):
    remove_listing: "RemoveListingRemoveListing" = Field(alias="removeListing")


class RemoveListingRemoveListing(BaseModel):
    listing: Optional["RemoveListingRemoveListingListing"]
    user_errors: list["RemoveListingRemoveListingUserErrors"] = Field(
        alias="userErrors"
    )


class RemoveListingRemoveListingListing(BaseModel):
    id: str
    status: ListingStatus


RemoveListingRemoveListingUserErrors = UserErrorFields
RemoveListing.model_rebuild()
RemoveListingRemoveListing.model_rebuild()
