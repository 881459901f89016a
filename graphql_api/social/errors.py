"""The social domain's error codes, one enum for every sub-package (clients switch on one type).

Each sub-package's ``errors.py`` declares its ``DomainError`` subclasses with these codes.
"""

import enum


class SocialErrorCode(enum.StrEnum):
    PROFILE_NOT_FOUND = "PROFILE_NOT_FOUND"
    INVALID_PROFILE = "INVALID_PROFILE"
    INVALID_URL = "INVALID_URL"
    CANNOT_FOLLOW_SELF = "CANNOT_FOLLOW_SELF"
    FOLLOW_REQUEST_NOT_FOUND = "FOLLOW_REQUEST_NOT_FOUND"
    USER_BLOCKED = "USER_BLOCKED"
    CANNOT_BLOCK_SELF = "CANNOT_BLOCK_SELF"
    POST_NOT_FOUND = "POST_NOT_FOUND"
    INVALID_POST = "INVALID_POST"
    TAGGED_PET_NOT_FOUND = "TAGGED_PET_NOT_FOUND"
    COMMENT_NOT_FOUND = "COMMENT_NOT_FOUND"
    INVALID_COMMENT = "INVALID_COMMENT"
