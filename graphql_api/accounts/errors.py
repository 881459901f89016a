import enum

from graphql_api.errors import Conflict, NotAuthenticated, ValidationFailed


class AccountErrorCode(enum.StrEnum):
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    EMAIL_TAKEN = "EMAIL_TAKEN"
    INVALID_EMAIL = "INVALID_EMAIL"
    WEAK_PASSWORD = "WEAK_PASSWORD"
    INVALID_TIME_ZONE = "INVALID_TIME_ZONE"
    PASSWORD_TOO_LONG = "PASSWORD_TOO_LONG"


class InvalidCredentials(NotAuthenticated):
    default_code = AccountErrorCode.INVALID_CREDENTIALS
    default_message = "Wrong email or password."


class EmailTaken(Conflict):
    default_code = AccountErrorCode.EMAIL_TAKEN
    default_message = "An account with this email already exists."


class InvalidEmail(ValidationFailed):
    default_code = AccountErrorCode.INVALID_EMAIL
    default_message = "Not a valid email address."


class WeakPassword(ValidationFailed):
    default_code = AccountErrorCode.WEAK_PASSWORD


class InvalidTimeZone(ValidationFailed):
    default_code = AccountErrorCode.INVALID_TIME_ZONE
    default_message = "Not a known IANA time zone (e.g. Asia/Manila)."


class PasswordTooLong(ValidationFailed):
    default_code = AccountErrorCode.PASSWORD_TOO_LONG
    default_message = "The password must be at most 1024 bytes."
