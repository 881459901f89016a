from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import OutletStateFields


class OutletState(BaseModel):
    outlet_state: Optional["OutletStateOutletState"] = Field(alias="outletState")


OutletStateOutletState = OutletStateFields
OutletState.model_rebuild()
