"""The transport on CPython, over ``http.client``: one connection per request, closed after it,
as the ESP8266's HTTP client does (no keep-alive, no redirects followed)."""

import http.client
from urllib.parse import urlsplit

from firmware.transport import Response, TransportError


def _connection(url, timeout):
    parts = urlsplit(url)
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(parts.hostname, parts.port, timeout=timeout)
    elif parts.scheme == "http":
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    else:
        raise TransportError(f"unsupported URL scheme: {parts.scheme!r}")
    target = parts.path or "/"
    if parts.query:
        target = target + "?" + parts.query
    return connection, target


class HttpClientTransport:
    def request(self, method, url, headers, body=None, timeout=5.0):
        connection, target = _connection(url, timeout)
        try:
            connection.request(method, target, body=body, headers=dict(headers, Connection="close"))
            reply = connection.getresponse()
            return Response(reply.status, reply.read())
        except (OSError, http.client.HTTPException) as error:
            reason = error or type(error).__name__
            raise TransportError(f"{method} {url}: {reason}") from error
        finally:
            connection.close()
