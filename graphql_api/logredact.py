"""Credentials never reach a log line.

A Smart-Outlet hub's key travels in its URL path (``/h/<key>/api/...``, WIRE.md section 2) and
a PETio unit's pairing PIN in a query string (``pair/claimed/?pin=...``); uvicorn's access log
would write both on every request. :func:`install` wraps the process's log record factory, so
every record from every logger (uvicorn's access and error logs, ours, libraries') has them
replaced before any handler or formatter sees it. Arguments are redacted one by one, so
formatters that read ``record.args`` (uvicorn's access formatter does) keep working.
"""

import logging
import re
from typing import Any

_HUB_KEY = re.compile(r"(/h/)[^/\s?\"']+")
_PIN_QUERY = re.compile(r"((?:^|[?&\s])pin=)[^&\s\"']*", re.IGNORECASE)
_PIN_JSON = re.compile(r"""(["']pin["']\s*:\s*["']?)[^"',}\s]*""", re.IGNORECASE)
_BEARER = re.compile(r"(Bearer\s+)[A-Za-z0-9._~+/=-]+", re.IGNORECASE)
REDACTED = "[redacted]"


def redact(text: str) -> str:
    text = _HUB_KEY.sub(rf"\g<1>{REDACTED}", text)
    text = _PIN_QUERY.sub(rf"\g<1>{REDACTED}", text)
    text = _PIN_JSON.sub(rf"\g<1>{REDACTED}", text)
    return _BEARER.sub(rf"\g<1>{REDACTED}", text)


def _redact_arg(value: Any) -> Any:
    return redact(value) if isinstance(value, str) else value


def _redact_record(record: logging.LogRecord) -> None:
    if isinstance(record.msg, str):
        record.msg = redact(record.msg)
    if isinstance(record.args, tuple):
        record.args = tuple(_redact_arg(arg) for arg in record.args)
    elif isinstance(record.args, dict):
        record.args = {key: _redact_arg(value) for key, value in record.args.items()}


def install() -> None:
    """Idempotent: wraps the current record factory once per process."""
    factory = logging.getLogRecordFactory()
    if getattr(factory, "pawgraph_redacting", False):
        return

    def redacting_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        _redact_record(record)
        return record

    redacting_factory.pawgraph_redacting = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(redacting_factory)
