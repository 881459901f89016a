from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import PetFields, UserErrorFields


class UpdatePet(BaseModel):
    update_pet: "UpdatePetUpdatePet" = Field(alias="updatePet")


class UpdatePetUpdatePet(BaseModel):
    pet: Optional["UpdatePetUpdatePetPet"]
    user_errors: list["UpdatePetUpdatePetUserErrors"] = Field(alias="userErrors")


UpdatePetUpdatePetPet = PetFields
UpdatePetUpdatePetUserErrors = UserErrorFields
UpdatePet.model_rebuild()
UpdatePetUpdatePet.model_rebuild()
