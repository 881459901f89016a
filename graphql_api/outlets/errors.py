import enum

from graphql_api.errors import NotFound, ValidationFailed


class OutletErrorCode(enum.StrEnum):
    OUTLET_NOT_FOUND = "OUTLET_NOT_FOUND"
    HUB_NOT_FOUND = "HUB_NOT_FOUND"
    INVALID_OUTLET_ID = "INVALID_OUTLET_ID"


class OutletNotFound(NotFound):
    """Not an outlet, not the viewer's, or (for a hub's request) not on that hub."""

    default_code = OutletErrorCode.OUTLET_NOT_FOUND
    default_message = "Outlet not found."


class HubNotFound(NotFound):
    """Not a hub or not the viewer's; for a hub's request, an unknown hub key."""

    default_code = OutletErrorCode.HUB_NOT_FOUND
    default_message = "Hub not found."


class InvalidOutletId(ValidationFailed):
    default_code = OutletErrorCode.INVALID_OUTLET_ID
    default_message = "An outlet or hub id is 1 or 2 hex digits."
