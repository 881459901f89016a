import enum

from graphql_api.errors import ValidationFailed


class CollarErrorCode(enum.StrEnum):
    INVALID_COLLAR_READING = "INVALID_COLLAR_READING"
    # Petty collars' readings (graphql_api.collars.readings)
    COLLAR_KEY_INVALID = "COLLAR_KEY_INVALID"
    READING_INVALID = "READING_INVALID"
    READINGS_REJECTED = "READINGS_REJECTED"


class InvalidCollarReading(ValidationFailed):
    default_code = CollarErrorCode.INVALID_COLLAR_READING
    default_message = "The collar reading is malformed."
