"""The reference schedule provider (``pawgraph provider-demo --port N``): a real HTTP server
answering ``GET /tomorrow`` the way a day-ahead optimiser would, for demos and tests.

Its schedules follow a time-of-use tariff: charge overnight on cheap power, top up on midday
solar, discharge over the evening peak, idle otherwise, at rates inside the battery's rating
(``max_charge_kw``, ``max_discharge_kw``, ``capacity_kwh`` query parameters).

Faults, for tests: ``GET /faults/<fault>/tomorrow`` (or ``--fault`` for every request) serves
one of the bodies a provider gets wrong, or ``drain`` (a valid schedule that discharges all
day, to empty a battery)."""

import datetime as dt
import json
import threading
import time
import zoneinfo
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

FAULTS = (
    "slots-47",
    "gap",
    "over-rating",
    "idle-with-rate",
    "wrong-date",
    "not-json",
    "http-500",
    "timeout",
    "flaky",
    "drain",
)
TIMEOUT_DELAY_S = 30.0
# "flaky" answers 503 this many times per device before it serves a schedule.
FLAKY_FAILURES = 2


def _start(slot: int) -> str:
    return f"{slot // 2:02d}:{30 * (slot % 2):02d}"


def tariff_schedule(
    date: dt.date, max_charge_kw: float, max_discharge_kw: float, capacity_kwh: float
) -> list[dict[str, Any]]:
    """48 slots: charge 00:00-05:30, top up 11:00-13:30, discharge 17:00-20:30, idle otherwise.

    The night charge fills about 60 % of the capacity, the midday top-up 30 %; the evening
    discharge spends 90 %: a full cycle a day, never beyond the rating."""
    night_kw = round(min(max_charge_kw, capacity_kwh * 0.6 / 6), 2)
    solar_kw = round(min(max_charge_kw, capacity_kwh * 0.3 / 3), 2)
    peak_kw = round(min(max_discharge_kw, capacity_kwh * 0.9 / 4), 2)
    intervals = []
    for slot in range(48):
        if slot < 12:
            mode, rate = "charge", night_kw
        elif 22 <= slot < 28:
            mode, rate = "charge", solar_kw
        elif 34 <= slot < 42:
            mode, rate = "discharge", peak_kw
        else:
            mode, rate = "idle", 0
        intervals.append({"start": _start(slot), "mode": mode, "rate_kw": rate})
    return intervals


def _drain(max_discharge_kw: float) -> list[dict[str, Any]]:
    return [
        {"start": _start(slot), "mode": "discharge", "rate_kw": max_discharge_kw}
        for slot in range(48)
    ]


def _faulty(fault: str, body: dict[str, Any], max_charge_kw: float) -> dict[str, Any]:
    intervals = body["intervals"]
    if fault == "slots-47":
        body["intervals"] = intervals[:47]
    elif fault == "gap":
        del intervals[20]  # 10:00 missing: 09:30 is followed by 10:30
    elif fault == "over-rating":
        intervals[3] = {**intervals[3], "mode": "charge", "rate_kw": max_charge_kw + 1.5}
    elif fault == "idle-with-rate":
        intervals[30] = {**intervals[30], "mode": "idle", "rate_kw": 1.0}
    elif fault == "wrong-date":
        body["date"] = (dt.date.fromisoformat(body["date"]) - dt.timedelta(days=1)).isoformat()
    return body


class _Handler(BaseHTTPRequestHandler):
    server: "ProviderServer"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        if self.server.verbose:
            super().log_message(format, *args)

    def _send(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        parts = urlsplit(self.path)
        segments = [segment for segment in parts.path.split("/") if segment]
        fault = self.server.fault
        if len(segments) == 3 and segments[0] == "faults":
            fault, segments = segments[1], segments[2:]
        if segments != ["tomorrow"] or (fault is not None and fault not in FAULTS):
            self._send(404, b'{"error": "not found"}')
            return
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        self._answer(fault, query)

    def _answer(self, fault: str | None, query: dict[str, str]) -> None:
        device = query.get("device", "")
        if fault == "timeout":
            time.sleep(self.server.timeout_delay)
        if fault == "http-500":
            self._send(500, b'{"error": "optimiser crashed"}')
            return
        if fault == "flaky" and self.server.count(device) <= FLAKY_FAILURES:
            self._send(503, b'{"error": "optimiser busy, try again"}')
            return
        if fault == "not-json":
            self._send(200, b"<html><body>502 Bad Gateway</body></html>", "text/html")
            return
        try:
            zone = zoneinfo.ZoneInfo(query.get("timezone", "UTC"))
            max_charge = float(query.get("max_charge_kw", "5"))
            max_discharge = float(query.get("max_discharge_kw", "5"))
            capacity = float(query.get("capacity_kwh", "10"))
        except (ValueError, zoneinfo.ZoneInfoNotFoundError):
            self._send(400, b'{"error": "bad query"}')
            return
        tomorrow = dt.datetime.now(zone).date() + dt.timedelta(days=1)
        intervals = (
            _drain(max_discharge)
            if fault == "drain"
            else tariff_schedule(tomorrow, max_charge, max_discharge, capacity)
        )
        body = {"date": tomorrow.isoformat(), "timezone": zone.key, "intervals": intervals}
        body = _faulty(fault or "", body, max_charge)
        self._send(200, json.dumps(body).encode())


class ProviderServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        *,
        fault: str | None = None,
        timeout_delay: float = TIMEOUT_DELAY_S,
        verbose: bool = False,
    ) -> None:
        super().__init__(address, _Handler)
        self.fault = fault
        self.timeout_delay = timeout_delay
        self.verbose = verbose
        self._requests: Counter[str] = Counter()
        self._lock = threading.Lock()

    def count(self, device: str) -> int:
        """How many requests this device has made, this one included."""
        with self._lock:
            self._requests[device] += 1
            return self._requests[device]


def serve(
    host: str,
    port: int,
    *,
    fault: str | None = None,
    timeout_delay: float = TIMEOUT_DELAY_S,
    verbose: bool = True,
) -> None:
    if fault is not None and fault not in FAULTS:
        raise ValueError(f"unknown fault {fault!r}; one of {', '.join(FAULTS)}")
    with ProviderServer(
        (host, port), fault=fault, timeout_delay=timeout_delay, verbose=verbose
    ) as server:
        server.serve_forever()
