from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class TelemetryUpdated(BaseModel):
    telemetry_updated: "TelemetryUpdatedTelemetryUpdated" = Field(
        alias="telemetryUpdated"
    )


class TelemetryUpdatedTelemetryUpdated(BaseModel):
    device_id: str = Field(alias="deviceId")
    received_at: datetime = Field(alias="receivedAt")
    device_time: Optional[datetime] = Field(alias="deviceTime")
    values: list["TelemetryUpdatedTelemetryUpdatedValues"]
    persisted: bool
    relay_a: Optional[bool] = Field(alias="relayA")
    relay_b: Optional[bool] = Field(alias="relayB")
    overload: Optional[bool]


class TelemetryUpdatedTelemetryUpdatedValues(BaseModel):
    key: str
    value: float


TelemetryUpdated.model_rebuild()
TelemetryUpdatedTelemetryUpdated.model_rebuild()
