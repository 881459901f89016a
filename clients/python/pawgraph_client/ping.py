from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CommandFields, UserErrorFields


class Ping(BaseModel):
    ping: "PingPing"


class PingPing(BaseModel):
    command: Optional["PingPingCommand"]
    user_errors: list["PingPingUserErrors"] = Field(alias="userErrors")


PingPingCommand = CommandFields
PingPingUserErrors = UserErrorFields
Ping.model_rebuild()
PingPing.model_rebuild()
