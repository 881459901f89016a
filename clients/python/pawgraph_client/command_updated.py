from pydantic import Field

from .base_model import BaseModel
from .fragments import CommandFields


class CommandUpdated(BaseModel):
    command_updated: "CommandUpdatedCommandUpdated" = Field(alias="commandUpdated")


CommandUpdatedCommandUpdated = CommandFields
CommandUpdated.model_rebuild()
