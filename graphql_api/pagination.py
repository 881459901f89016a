"""Cursor pagination arguments and pages, independent of GraphQL.

Cursors are opaque to clients; inside they are the row's primary key, so pages are keyset
queries (stable under inserts, no OFFSET scans).
"""

import base64
import binascii
from dataclasses import dataclass
from typing import Generic, TypeVar

from graphql_api.errors import ValidationFailed

T = TypeVar("T")

_PREFIX = "cursor:"


def encode_cursor(key: int) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{key}".encode()).decode()


def decode_cursor(cursor: str, field: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(cursor.encode()).decode()
        if not raw.startswith(_PREFIX):
            raise ValueError(raw)
        return int(raw.removeprefix(_PREFIX))
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise ValidationFailed(f"`{field}` is not a valid cursor.", field=field) from exc


@dataclass(frozen=True, slots=True)
class PageArgs:
    """Validated ``first/after`` or ``last/before`` arguments."""

    limit: int
    forward: bool
    cursor: int | None

    @classmethod
    def parse(
        cls,
        *,
        first: int | None,
        after: str | None,
        last: int | None,
        before: str | None,
        max_page_size: int,
        default_page_size: int = 20,
    ) -> "PageArgs":
        if first is not None and last is not None:
            raise ValidationFailed("Pass `first` or `last`, not both.", field="first")
        if after is not None and before is not None:
            raise ValidationFailed("Pass `after` or `before`, not both.", field="after")
        for name, value in (("first", first), ("last", last)):
            if value is not None and not 0 <= value <= max_page_size:
                raise ValidationFailed(
                    f"`{name}` must be between 0 and {max_page_size}.", field=name
                )
        if last is not None or (before is not None and first is None):
            limit = last if last is not None else default_page_size
            cursor = decode_cursor(before, "before") if before is not None else None
            return cls(limit=limit, forward=False, cursor=cursor)
        limit = first if first is not None else default_page_size
        cursor = decode_cursor(after, "after") if after is not None else None
        return cls(limit=limit, forward=True, cursor=cursor)


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    keys: list[int]
    has_next_page: bool
    has_previous_page: bool
