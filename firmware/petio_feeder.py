"""The PETio feeder's side of the REST shim (WIRE.md section 1), as the ESP8266 unit speaks it.

``FeederClient`` holds one unit's identity and sends its requests with exactly the unit's
headers: ``Content-Type``, ``User-Agent: ESP8266-PetFeeder/1.0``, ``Device-ID``, ``X-API-Key``
and, once paired, ``X-Device-Key``. It has one method per route the unit calls; each builds the
body the unit sends and returns the transport's ``Response`` (the unit treats any 2xx as
success and does not read POST bodies, so callers look at ``response.ok``).

Runs on MicroPython: ``json``, ``time`` and ``sys`` only, HTTP through a transport.
"""

import json
import sys
import time

if sys.implementation.name == "micropython":
    from firmware.http_micropython import URequestsTransport as _DefaultTransport
else:
    from firmware.http_cpython import HttpClientTransport as _DefaultTransport

USER_AGENT = "ESP8266-PetFeeder/1.0"
STATUS_PATH = "/api/device/status/"
# The unit gives up on a request after a few seconds rather than stall its feeding loop.
DEFAULT_TIMEOUT_S = 5


def default_transport():
    return _DefaultTransport()


def utc_timestamp(seconds):
    """``YYYY-MM-DDTHH:MM:SSZ``, the one timestamp format the unit sends (1970 before NTP)."""
    year, month, day, hour, minute, second = time.gmtime(int(seconds))[:6]
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}Z"


class FeederStatus:
    """What a unit reports in its heartbeat.

    ``last_feed`` is the epoch second of the last dispense, None until the unit has fed once
    (the unit leaves the field out until then). ``hopper_mm`` is the ToF distance to the food,
    ``hopper_pct`` the fill level derived from it; both are meaningless when ``tof_ok`` is false.
    """

    def __init__(
        self,
        wifi_rssi,
        uptime,
        daily_feeds,
        hopper_mm,
        hopper_pct,
        tof_ok=True,
        last_feed=None,
        error_message="",
    ):
        self.wifi_rssi = wifi_rssi
        self.uptime = uptime
        self.daily_feeds = daily_feeds
        self.hopper_mm = hopper_mm
        self.hopper_pct = hopper_pct
        self.tof_ok = tof_ok
        self.last_feed = last_feed
        self.error_message = error_message

    def to_body(self, device_id, timestamp):
        body = {
            "device_id": device_id,
            "timestamp": timestamp,
            "heartbeat": True,
            "wifi_rssi": self.wifi_rssi,
            "uptime": self.uptime,
            "daily_feeds": self.daily_feeds,
            "hopper_mm": self.hopper_mm,
            "hopper_pct": self.hopper_pct,
            "tof_ok": self.tof_ok,
            "error_message": self.error_message,
        }
        if self.last_feed is not None:
            body["last_feed"] = utc_timestamp(self.last_feed)
        return body


class FeederClient:
    """One feeder unit talking to a pawgraph server.

    ``api_key`` goes in ``X-API-Key`` (the fleet constant on a paired unit, or the per-device key
    pawgraph issued); ``device_key`` is the 48-character key a paired unit stores and sends as
    ``X-Device-Key``. ``clock`` returns the unit's idea of epoch seconds, which may be 1970.
    """

    def __init__(
        self,
        base_url,
        device_id,
        api_key,
        device_key=None,
        transport=None,
        clock=None,
        timeout=DEFAULT_TIMEOUT_S,
    ):
        self.base_url = base_url.rstrip("/")
        self.device_id = device_id
        self.api_key = api_key
        self.device_key = device_key
        self.transport = transport or default_transport()
        self.clock = clock or time.time
        self.timeout = timeout

    def headers(self):
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "Device-ID": self.device_id,
            "X-API-Key": self.api_key,
        }
        if self.device_key:
            headers["X-Device-Key"] = self.device_key
        return headers

    def heartbeat(self, status):
        """``POST /api/device/status/``, every 60 s on the unit."""
        body = status.to_body(self.device_id, utc_timestamp(self.clock()))
        return self._post(STATUS_PATH, body)

    def _post(self, path, body):
        payload = json.dumps(body).encode()
        url = self.base_url + path
        return self.transport.request("POST", url, self.headers(), payload, self.timeout)
