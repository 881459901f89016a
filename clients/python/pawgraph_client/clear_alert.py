from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import AlertFields, UserErrorFields


class ClearAlert(BaseModel):
    clear_alert: "ClearAlertClearAlert" = Field(alias="clearAlert")


class ClearAlertClearAlert(BaseModel):
    alert: Optional["ClearAlertClearAlertAlert"]
    user_errors: list["ClearAlertClearAlertUserErrors"] = Field(alias="userErrors")


ClearAlertClearAlertAlert = AlertFields
ClearAlertClearAlertUserErrors = UserErrorFields
ClearAlert.model_rebuild()
ClearAlertClearAlert.model_rebuild()
