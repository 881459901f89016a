import enum

from graphql_api.errors import NotFound, ValidationFailed


class NotificationErrorCode(enum.StrEnum):
    NOTIFICATION_NOT_FOUND = "NOTIFICATION_NOT_FOUND"
    NOTIFICATION_SELECTION_INVALID = "NOTIFICATION_SELECTION_INVALID"
    NOTIFICATION_PREFERENCES_INVALID = "NOTIFICATION_PREFERENCES_INVALID"
    NOTIFICATION_DIGEST_NOT_ALLOWED = "NOTIFICATION_DIGEST_NOT_ALLOWED"


class NotificationNotFound(NotFound):
    default_code = NotificationErrorCode.NOTIFICATION_NOT_FOUND
    default_message = "Notification not found."


class NotificationSelectionInvalid(ValidationFailed):
    """markNotificationsRead needs some ids or ``all``, not both and not neither."""

    default_code = NotificationErrorCode.NOTIFICATION_SELECTION_INVALID
    default_message = "Pass `ids` or `all: true`."


class NotificationPreferencesInvalid(ValidationFailed):
    """setNotificationPreferences needs 1 to one-per-kind preferences, each kind once."""

    default_code = NotificationErrorCode.NOTIFICATION_PREFERENCES_INVALID
    default_message = "Pass each kind at most once."


class NotificationDigestNotAllowed(ValidationFailed):
    """Only social kinds may wait for a digest: alerts and the rest are sent at once."""

    default_code = NotificationErrorCode.NOTIFICATION_DIGEST_NOT_ALLOWED
    default_message = "Only social notifications (follows, reactions, comments) can be digested."
