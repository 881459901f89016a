from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import CommandFields, UserErrorFields


class Treat(BaseModel):
    treat: "TreatTreat"


class TreatTreat(BaseModel):
    command: Optional["TreatTreatCommand"]
    treat: Optional["TreatTreatTreat"]
    user_errors: list["TreatTreatUserErrors"] = Field(alias="userErrors")


TreatTreatCommand = CommandFields


class TreatTreatTreat(BaseModel):
    issued_at: datetime = Field(alias="issuedAt")


TreatTreatUserErrors = UserErrorFields
Treat.model_rebuild()
TreatTreat.model_rebuild()
