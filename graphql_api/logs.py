"""How pawgraph logs: plain text in development, one JSON object per line in production
(``PAWGRAPH_LOG_FORMAT``), uvicorn's own loggers included.

``logging_config`` is a ``logging.config.dictConfig`` dict, handed to uvicorn too: uvicorn
applies it in every worker process it starts, so all of them log the same way.
"""

import datetime as dt
import json
import logging
import logging.config
from typing import Any

from graphql_api.settings import LogFormat, Settings

_TEXT_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
# Attributes every LogRecord has; anything else was passed as ``extra=`` and is logged as a field.
_RECORD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, any ``extra=`` fields, and the
    traceback as one string field (so a collector keeps it with its record)."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _RECORD_ATTRIBUTES and not key.startswith("_"):
                entry[key] = value
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, default=str)


def logging_config(settings: Settings) -> dict[str, Any]:
    level = settings.log_level.upper()
    if settings.log_format is LogFormat.JSON:
        formatter: dict[str, Any] = {"()": f"{__name__}.JsonFormatter"}
    else:
        formatter = {"format": _TEXT_FORMAT}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"pawgraph": formatter},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "pawgraph",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"handlers": ["stderr"], "level": level},
        # uvicorn's loggers go through the root's handler (and format) instead of their own.
        "loggers": {
            **{
                name: {"handlers": [], "propagate": True, "level": level}
                for name in ("uvicorn", "uvicorn.error", "uvicorn.access")
            },
            # One line per migration step is noise on every `make run`; failures still show.
            "alembic": {"level": "WARNING"},
        },
    }


def configure_logging(settings: Settings) -> None:
    logging.config.dictConfig(logging_config(settings))
