"""The transport on MicroPython, over micropython-lib's ``requests``.

The Unix port and current firmware builds ship it as ``requests``; older ESP8266 builds only
as ``urequests``, the same module under its old name.
"""

try:
    import requests as urequests
except ImportError:
    import urequests

from firmware.transport import Response, TransportError


class URequestsTransport:
    def request(self, method, url, headers, body=None, timeout=5.0):
        try:
            reply = urequests.request(method, url, data=body, headers=headers, timeout=timeout)
        except OSError as error:
            raise TransportError(f"{method} {url}: {error}") from error
        try:
            return Response(reply.status_code, reply.content)
        finally:
            # Sockets are scarce on an ESP8266: release this one before the next request.
            reply.close()
