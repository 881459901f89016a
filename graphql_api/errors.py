"""The errors a domain service raises when a request cannot be carried out.

    DomainError                 expected failure; has a ``code``, an optional input ``field``
    ├── NotAuthenticated        no (valid) viewer                                   401
    ├── PermissionDenied        the viewer may see it but not do this               403
    ├── NotFound                absent, or not the viewer's: the two look alike    404
    ├── ValidationFailed        input breaks a rule the schema cannot express       422
    ├── Conflict                the state of the data forbids it                    409
    ├── RateLimited             too many attempts (``retry_after`` seconds)        429
    ├── PayloadTooLarge         the request body is over the route's cap           413
    └── ServiceUnavailable      the database is unreachable (``retry_after``)      503

Each domain subclasses these in its own ``errors.py`` and names its codes in its own
``StrEnum``; the GraphQL ``ErrorCode`` enum (``graphql_api/mutation.py``) is the union of
``CommonErrorCode`` and every domain's codes, so clients switch on one enum. The mutation boundary
turns them into ``userErrors``; the REST shim renders them as 4xx JSON through one handler.
Anything that is not a ``DomainError`` is a bug and is masked as "Unexpected error.".
"""

import enum
from collections.abc import Sequence


class CommonErrorCode(enum.StrEnum):
    NOT_AUTHENTICATED = "NOT_AUTHENTICATED"
    PERMISSION_DENIED = "PERMISSION_DENIED"
    NOT_FOUND = "NOT_FOUND"
    INVALID = "INVALID"
    INVALID_ID = "INVALID_ID"
    RATE_LIMITED = "RATE_LIMITED"
    CONFLICT = "CONFLICT"
    ACCOUNT_SUSPENDED = "ACCOUNT_SUSPENDED"
    PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE"
    SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"


class DomainError(Exception):
    http_status: int = 400
    default_code: enum.StrEnum = CommonErrorCode.INVALID
    default_message: str = "The request could not be carried out."

    def __init__(
        self,
        message: str | None = None,
        *,
        code: enum.StrEnum | None = None,
        field: Sequence[str] | str | None = None,
    ) -> None:
        self.message = message or self.default_message
        self.code = code or self.default_code
        self.field: list[str] | None = (
            [field] if isinstance(field, str) else (list(field) if field else None)
        )
        super().__init__(self.message)


class NotAuthenticated(DomainError):
    http_status = 401
    default_code = CommonErrorCode.NOT_AUTHENTICATED
    default_message = "You must be logged in."


class PermissionDenied(DomainError):
    http_status = 403
    default_code = CommonErrorCode.PERMISSION_DENIED
    default_message = "You are not allowed to do this."


class NotFound(DomainError):
    http_status = 404
    default_code = CommonErrorCode.NOT_FOUND
    default_message = "Not found."


class ValidationFailed(DomainError):
    http_status = 422
    default_code = CommonErrorCode.INVALID
    default_message = "Invalid input."


class Conflict(DomainError):
    http_status = 409
    default_code = CommonErrorCode.CONFLICT
    default_message = "Conflicts with the current state."


class RateLimited(DomainError):
    http_status = 429
    default_code = CommonErrorCode.RATE_LIMITED
    default_message = "Too many attempts; try again later."

    def __init__(
        self,
        message: str | None = None,
        *,
        retry_after: int | None = None,
        code: enum.StrEnum | None = None,
        field: Sequence[str] | str | None = None,
    ) -> None:
        super().__init__(message, code=code, field=field)
        self.retry_after = retry_after


class PayloadTooLarge(DomainError):
    http_status = 413
    default_code = CommonErrorCode.PAYLOAD_TOO_LARGE
    default_message = "The request body is too large."


class ServiceUnavailable(DomainError):
    """The database cannot be reached: nothing was done; the client should retry."""

    http_status = 503
    default_code = CommonErrorCode.SERVICE_UNAVAILABLE
    default_message = "The service is temporarily unavailable; try again shortly."
    retry_after = 5


def retry_after_of(error: DomainError) -> int | None:
    return getattr(error, "retry_after", None)


class InvalidId(ValidationFailed):
    default_code = CommonErrorCode.INVALID_ID
    default_message = "Not a valid ID."
