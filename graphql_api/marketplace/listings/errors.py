"""Why a listing operation failed (codes in ``marketplace.errors``)."""

from graphql_api.errors import Conflict, NotFound, ValidationFailed
from graphql_api.marketplace.errors import MarketplaceErrorCode


class ListingNotFound(NotFound):
    default_code = MarketplaceErrorCode.LISTING_NOT_FOUND
    default_message = "Listing not found."


class InvalidListing(ValidationFailed):
    default_code = MarketplaceErrorCode.INVALID_LISTING


class InvalidPrice(ValidationFailed):
    default_code = MarketplaceErrorCode.INVALID_PRICE


class InvalidCurrency(ValidationFailed):
    default_code = MarketplaceErrorCode.INVALID_CURRENCY
    default_message = "Not an ISO 4217 currency code (e.g. USD, EUR, PHP)."


class InvalidPhotoUrl(ValidationFailed):
    default_code = MarketplaceErrorCode.INVALID_PHOTO_URL


class ListingNotEditable(Conflict):
    default_code = MarketplaceErrorCode.LISTING_NOT_EDITABLE


class ListingNotAvailable(Conflict):
    default_code = MarketplaceErrorCode.LISTING_NOT_AVAILABLE


class OwnListing(Conflict):
    default_code = MarketplaceErrorCode.OWN_LISTING
    default_message = "You cannot buy or message about your own listing."
