import enum

from graphql_api.errors import ValidationFailed


class FeedingErrorCode(enum.StrEnum):
    INVALID_FEEDING_LOG = "INVALID_FEEDING_LOG"
    INVALID_TIME_RANGE = "INVALID_TIME_RANGE"


class InvalidFeedingLog(ValidationFailed):
    # The feeder's firmware, like every device line, expects 400 for a body it got wrong.
    http_status = 400
    default_code = FeedingErrorCode.INVALID_FEEDING_LOG
    default_message = "Invalid feeding log."


class InvalidTimeRange(ValidationFailed):
    default_code = FeedingErrorCode.INVALID_TIME_RANGE
    default_message = "The time range is invalid."
