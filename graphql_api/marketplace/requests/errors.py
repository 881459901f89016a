"""Why a purchase-request move failed (codes in ``marketplace.errors``)."""

from graphql_api.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from graphql_api.marketplace.errors import MarketplaceErrorCode


class PurchaseRequestNotFound(NotFound):
    default_code = MarketplaceErrorCode.PURCHASE_REQUEST_NOT_FOUND
    default_message = "Purchase request not found."


class IllegalRequestMove(Conflict):
    """The move does not exist from the request's current state (the message names it)."""

    default_code = MarketplaceErrorCode.ILLEGAL_REQUEST_MOVE


class NotYourMove(PermissionDenied):
    """The move exists from this state, but the other party makes it."""

    default_code = MarketplaceErrorCode.NOT_YOUR_MOVE


class InvalidOffer(ValidationFailed):
    default_code = MarketplaceErrorCode.INVALID_OFFER


class InvalidMeetup(ValidationFailed):
    default_code = MarketplaceErrorCode.INVALID_MEETUP


class BuyerNotFound(NotFound):
    default_code = MarketplaceErrorCode.BUYER_NOT_FOUND
    default_message = "Buyer not found."
