"""Cursor pagination arguments and pages, independent of GraphQL.

Cursors are opaque to clients; inside they are the row's primary key, or for lists in another
order the tuple of integer sort keys ending with it, so pages are keyset queries (stable under
inserts, no OFFSET scans).
"""

import base64
import binascii
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from graphql_api.errors import ValidationFailed

T = TypeVar("T")

# A row's position: its primary key, or its sort keys (ints) ending with the primary key.
CursorKey = int | tuple[int, ...]

_PREFIX = "cursor:"


def encode_cursor(key: CursorKey) -> str:
    raw = ",".join(str(part) for part in key) if isinstance(key, tuple) else str(key)
    return base64.urlsafe_b64encode(f"{_PREFIX}{raw}".encode()).decode()


def decode_cursor(cursor: str, field: str) -> CursorKey:
    try:
        raw = base64.urlsafe_b64decode(cursor.encode()).decode()
        if not raw.startswith(_PREFIX):
            raise ValueError(raw)
        parts = tuple(int(part) for part in raw.removeprefix(_PREFIX).split(","))
        if any(abs(part) >= 2**63 for part in parts):
            raise ValueError(raw)
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise ValidationFailed(f"`{field}` is not a valid cursor.", field=field) from exc
    return parts[0] if len(parts) == 1 else parts


@dataclass(frozen=True, slots=True)
class PageArgs:
    """Validated ``first/after`` or ``last/before`` arguments."""

    limit: int
    forward: bool
    cursor: CursorKey | None

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
        # A cursor paired with the other direction's count would otherwise be silently ignored.
        if first is not None and before is not None:
            raise ValidationFailed("`before` goes with `last`, not `first`.", field="before")
        if last is not None and after is not None:
            raise ValidationFailed("`after` goes with `first`, not `last`.", field="after")
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

    def cursor_parts(self, arity: int) -> tuple[int, ...] | None:
        """The cursor as ``arity`` sort keys; ValidationFailed for a cursor of another list."""
        if self.cursor is None:
            return None
        parts = self.cursor if isinstance(self.cursor, tuple) else (self.cursor,)
        if len(parts) != arity:
            field = "after" if self.forward else "before"
            raise ValidationFailed(f"`{field}` is not a cursor of this list.", field=field)
        return parts


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    keys: list[CursorKey]
    has_next_page: bool
    has_previous_page: bool
    # How many rows the whole list holds, when the page's statement counted them on the way
    # (``RepositoryBase.paginate_groups`` without a cursor); None: ask the list's counter.
    total: int | None = None

    @classmethod
    def empty(cls) -> "Page[T]":
        return cls([], [], has_next_page=False, has_previous_page=False)


# What a nested connection asks of each parent: its page, and any filter (hashable).
Ask = TypeVar("Ask")


async def pages_by_group(
    keys: Sequence[tuple[int, Ask]],
    fetch: Callable[[list[int], Ask], Awaitable[list[Page[T]]]],
) -> list[Page[T]]:
    """A nested connection's DataLoader batch. Keys are (parent id, what is asked of it: the
    page and any filter); one ``fetch`` (one statement) per distinct ask, for all the parents
    that asked it; pages in key order."""
    parents_by_ask: dict[Ask, list[int]] = {}
    for parent_id, ask in keys:
        parents_by_ask.setdefault(ask, []).append(parent_id)
    found: dict[tuple[int, Ask], Page[T]] = {}
    for ask, parent_ids in parents_by_ask.items():
        unique = list(dict.fromkeys(parent_ids))
        for parent_id, result in zip(unique, await fetch(unique, ask), strict=True):
            found[(parent_id, ask)] = result
    return [found[key] for key in keys]


async def counts_by_group(
    keys: Sequence[tuple[int, Ask]],
    fetch: Callable[[list[int], Ask], Awaitable[list[int]]],
) -> list[int]:
    """A nested connection's ``totalCount`` batch: keys are (parent id, filter); one ``fetch``
    per distinct filter; counts in key order."""
    parents_by_ask: dict[Ask, list[int]] = {}
    for parent_id, ask in keys:
        parents_by_ask.setdefault(ask, []).append(parent_id)
    found: dict[tuple[int, Ask], int] = {}
    for ask, parent_ids in parents_by_ask.items():
        unique = list(dict.fromkeys(parent_ids))
        for parent_id, count in zip(unique, await fetch(unique, ask), strict=True):
            found[(parent_id, ask)] = count
    return [found[key] for key in keys]
