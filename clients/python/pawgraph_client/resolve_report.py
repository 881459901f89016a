from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ReportFields, UserErrorFields


class ResolveReport(BaseModel):
    resolve_report: "ResolveReportResolveReport" = Field(alias="resolveReport")


class ResolveReportResolveReport(BaseModel):
    report: Optional["ResolveReportResolveReportReport"]
    user_errors: list["ResolveReportResolveReportUserErrors"] = Field(
        alias="userErrors"
    )


ResolveReportResolveReportReport = ReportFields
ResolveReportResolveReportUserErrors = UserErrorFields
ResolveReport.model_rebuild()
ResolveReportResolveReport.model_rebuild()
