"""The PETio feeder's side of the REST shim (WIRE.md section 1), as the ESP8266 unit speaks it.

``FeederClient`` holds one unit's identity and sends its requests with exactly the unit's
headers: ``Content-Type``, ``User-Agent: ESP8266-PetFeeder/1.0``, ``Device-ID``, ``X-API-Key``
and, once paired, ``X-Device-Key``. It has one method per route the unit calls; each builds the
body the unit sends and returns the transport's ``Response`` (the unit treats any 2xx as
success and does not read POST bodies, so callers look at ``response.ok``). What the unit does
with those routes tick by tick is ``firmware.feeder_unit``.

Runs on MicroPython: ``json``, ``time`` and ``sys`` only, HTTP through a transport.
"""

import json
import sys
import time

from firmware.transport import TransportError

if sys.implementation.name == "micropython":
    from firmware.http_micropython import URequestsTransport as _DefaultTransport
else:
    from firmware.http_cpython import HttpClientTransport as _DefaultTransport

USER_AGENT = "ESP8266-PetFeeder/1.0"
STATUS_PATH = "/api/device/status/"
CONFIG_PATH = "/api/device/config/"
COMMAND_PATH = "/api/device/command/"
COMMAND_FALLBACK_PATH = "/api/device/feed-command/"
ACK_PATH = "/api/device/command/ack/"
ACK_FALLBACK_PATH = "/api/device/acknowledge/"
LOGS_PATH = "/api/device/logs/"
CHECK_SCHEDULE_PATH = "/api/check-schedule/"
UNPAIR_PATH = "/api/device/unpair/"
# ``source`` of a feeding log: the FEED button, a schedule, or the app's feed-now.
SOURCE_MANUAL = "manual"
SOURCE_SCHEDULED = "scheduled"
SOURCE_REMOTE = "remote_command"
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

    def config(self):
        """``GET /api/device/config/?device_id=…`` at boot; a 403 means: erase the key, re-pair."""
        return self._get(CONFIG_PATH)

    def poll_command(self):
        """``GET /api/device/command/?device_id=…``, every 10 s; fetching marks a command SENT.

        Like the unit, any failure of the first path (no answer, or not 2xx, a 404 from an
        older server included) is followed by one try of ``/api/device/feed-command/``.
        """
        return self._with_fallback(self._get, COMMAND_PATH, COMMAND_FALLBACK_PATH)

    def acknowledge(self, command_id, result="ok", error_message=None):
        """``POST /api/device/command/ack/`` (fallback ``/api/device/acknowledge/``) after
        running or refusing a command; ``result`` is ok, failed, busy, boot_mute or cooldown."""
        body = {"command_id": command_id, "device_id": self.device_id, "result": result}
        if error_message:
            body["error_message"] = error_message
        return self._with_fallback(lambda path: self._post(path, body), ACK_PATH, ACK_FALLBACK_PATH)

    def post_log(self, grams, source, notes=None, at=None):
        """``POST /api/device/logs/`` after a dispense: grams as the whole number the unit sends,
        stamped ``at`` (epoch seconds; default now)."""
        body = {
            "device_id": self.device_id,
            "timestamp": utc_timestamp(self.clock() if at is None else at),
            "portion_dispensed": int(grams),
            "source": source,
        }
        if notes:
            body["notes"] = notes
        return self._post(LOGS_PATH, body)

    def post_logs(self, entries):
        """A batch ``{"logs": [...]}`` of (epoch seconds, grams, source[, notes]) kept while
        offline."""
        logs = []
        for entry in entries:
            log = {
                "timestamp": utc_timestamp(entry[0]),
                "portion_dispensed": int(entry[1]),
                "source": entry[2],
            }
            if len(entry) > 3 and entry[3]:
                log["notes"] = entry[3]
            logs.append(log)
        return self._post(LOGS_PATH, {"device_id": self.device_id, "logs": logs})

    def unpair(self):
        """``POST /api/device/unpair/`` when the FEED button is held 5 s."""
        return self._post(UNPAIR_PATH, {"device_id": self.device_id})

    def check_schedule(self):
        """``GET /api/check-schedule/?device_id=…``, every 45 s: the server decides what fires."""
        return self._get(CHECK_SCHEDULE_PATH)

    def _with_fallback(self, send, path, fallback_path):
        try:
            response = send(path)
        except TransportError:
            response = None
        if response is not None and response.ok:
            return response
        return send(fallback_path)

    def _get(self, path):
        url = self.base_url + path + "?device_id=" + self.device_id
        return self.transport.request("GET", url, self.headers(), None, self.timeout)

    def _post(self, path, body):
        payload = json.dumps(body).encode()
        url = self.base_url + path
        return self.transport.request("POST", url, self.headers(), payload, self.timeout)


class FeederCommand:
    """A pending command as the unit reads it from the command poll."""

    def __init__(self, command_id, name, grams):
        self.command_id = command_id
        self.name = name
        self.grams = grams

    def __repr__(self):
        return f"FeederCommand({self.command_id}, {self.name!r}, {self.grams})"


def parse_command(response):
    """The pending command in a poll's answer, or None (no command, not 2xx, unreadable).

    Read as ArduinoJson does: a missing ``command_id`` is 0 and ``portion_size`` 0.0.
    """
    if response is None or not response.ok:
        return None
    body = response.json()
    if not isinstance(body, dict) or body.get("has_command") is not True:
        return None
    try:
        command_id = int(body.get("command_id") or 0)
        grams = float(body.get("portion_size") or 0.0)
    except (TypeError, ValueError):
        return None
    return FeederCommand(command_id, str(body.get("command") or ""), grams)
