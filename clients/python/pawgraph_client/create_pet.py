from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import PetFields, UserErrorFields


class CreatePet(BaseModel):
    create_pet: "CreatePetCreatePet" = Field(alias="createPet")


class CreatePetCreatePet(BaseModel):
    pet: Optional["CreatePetCreatePetPet"]
    user_errors: list["CreatePetCreatePetUserErrors"] = Field(alias="userErrors")


CreatePetCreatePetPet = PetFields
CreatePetCreatePetUserErrors = UserErrorFields
CreatePet.model_rebuild()
CreatePetCreatePet.model_rebuild()
