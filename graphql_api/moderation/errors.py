"""What can go wrong in reporting and moderation; the codes clients switch on."""

import enum

from graphql_api.errors import Conflict, NotFound, PermissionDenied, ValidationFailed


class ModerationErrorCode(enum.StrEnum):
    REPORT_NOT_FOUND = "REPORT_NOT_FOUND"
    REPORT_TARGET_NOT_FOUND = "REPORT_TARGET_NOT_FOUND"
    INVALID_REPORT = "INVALID_REPORT"
    REPORT_ALREADY_RESOLVED = "REPORT_ALREADY_RESOLVED"
    INVALID_RESOLUTION = "INVALID_RESOLUTION"
    USER_NOT_FOUND = "USER_NOT_FOUND"
    CANNOT_SUSPEND = "CANNOT_SUSPEND"
    INVALID_PERIOD = "INVALID_PERIOD"


class ReportNotFound(NotFound):
    default_code = ModerationErrorCode.REPORT_NOT_FOUND
    default_message = "Report not found."


class ReportTargetNotFound(NotFound):
    default_code = ModerationErrorCode.REPORT_TARGET_NOT_FOUND
    default_message = "The reported object does not exist."


class InvalidReport(ValidationFailed):
    default_code = ModerationErrorCode.INVALID_REPORT


class ReportAlreadyResolved(Conflict):
    default_code = ModerationErrorCode.REPORT_ALREADY_RESOLVED


class InvalidResolution(ValidationFailed):
    default_code = ModerationErrorCode.INVALID_RESOLUTION


class UserNotFound(NotFound):
    default_code = ModerationErrorCode.USER_NOT_FOUND
    default_message = "User not found."


class CannotSuspend(PermissionDenied):
    default_code = ModerationErrorCode.CANNOT_SUSPEND


class InvalidPeriod(ValidationFailed):
    default_code = ModerationErrorCode.INVALID_PERIOD
