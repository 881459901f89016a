from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields


class CreateCategory(BaseModel):
    create_category: "CreateCategoryCreateCategory" = Field(alias="createCategory")


class CreateCategoryCreateCategory(BaseModel):
    category: Optional["CreateCategoryCreateCategoryCategory"]
    user_errors: list["CreateCategoryCreateCategoryUserErrors"] = Field(
        alias="userErrors"
    )


class CreateCategoryCreateCategoryCategory(BaseModel):
    id: str
    name: str
    slug: str


CreateCategoryCreateCategoryUserErrors = UserErrorFields
CreateCategory.model_rebuild()
CreateCategoryCreateCategory.model_rebuild()
