import enum

from graphql_api.errors import NotFound, ValidationFailed


class NotificationErrorCode(enum.StrEnum):
    NOTIFICATION_NOT_FOUND = "NOTIFICATION_NOT_FOUND"
    NOTIFICATION_SELECTION_INVALID = "NOTIFICATION_SELECTION_INVALID"


class NotificationNotFound(NotFound):
    default_code = NotificationErrorCode.NOTIFICATION_NOT_FOUND
    default_message = "Notification not found."


class NotificationSelectionInvalid(ValidationFailed):
    """markNotificationsRead needs some ids or ``all``, not both and not neither."""

    default_code = NotificationErrorCode.NOTIFICATION_SELECTION_INVALID
    default_message = "Pass `ids` or `all: true`."
