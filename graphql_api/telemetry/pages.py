"""Telemetry pages: their cursors and arguments, apart from the queries that walk them.

A raw point's cursor is its (receive time, id); a bucket's, its (start epoch, key). Both are
opaque base64 to clients and checked on the way back in.
"""

import base64
import binascii
import datetime as dt
from dataclasses import dataclass

from graphql_api.errors import ValidationFailed


def encode_cursor(kind: str, at: str, tiebreak: str) -> str:
    return base64.urlsafe_b64encode(f"{kind}|{at}|{tiebreak}".encode()).decode()


def decode_cursor(cursor: str, kind: str, field: str) -> tuple[str, str]:
    try:
        found, at, tiebreak = base64.urlsafe_b64decode(cursor.encode()).decode().split("|", 2)
        if found != kind:
            raise ValueError(found)
        return at, tiebreak
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise ValidationFailed(f"`{field}` is not a valid telemetry cursor.", field=field) from exc


def raw_cursor(cursor: str, field: str) -> tuple[dt.datetime, int]:
    at, point_id = decode_cursor(cursor, "p", field)
    try:
        return dt.datetime.fromisoformat(at), int(point_id)
    except ValueError as exc:
        raise ValidationFailed(f"`{field}` is not a valid telemetry cursor.", field=field) from exc


def bucket_cursor(cursor: str, field: str) -> tuple[int, str]:
    epoch, key = decode_cursor(cursor, "b", field)
    try:
        return int(epoch), key
    except ValueError as exc:
        raise ValidationFailed(f"`{field}` is not a valid telemetry cursor.", field=field) from exc


@dataclass(frozen=True, slots=True)
class TelemetryPageArgs:
    """``first``/``after`` walk forwards from the oldest; ``last``/``before`` backwards from
    the newest (Relay), so ``last: 1`` is the newest sample. Either way a page lists its
    samples oldest first."""

    first: int | None = None
    after: str | None = None
    last: int | None = None
    before: str | None = None

    @property
    def backwards(self) -> bool:
        return self.last is not None or self.before is not None

    def limit(self, max_page_size: int) -> int:
        for name, value in (("first", self.first), ("last", self.last)):
            if value is not None and not 0 <= value <= max_page_size:
                raise ValidationFailed(
                    f"`{name}` must be between 0 and {max_page_size}.", field=name
                )
        if self.first is not None and self.last is not None:
            raise ValidationFailed("Pass `first` or `last`, not both.", field="first")
        if self.after is not None and self.before is not None:
            raise ValidationFailed("Pass `after` or `before`, not both.", field="after")
        if self.first is not None and self.before is not None:
            raise ValidationFailed("`before` goes with `last`, not `first`.", field="before")
        if self.last is not None and self.after is not None:
            raise ValidationFailed("`after` goes with `first`, not `last`.", field="after")
        size = self.last if self.backwards else self.first
        return max_page_size if size is None else size

    @property
    def cursor(self) -> tuple[str, str] | None:
        """The cursor and the argument it came in."""
        if self.before is not None:
            return self.before, "before"
        if self.after is not None:
            return self.after, "after"
        return None
