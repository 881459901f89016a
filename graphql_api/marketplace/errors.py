"""What can go wrong in the marketplace; the codes clients switch on."""

import enum

from graphql_api.errors import Conflict, NotFound, PermissionDenied, ValidationFailed


class MarketplaceErrorCode(enum.StrEnum):
    CATEGORY_NOT_FOUND = "CATEGORY_NOT_FOUND"
    CATEGORY_EXISTS = "CATEGORY_EXISTS"
    CATEGORY_IN_USE = "CATEGORY_IN_USE"
    LISTING_NOT_FOUND = "LISTING_NOT_FOUND"
    INVALID_LISTING = "INVALID_LISTING"
    INVALID_PRICE = "INVALID_PRICE"
    INVALID_CURRENCY = "INVALID_CURRENCY"
    INVALID_PHOTO_URL = "INVALID_PHOTO_URL"
    LISTING_NOT_EDITABLE = "LISTING_NOT_EDITABLE"
    LISTING_NOT_AVAILABLE = "LISTING_NOT_AVAILABLE"
    OWN_LISTING = "OWN_LISTING"
    PURCHASE_REQUEST_NOT_FOUND = "PURCHASE_REQUEST_NOT_FOUND"
    ILLEGAL_REQUEST_MOVE = "ILLEGAL_REQUEST_MOVE"
    NOT_YOUR_MOVE = "NOT_YOUR_MOVE"
    INVALID_OFFER = "INVALID_OFFER"
    INVALID_MEETUP = "INVALID_MEETUP"
    THREAD_NOT_FOUND = "THREAD_NOT_FOUND"
    INVALID_MESSAGE = "INVALID_MESSAGE"
    BUYER_NOT_FOUND = "BUYER_NOT_FOUND"


class CategoryNotFound(NotFound):
    default_code = MarketplaceErrorCode.CATEGORY_NOT_FOUND
    default_message = "Category not found."


class CategoryExists(Conflict):
    default_code = MarketplaceErrorCode.CATEGORY_EXISTS
    default_message = "A category with this name already exists here."


class CategoryInUse(Conflict):
    default_code = MarketplaceErrorCode.CATEGORY_IN_USE


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


class ThreadNotFound(NotFound):
    default_code = MarketplaceErrorCode.THREAD_NOT_FOUND
    default_message = "Message thread not found."


class InvalidMessage(ValidationFailed):
    default_code = MarketplaceErrorCode.INVALID_MESSAGE


class BuyerNotFound(NotFound):
    default_code = MarketplaceErrorCode.BUYER_NOT_FOUND
    default_message = "Buyer not found."
