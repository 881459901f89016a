"""The transport on MicroPython, over ``urequests`` (micropython-lib ``requests``)."""

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
