from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class HubSetup(BaseModel):
    hub_setup: Optional["HubSetupHubSetup"] = Field(alias="hubSetup")


class HubSetupHubSetup(BaseModel):
    hub: "HubSetupHubSetupHub"
    base_url_prefix: str = Field(alias="baseUrlPrefix")
    base_url: Optional[str] = Field(alias="baseUrl")


class HubSetupHubSetupHub(BaseModel):
    id: str


HubSetup.model_rebuild()
HubSetupHubSetup.model_rebuild()
