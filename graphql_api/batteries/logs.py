"""The schedule pipeline's log: one JSON object per line, each with ``message_id`` and
``device_id`` (null only before a schedule exists), so one grep or log query follows a schedule
from the provider to the last slot report; the edge agent writes the same shape."""

import datetime as dt
import json
import logging
import sys
from typing import Any

logger = logging.getLogger("pawgraph.batteries")


class JsonLinesFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        document = {
            "ts": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
            **getattr(record, "fields", {}),
        }
        return json.dumps(document, default=str, separators=(",", ":"))


def _ensure_handler() -> None:
    # Its own handler: the pipeline's lines must reach the process's stderr as JSON whatever
    # the server's logging setup (uvicorn configures only its own loggers).
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonLinesFormatter())
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False


def log(
    event: str,
    *,
    message_id: str | None,
    device_id: int | None,
    level: int = logging.INFO,
    **fields: Any,
) -> None:
    _ensure_handler()
    logger.log(
        level, event, extra={"fields": {"message_id": message_id, "device_id": device_id, **fields}}
    )
