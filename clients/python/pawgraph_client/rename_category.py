from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields


class RenameCategory(BaseModel):
    rename_category: "RenameCategoryRenameCategory" = Field(alias="renameCategory")


class RenameCategoryRenameCategory(BaseModel):
    category: Optional["RenameCategoryRenameCategoryCategory"]
    user_errors: list["RenameCategoryRenameCategoryUserErrors"] = Field(
        alias="userErrors"
    )


class RenameCategoryRenameCategoryCategory(BaseModel):
    id: str
    name: str
    slug: str


RenameCategoryRenameCategoryUserErrors = UserErrorFields
RenameCategory.model_rebuild()
RenameCategoryRenameCategory.model_rebuild()
