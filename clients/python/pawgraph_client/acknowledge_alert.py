from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import AlertFields, UserErrorFields


class AcknowledgeAlert(BaseModel):
    acknowledge_alert: "AcknowledgeAlertAcknowledgeAlert" = Field(
        alias="acknowledgeAlert"
    )


class AcknowledgeAlertAcknowledgeAlert(BaseModel):
    alert: Optional["AcknowledgeAlertAcknowledgeAlertAlert"]
    user_errors: list["AcknowledgeAlertAcknowledgeAlertUserErrors"] = Field(
        alias="userErrors"
    )


AcknowledgeAlertAcknowledgeAlertAlert = AlertFields
AcknowledgeAlertAcknowledgeAlertUserErrors = UserErrorFields
AcknowledgeAlert.model_rebuild()
AcknowledgeAlertAcknowledgeAlert.model_rebuild()
