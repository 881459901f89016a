from .base_model import BaseModel


class Categories(BaseModel):
    categories: list["CategoriesCategories"]


class CategoriesCategories(BaseModel):
    id: str
    name: str
    slug: str
    children: list["CategoriesCategoriesChildren"]


class CategoriesCategoriesChildren(BaseModel):
    id: str
    name: str
    slug: str


Categories.model_rebuild()
CategoriesCategories.model_rebuild()
