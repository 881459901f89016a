from pydantic import Field

from .base_model import BaseModel
from .fragments import CommandFields, PageInfoFields


class Commands(BaseModel):
    commands: "CommandsCommands"


class CommandsCommands(BaseModel):
    total_count: int = Field(alias="totalCount")
    page_info: "CommandsCommandsPageInfo" = Field(alias="pageInfo")
    edges: list["CommandsCommandsEdges"]


CommandsCommandsPageInfo = PageInfoFields


class CommandsCommandsEdges(BaseModel):
    node: "CommandsCommandsEdgesNode"


CommandsCommandsEdgesNode = CommandFields
Commands.model_rebuild()
CommandsCommands.model_rebuild()
CommandsCommandsEdges.model_rebuild()
