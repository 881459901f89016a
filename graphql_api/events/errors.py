"""Why a live-event stream cannot start or must end; subscribers switch on ``extensions.code``.

* ``SERVICE_UNAVAILABLE``: the bus (Redis) is unreachable, so a new subscription cannot start.
  Retry with a backoff.
* ``RESYNC``: the process's bus connection was interrupted while the subscription ran, so events
  may have been missed. Refetch what the screen shows, then subscribe again.
* ``SUBSCRIBER_LAGGING``: the subscriber read too slowly and its queue filled; over a websocket
  the connection is also closed with :data:`LAGGING_CLOSE_CODE`.
"""

import enum

from graphql_api.errors import DomainError

# A websocket close code of the application range (4000-4999), as graphql-ws uses 44xx for its
# own: "the backlog grew too large" (HTTP 413's spirit).
LAGGING_CLOSE_CODE = 4413


class EventsErrorCode(enum.StrEnum):
    SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
    RESYNC = "RESYNC"
    SUBSCRIBER_LAGGING = "SUBSCRIBER_LAGGING"


class EventsUnavailable(DomainError):
    http_status = 503
    default_code = EventsErrorCode.SERVICE_UNAVAILABLE
    default_message = "Live updates are unavailable right now; try again in a few seconds."


class EventsMissed(DomainError):
    http_status = 503
    default_code = EventsErrorCode.RESYNC
    default_message = (
        "The live update stream was interrupted and events may have been missed: refetch, "
        "then subscribe again."
    )


class SubscriberLagging(DomainError):
    http_status = 503
    default_code = EventsErrorCode.SUBSCRIBER_LAGGING
    default_message = "Live updates arrived faster than this client read them; it was dropped."
