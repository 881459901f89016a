from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ReportFields, UserErrorFields


class ReportContent(BaseModel):
    report_content: "ReportContentReportContent" = Field(alias="reportContent")


class ReportContentReportContent(BaseModel):
    report: Optional["ReportContentReportContentReport"]
    user_errors: list["ReportContentReportContentUserErrors"] = Field(
        alias="userErrors"
    )


ReportContentReportContentReport = ReportFields
ReportContentReportContentUserErrors = UserErrorFields
ReportContent.model_rebuild()
ReportContentReportContent.model_rebuild()
