from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import OutletStateFields, UserErrorFields


class FocusOutlet(BaseModel):
    focus_outlet: "FocusOutletFocusOutlet" = Field(alias="focusOutlet")


class FocusOutletFocusOutlet(BaseModel):
    outlet_state: Optional["FocusOutletFocusOutletOutletState"] = Field(
        alias="outletState"
    )
    user_errors: list["FocusOutletFocusOutletUserErrors"] = Field(alias="userErrors")


FocusOutletFocusOutletOutletState = OutletStateFields
FocusOutletFocusOutletUserErrors = UserErrorFields
FocusOutlet.model_rebuild()
FocusOutletFocusOutlet.model_rebuild()
