"""Keyset pages ordered by any non-null column, with the primary key breaking ties.

The shared ``RepositoryBase.paginate`` orders by primary key only. Listings sort by price or
date and threads by their latest message, so a page here seeks past ``(sort value, id)``. The
cursor stays the opaque row id of the shared cursor format; the sort value behind it is read
from the cursor's row inside the same statement, so cursors keep working across the API.
"""

from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, or_, select

from graphql_api.pagination import Page, PageArgs
from graphql_api.repository import RepositoryBase


def _beyond(
    column: Any, key: Any, cursor: int, ascending: bool, *, inclusive: bool
) -> ColumnElement[bool]:
    anchor = select(column).where(key == cursor).scalar_subquery()
    if ascending:
        tie = key >= cursor if inclusive else key > cursor
        return or_(column > anchor, and_(column == anchor, tie))
    tie = key <= cursor if inclusive else key < cursor
    return or_(column < anchor, and_(column == anchor, tie))


async def keyset_page(
    repository: RepositoryBase[Any],
    statement: Select[Any],
    page: PageArgs,
    column: Any,
    *,
    descending: bool,
) -> Page[Any]:
    """One page of ``statement`` ordered by ``column`` (then id) in the given direction."""
    # The primary key of the rows being paged (the statement's entity, not the repository's).
    key = statement.column_descriptions[0]["entity"].__mapper__.primary_key[0]
    ascending = page.forward != descending
    ordered = statement.order_by(
        *(column.asc(), key.asc()) if ascending else (column.desc(), key.desc())
    )
    if page.cursor is not None:
        ordered = ordered.where(_beyond(column, key, page.cursor, ascending, inclusive=False))
    rows = await repository.scalars(ordered.limit(page.limit + 1))
    has_more = len(rows) > page.limit
    rows = rows[: page.limit]
    behind = False
    if page.cursor is not None:
        # Rows on the other side of the cursor (its own row included) mean a page back exists.
        back = _beyond(column, key, page.cursor, not ascending, inclusive=True)
        behind = bool(await repository.scalar(select(exists(statement.where(back).subquery()))))
    if not page.forward:
        rows.reverse()
    keys = [getattr(row, key.key) for row in rows]
    if page.forward:
        return Page(rows, keys, has_next_page=has_more, has_previous_page=behind)
    return Page(rows, keys, has_next_page=behind, has_previous_page=has_more)
