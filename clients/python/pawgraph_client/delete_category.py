from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields


class DeleteCategory(BaseModel):
    delete_category: "DeleteCategoryDeleteCategory" = Field(alias="deleteCategory")


class DeleteCategoryDeleteCategory(BaseModel):
    deleted_category_id: Optional[str] = Field(alias="deletedCategoryId")
    user_errors: list["DeleteCategoryDeleteCategoryUserErrors"] = Field(
        alias="userErrors"
    )


DeleteCategoryDeleteCategoryUserErrors = UserErrorFields
DeleteCategory.model_rebuild()
DeleteCategoryDeleteCategory.model_rebuild()
