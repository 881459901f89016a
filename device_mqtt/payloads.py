"""Small parsers shared by the MQTT handlers: device timestamps and ids in JSON payloads."""

import datetime as dt
from typing import Any

from device_mqtt.router import MessageRejected


def device_time(payload: Any) -> dt.datetime | None:
    """``ts`` as UTC ``YYYY-MM-DDTHH:MM:SS[.fff]Z``; None when absent. The device's clock may
    read 1970 (no NTP yet): it is kept beside the server's receive time, never trusted for
    ordering."""
    value = payload.get("ts") if isinstance(payload, dict) else None
    if value is None:
        return None
    if not isinstance(value, str):
        raise MessageRejected("ts must be a string like 2026-12-04T17:00:00Z")
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise MessageRejected("ts must be a string like 2026-12-04T17:00:00Z") from exc
    if moment.tzinfo is None:
        raise MessageRejected("ts must be UTC (end with Z)")
    return moment.astimezone(dt.UTC)


def positive_id(payload: Any, key: str) -> int:
    value = payload.get(key) if isinstance(payload, dict) else None
    text = str(value) if isinstance(value, int | str) and not isinstance(value, bool) else ""
    if not text.isdigit() or int(text) <= 0:
        raise MessageRejected(f"{key} must be a positive integer (as a string or a number)")
    return int(text)
