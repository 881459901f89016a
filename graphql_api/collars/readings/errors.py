"""Errors of the Petty collar ingest, rendered by its routes as ``{"error", "request_id"}``."""

from collections.abc import Sequence
from dataclasses import dataclass

from graphql_api.collars.errors import CollarErrorCode
from graphql_api.errors import NotAuthenticated, ValidationFailed


@dataclass(frozen=True, slots=True)
class Rejection:
    """Reading number ``index`` of a request (0 for a single reading) and why it was refused."""

    index: int
    reason: str


class CollarKeyInvalid(NotAuthenticated):
    """No key, or one that is not a collar's: Petty collars expect 401 (WIRE.md section 3)."""

    default_code = CollarErrorCode.COLLAR_KEY_INVALID
    default_message = "Missing or invalid device key."


class ReadingInvalid(ValidationFailed):
    http_status = 400
    default_code = CollarErrorCode.READING_INVALID
    default_message = "Invalid reading."


class ReadingsRejected(ValidationFailed):
    """Not one reading of the request could be stored; ``rejected`` says why, per reading."""

    http_status = 400
    default_code = CollarErrorCode.READINGS_REJECTED
    default_message = "No reading was valid."

    def __init__(self, message: str, rejected: Sequence[Rejection], *, batch: bool) -> None:
        super().__init__(message)
        self.rejected = list(rejected)
        self.batch = batch
