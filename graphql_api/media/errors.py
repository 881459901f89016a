import enum

from graphql_api.errors import ValidationFailed


class MediaErrorCode(enum.StrEnum):
    VIDEO_NOT_SUPPORTED = "VIDEO_NOT_SUPPORTED"


class VideoNotSupported(ValidationFailed):
    default_code = MediaErrorCode.VIDEO_NOT_SUPPORTED
    default_message = "Only a collar streams live video."
