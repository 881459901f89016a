"""Why a message could not be sent or read (codes in ``marketplace.errors``)."""

from graphql_api.errors import NotFound, ValidationFailed
from graphql_api.marketplace.errors import MarketplaceErrorCode


class ThreadNotFound(NotFound):
    default_code = MarketplaceErrorCode.THREAD_NOT_FOUND
    default_message = "Message thread not found."


class InvalidMessage(ValidationFailed):
    default_code = MarketplaceErrorCode.INVALID_MESSAGE
