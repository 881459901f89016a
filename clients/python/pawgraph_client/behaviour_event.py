from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import Activity, BehaviourChange, Metric


class BehaviourEvent(BaseModel):
    behaviour_event: "BehaviourEventBehaviourEvent" = Field(alias="behaviourEvent")


class BehaviourEventBehaviourEvent(BaseModel):
    pet_id: str = Field(alias="petId")
    change: BehaviourChange
    activity: Optional[Activity]
    since: Optional[datetime]
    confidence: Optional[float]
    metric: Optional[Metric]
    message: Optional[str]


BehaviourEvent.model_rebuild()
