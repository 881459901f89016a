"""Pages of people: a page of follow or block rows turned into the profiles they point at."""

from collections.abc import Sequence
from typing import Any, TypeVar

from graphql_api.pagination import Page

T = TypeVar("T")


def aligned(page: Page[Any], items: Sequence[T | None]) -> Page[T]:
    """``page`` with its rows replaced by ``items`` (one per row, in order).

    An item that came back None (a card the viewer may no longer see) is dropped with its
    cursor rather than shown half-empty.
    """
    kept = [(key, item) for key, item in zip(page.keys, items, strict=True) if item is not None]
    return Page(
        [item for _, item in kept],
        [key for key, _ in kept],
        page.has_next_page,
        page.has_previous_page,
    )
