"""The tiny HTTP interface device code talks through, so one client runs on both interpreters.

A transport has one method::

    request(method, url, headers, body=None, timeout=5) -> Response

and raises ``TransportError`` when no HTTP response came back at all (refused connection,
timeout, reset, garbage). Any HTTP status, 4xx and 5xx included, is a ``Response``: the
caller decides what a status means. ``http_cpython`` implements it with ``http.client``,
``http_micropython`` with micropython-lib ``requests``; ``default_transport`` in
``petio_feeder`` picks one.
"""

import json


class TransportError(Exception):
    """The request got no HTTP response."""


class Response:
    def __init__(self, status, body=b""):
        self.status = status
        self.body = body

    @property
    def ok(self):
        return 200 <= self.status < 300

    def json(self):
        """The body as JSON, or None when it is empty or not JSON."""
        if not self.body:
            return None
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def __repr__(self):
        return f"Response({self.status}, {self.body[:80]!r})"
