from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CommandFields, UserErrorFields


class SetRelay(BaseModel):
    set_relay: "SetRelaySetRelay" = Field(alias="setRelay")


class SetRelaySetRelay(BaseModel):
    command: Optional["SetRelaySetRelayCommand"]
    user_errors: list["SetRelaySetRelayUserErrors"] = Field(alias="userErrors")


SetRelaySetRelayCommand = CommandFields
SetRelaySetRelayUserErrors = UserErrorFields
SetRelay.model_rebuild()
SetRelaySetRelay.model_rebuild()
