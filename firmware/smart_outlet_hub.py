"""The Smart-Outlet hub (ESP32 "CCU") and its outlets, as they speak WIRE.md section 2.

The hub's one setting is a base URL (pawgraph's carries the hub's key in its path); it strips
one trailing ``/`` and appends ``/api/...``. It sends no auth header, compact hand-built JSON,
times out after 5 s and never retries. GET bodies are read only on exactly 200, and read the way
its firmware reads them: by text search, not a JSON parser. ``/api/commands/`` in particular
must use ``json.dumps``' default separators (``"command": "relay_on"``); a compact body is found
as a command object but read as an empty command and ignored, as on the real hub.

Every cycle (2 s), in order: ``GET devices/``, ``POST breaker-data/``, ``GET focus/``, then for
the focused outlet ``POST data/`` and ``GET commands/<id>/`` (commands applied after the data
was posted, so the next cycle's reading shows them); every 30 s one other outlet, round-robin.

The cycle itself is ``firmware.hub_unit``; the radio side (outlets, frames) ``firmware.outlet_rf``.
Runs on MicroPython: HTTP through a transport.
"""

from firmware.outlet_rf import OVERLOAD_MARK, TRIP_MA, SimulatedOutlet, short_id
from firmware.petio_feeder import default_transport

__all__ = ["OVERLOAD_MARK", "TRIP_MA", "HubClient", "SimulatedOutlet", "short_id"]

CYCLE_S = 2.0
BACKGROUND_S = 30.0
TIMEOUT_S = 5
MAX_OUTLETS = 8
JSON_HEADERS = {"Content-Type": "application/json"}


def arduino_int(text):
    """``String::toInt``: an optional sign and the leading digits, else 0."""
    text = text.strip()
    sign = 1
    if text[:1] in ("-", "+"):
        sign = -1 if text[0] == "-" else 1
        text = text[1:]
    digits = ""
    for character in text:
        if not "0" <= character <= "9":
            break
        digits += character
    return sign * int(digits) if digits else 0


def parse_devices(body):
    """``{"success": true, "devices": ["FE", "03"]}`` -> ["FE", "03"] (spaces stripped first)."""
    text = body.replace(" ", "")
    if '"success":true' not in text:
        return []
    start, end = text.find("["), text.find("]")
    if start < 0 or end <= start:
        return []
    ids, rest = [], text[start + 1 : end]
    while rest:
        opening = rest.find('"')
        closing = rest.find('"', opening + 1) if opening >= 0 else -1
        if closing < 0:
            break
        ids.append(short_id(rest[opening + 1 : closing]))
        rest = rest[closing + 1 :]
    return ids


def parse_focus(body):
    """``{"success": true, "device_id": "03"}`` -> "03"; a null or missing id -> None."""
    text = body.replace(" ", "")
    marker = '"device_id":"'
    start = text.find(marker)
    if start < 0:
        return None
    start += len(marker)
    end = text.find('"', start)
    return text[start:end] if end > start else None


def parse_commands(body):
    """Every ``{"command": ...}`` object of a commands answer as (command, socket, value), read
    by the hub's text search: ``"command": "``, ``"socket": "`` and ``"value":`` within each
    object up to its first ``}``. A field not found in that exact spelling reads as empty (0
    for the value), so a compact body yields ("", "", 0) entries the hub ignores."""
    if '"success": true' not in body and '"success":true' not in body:
        return []
    commands, index = [], 0
    while True:
        index = body.find('{"command":', index)
        if index < 0:
            break
        end = body.find("}", index)
        if end < 0:
            break
        item = body[index:end]
        commands.append((_quoted(item, '"command": "'), _quoted(item, '"socket": "'), _value(item)))
        index = end + 1
    return commands


def _quoted(item, marker):
    start = item.find(marker)
    if start < 0:
        return ""
    start += len(marker)
    end = item.find('"', start)
    return item[start:end] if end >= 0 else ""


def _value(item):
    start = item.find('"value":')
    if start < 0:
        return 0
    start += len('"value":')
    end = item.find(",", start)
    text = (item[start:] if end < 0 else item[start:end]).strip()
    return 0 if text == "null" else arduino_int(text)


def reading_body(outlet_id, current_a, current_b, relay_a, relay_b):
    """The ``POST /api/data/`` body, byte for byte as the hub builds it."""
    overload = OVERLOAD_MARK in (current_a, current_b)
    return (
        f'{{"device_id":"{outlet_id}","current_a":{int(current_a)},'
        f'"current_b":{int(current_b)},"relay_a":{_bool(relay_a)},"relay_b":{_bool(relay_b)},'
        f'"is_overload":{_bool(overload)}}}'
    )


def _bool(value):
    return "true" if value else "false"


class HubClient:
    """The hub's HTTP calls, against the base URL typed into its setup portal."""

    def __init__(self, base_url, transport=None, timeout=TIMEOUT_S):
        if base_url.endswith("/"):
            base_url = base_url[:-1]
        self.api_url = base_url + "/api"
        self.transport = transport or default_transport()
        self.timeout = timeout

    def devices(self):
        return self._get("/devices/")

    def breaker(self, ccu_id, current_ma):
        body = f'{{"ccu_id":"{ccu_id}","current_ma":{int(current_ma)}}}'
        return self._post("/breaker-data/", body)

    def focus(self):
        return self._get("/focus/")

    def data(self, body):
        return self._post("/data/", body)

    def commands(self, outlet_id):
        return self._get("/commands/" + outlet_id + "/")

    def _get(self, path):
        return self.transport.request("GET", self.api_url + path, {}, None, self.timeout)

    def _post(self, path, body):
        url = self.api_url + path
        return self.transport.request("POST", url, JSON_HEADERS, body.encode(), self.timeout)
