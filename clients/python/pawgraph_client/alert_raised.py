from pydantic import Field

from .base_model import BaseModel
from .fragments import AlertFields


class AlertRaised(BaseModel):
    alert_raised: "AlertRaisedAlertRaised" = Field(alias="alertRaised")


AlertRaisedAlertRaised = AlertFields
AlertRaised.model_rebuild()
