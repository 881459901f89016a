from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CommandFields, UserErrorFields


class CutAllPower(BaseModel):
    cut_all_power: "CutAllPowerCutAllPower" = Field(alias="cutAllPower")


class CutAllPowerCutAllPower(BaseModel):
    group_id: Optional[str] = Field(alias="groupId")
    commands: Optional[list["CutAllPowerCutAllPowerCommands"]]
    user_errors: list["CutAllPowerCutAllPowerUserErrors"] = Field(alias="userErrors")


CutAllPowerCutAllPowerCommands = CommandFields
CutAllPowerCutAllPowerUserErrors = UserErrorFields
CutAllPower.model_rebuild()
CutAllPowerCutAllPower.model_rebuild()
