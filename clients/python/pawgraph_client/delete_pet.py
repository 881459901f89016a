from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields


class DeletePet(BaseModel):
    delete_pet: "DeletePetDeletePet" = Field(alias="deletePet")


class DeletePetDeletePet(BaseModel):
    deleted_pet_id: Optional[str] = Field(alias="deletedPetId")
    user_errors: list["DeletePetDeletePetUserErrors"] = Field(alias="userErrors")


DeletePetDeletePetUserErrors = UserErrorFields
DeletePet.model_rebuild()
DeletePetDeletePet.model_rebuild()
