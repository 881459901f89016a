from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AlertKind, AlertStatus, DeviceKind, Species


class Dashboard(BaseModel):
    me: Optional["DashboardMe"]


class DashboardMe(BaseModel):
    id: str
    display_name: str = Field(alias="displayName")
    unread_notification_count: Optional[int] = Field(alias="unreadNotificationCount")
    pets: Optional["DashboardMePets"]


class DashboardMePets(BaseModel):
    total_count: int = Field(alias="totalCount")
    edges: list["DashboardMePetsEdges"]


class DashboardMePetsEdges(BaseModel):
    node: "DashboardMePetsEdgesNode"


class DashboardMePetsEdgesNode(BaseModel):
    id: str
    name: str
    species: Species
    devices: "DashboardMePetsEdgesNodeDevices"


class DashboardMePetsEdgesNodeDevices(BaseModel):
    total_count: int = Field(alias="totalCount")
    edges: list["DashboardMePetsEdgesNodeDevicesEdges"]


class DashboardMePetsEdgesNodeDevicesEdges(BaseModel):
    node: "DashboardMePetsEdgesNodeDevicesEdgesNode"


class DashboardMePetsEdgesNodeDevicesEdgesNode(BaseModel):
    id: str
    kind: DeviceKind
    name: str
    online: bool
    last_seen_at: Optional[datetime] = Field(alias="lastSeenAt")
    latest_readings: list["DashboardMePetsEdgesNodeDevicesEdgesNodeLatestReadings"] = (
        Field(alias="latestReadings")
    )
    open_alerts: list["DashboardMePetsEdgesNodeDevicesEdgesNodeOpenAlerts"] = Field(
        alias="openAlerts"
    )


class DashboardMePetsEdgesNodeDevicesEdgesNodeLatestReadings(BaseModel):
    key: str
    value: float
    at: datetime


class DashboardMePetsEdgesNodeDevicesEdgesNodeOpenAlerts(BaseModel):
    id: str
    kind: AlertKind
    status: AlertStatus
    message: str
    raised_at: datetime = Field(alias="raisedAt")


Dashboard.model_rebuild()
DashboardMe.model_rebuild()
DashboardMePets.model_rebuild()
DashboardMePetsEdges.model_rebuild()
DashboardMePetsEdgesNode.model_rebuild()
DashboardMePetsEdgesNodeDevices.model_rebuild()
DashboardMePetsEdgesNodeDevicesEdges.model_rebuild()
DashboardMePetsEdgesNodeDevicesEdgesNode.model_rebuild()
