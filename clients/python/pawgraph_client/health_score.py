from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class HealthScore(BaseModel):
    health_score: "HealthScoreHealthScore" = Field(alias="healthScore")


class HealthScoreHealthScore(BaseModel):
    score: Optional[int]
    explanation: str


HealthScore.model_rebuild()
