"""A stand-in for micropython-lib's ``requests`` (first on ``sys.path``, ahead of the Unix
port's frozen one) that records each call instead of sending it,
so the firmware's MicroPython transport can run under the MicroPython Unix port offline."""

calls = []
closed = []


class _Reply:
    status_code = 200
    content = b'{"status": "ok", "message": "heartbeat received", "success": true}'

    def close(self):
        closed.append(True)


def request(method, url, data=None, json=None, headers=None, stream=None, auth=None, timeout=None):
    calls.append(
        {
            "method": method,
            "url": url,
            "data": data.decode(),
            "headers": headers,
            "timeout": timeout,
        }
    )
    return _Reply()
