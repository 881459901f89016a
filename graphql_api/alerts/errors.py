import enum

from graphql_api.errors import Conflict, NotFound


class AlertErrorCode(enum.StrEnum):
    ALERT_NOT_FOUND = "ALERT_NOT_FOUND"
    ALERT_TRANSITION_NOT_ALLOWED = "ALERT_TRANSITION_NOT_ALLOWED"


class AlertNotFound(NotFound):
    default_code = AlertErrorCode.ALERT_NOT_FOUND
    default_message = "Alert not found."


class AlertTransitionNotAllowed(Conflict):
    """The alert's current status does not allow the requested move; the message names it."""

    default_code = AlertErrorCode.ALERT_TRANSITION_NOT_ALLOWED
    default_message = "The alert cannot make this move from its current status."
