import enum

from graphql_api.errors import ValidationFailed


class TelemetryErrorCode(enum.StrEnum):
    INVALID_TELEMETRY_KEY = "INVALID_TELEMETRY_KEY"
    INVALID_TELEMETRY_RANGE = "INVALID_TELEMETRY_RANGE"


class InvalidTelemetryKey(ValidationFailed):
    default_code = TelemetryErrorCode.INVALID_TELEMETRY_KEY
    default_message = "A telemetry key is 1-40 lower-case letters, digits and underscores."


class InvalidTelemetryRange(ValidationFailed):
    default_code = TelemetryErrorCode.INVALID_TELEMETRY_RANGE
    default_message = "Invalid time range."
