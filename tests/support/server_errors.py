"""What live servers logged while a test ran, attached to the test's failure report.

A live test that fails with ``Unexpected error.`` only says that something raised in a server
process; the traceback is in that server's log, which CI does not keep. ``ServerLogMarks`` notes
how far each log had been written when the test started, and ``errors_since`` returns the
errors (with their tracebacks) written after that, so the report carries the cause.
"""

import json
from pathlib import Path

# Enough lines for the exception chain of one request, short enough for a CI log's tail.
_MOST_LINES = 60
_ERROR_LEVELS = {"ERROR", "CRITICAL"}


class ServerLogMarks:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.offsets = {path: path.stat().st_size for path in directory.glob("*.log")}

    def errors_since(self) -> str:
        blocks = []
        for path in sorted(self.directory.glob("*.log")):
            with path.open("rb") as log:
                log.seek(self.offsets.get(path, 0))
                written = log.read().decode(errors="replace")
            found = _tracebacks(written)
            if found:
                blocks.append(f"--- {path.name}\n{found}")
        return "\n".join(blocks)


def _tracebacks(text: str) -> str:
    """Every error a log holds, with its traceback, the last ones kept: plain-text records
    (``ERROR`` lines and the ``Traceback`` blocks after them) and JSON records (``traceback``)."""
    kept: list[str] = []
    inside = False
    for line in text.splitlines():
        if line.startswith("{"):
            kept.extend(_json_error(line))
            inside = False
            continue
        if line.startswith("Traceback (most recent call last)"):
            inside = True
        if inside or " ERROR " in line or " CRITICAL " in line:
            kept.append(line)
        # The exception line, unindented, ends the frames.
        if inside and line.strip() and not line.startswith((" ", "Traceback")):
            inside = False
    return "\n".join(kept[-_MOST_LINES:])


def _json_error(line: str) -> list[str]:
    try:
        record = json.loads(line)
    except ValueError:
        return []
    if not isinstance(record, dict) or str(record.get("level", "")).upper() not in _ERROR_LEVELS:
        return []
    return [str(record.get("message", line)), *str(record.get("traceback", "")).splitlines()]
