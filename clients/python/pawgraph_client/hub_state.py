from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import OutletStateFields


class HubState(BaseModel):
    hub_state: Optional["HubStateHubState"] = Field(alias="hubState")


class HubStateHubState(BaseModel):
    hub: "HubStateHubStateHub"
    breaker_current_milliamps: Optional[int] = Field(alias="breakerCurrentMilliamps")
    breaker_reading_at: Optional[datetime] = Field(alias="breakerReadingAt")
    online: bool
    outlets: list["HubStateHubStateOutlets"]
    focused_outlet: Optional["HubStateHubStateFocusedOutlet"] = Field(
        alias="focusedOutlet"
    )


class HubStateHubStateHub(BaseModel):
    id: str
    name: str
    hardware_id: str = Field(alias="hardwareId")


HubStateHubStateOutlets = OutletStateFields


class HubStateHubStateFocusedOutlet(BaseModel):
    outlet: "HubStateHubStateFocusedOutletOutlet"


class HubStateHubStateFocusedOutletOutlet(BaseModel):
    id: str


HubState.model_rebuild()
HubStateHubState.model_rebuild()
HubStateHubStateFocusedOutlet.model_rebuild()
