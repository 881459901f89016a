from pydantic import Field

from .base_model import BaseModel
from .fragments import AlertFields, PageInfoFields


class Alerts(BaseModel):
    alerts: "AlertsAlerts"


class AlertsAlerts(BaseModel):
    total_count: int = Field(alias="totalCount")
    page_info: "AlertsAlertsPageInfo" = Field(alias="pageInfo")
    edges: list["AlertsAlertsEdges"]


AlertsAlertsPageInfo = PageInfoFields


class AlertsAlertsEdges(BaseModel):
    node: "AlertsAlertsEdgesNode"


AlertsAlertsEdgesNode = AlertFields
Alerts.model_rebuild()
AlertsAlerts.model_rebuild()
AlertsAlertsEdges.model_rebuild()
