from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import UserErrorFields


class IssueHubBaseUrl(BaseModel):
    issue_hub_base_url: "IssueHubBaseUrlIssueHubBaseUrl" = Field(
        alias="issueHubBaseUrl"
    )


class IssueHubBaseUrlIssueHubBaseUrl(BaseModel):
    hub: Optional["IssueHubBaseUrlIssueHubBaseUrlHub"]
    base_url: Optional[str] = Field(alias="baseUrl")
    user_errors: list["IssueHubBaseUrlIssueHubBaseUrlUserErrors"] = Field(
        alias="userErrors"
    )


class IssueHubBaseUrlIssueHubBaseUrlHub(BaseModel):
    id: str


IssueHubBaseUrlIssueHubBaseUrlUserErrors = UserErrorFields
IssueHubBaseUrl.model_rebuild()
IssueHubBaseUrlIssueHubBaseUrl.model_rebuild()
