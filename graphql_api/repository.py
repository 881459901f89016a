"""RepositoryBase: the one way domain code reaches the database.

Every query of a domain lives in its ``repository.py``, built on this base. Two rules live here
so no domain can forget them:

* One ``AsyncSession`` must never run two statements at once, yet GraphQL resolves sibling
  fields concurrently. Every statement therefore runs under a lock kept on the session
  (``session.info``), so concurrent resolvers queue instead of corrupting the connection.
* Pages are keyset queries on the primary key (see ``graphql_api.pagination``).

Repositories are scoped to a viewer by their own ``readable_statement``; a row the viewer may
not see is simply absent ("not found and not allowed look alike").
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    Text,
    and_,
    bindparam,
    cast,
    false,
    func,
    not_,
    or_,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Result
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.expression import ColumnClause, TableValuedAlias

from graphql_api.auth import Viewer
from graphql_api.db import Base, is_unique_violation
from graphql_api.driver_reads import DriverStatement, runs_on_driver
from graphql_api.pagination import CursorKey, Page, PageArgs

M = TypeVar("M", bound=Base)
K = TypeVar("K")

logger = logging.getLogger(__name__)

_LOCK_KEY = "pawgraph.statement_lock"
_DIALECT_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}
# (name, dialect) -> a hot path's statement, built once (see RepositoryBase.prebuilt).
_PREBUILT: dict[tuple[Hashable, str], Any] = {}
# The same statements compiled for PostgreSQL's driver (see prebuilt_rows), by the same key.
_ON_DRIVER: dict[tuple[Hashable, str], DriverStatement] = {}
# The bind parameter a viewer-scoped statement built once (ScopedStatement) reads its viewer's
# id from.
VIEWER_ID = "viewer_id"


def json_recordset(parameter: str, *columns: ColumnClause[Any], name: str) -> TableValuedAlias:
    """PostgreSQL: rows sent as one JSON text parameter, read as a table of ``columns`` by
    ``json_to_recordset``: a statement for many rows in one round trip, built once whatever
    their number (a multi-row VALUES would change its text, and its cache key, with the count)."""
    return (
        func.json_to_recordset(cast(bindparam(parameter, type_=Text), postgresql.JSON))
        .table_valued(*columns)
        .render_derived(name=name, with_types=True)
    )


def statement_lock(session: AsyncSession) -> asyncio.Lock:
    lock = session.info.get(_LOCK_KEY)
    if lock is None:
        lock = session.info[_LOCK_KEY] = asyncio.Lock()
    return lock


@dataclass(frozen=True, slots=True)
class SortKey:
    """One term of a composite keyset order.

    ``value_of`` reads the term's value from a loaded row (the expression may be computed, such
    as ``read_at IS NOT NULL``); it is unused while walking, where only the expression counts.
    """

    expression: ColumnElement[Any]
    descending: bool = False
    value_of: Callable[[Any], int] | None = None


@dataclass(frozen=True, slots=True)
class ScopedStatement:
    """A viewer-scoped statement in a form that is built once per shape, not once per call.

    ``build`` receives a stand-in of ``viewer`` whose ``user_id`` is the bind parameter
    ``viewer_id`` (and whose role is the viewer's), so the statement it returns serves every
    viewer of that role; :attr:`params` carry this viewer's id, and ``values``: what else
    ``build`` left as bind parameters (a profile's author). ``name`` tells apart the statements
    one repository builds this way (it must change whenever ``build``'s result would). Only for
    ``build``s that use the viewer's id in SQL, never in Python.
    """

    name: Hashable
    viewer: Viewer
    build: Callable[[Viewer], Select[Any]]
    values: Mapping[str, Any] = field(default_factory=dict)

    @property
    def shape(self) -> Hashable:
        return (self.name, self.viewer.role, self.viewer.suspended)

    @property
    def params(self) -> dict[str, Any]:
        return {VIEWER_ID: self.viewer.user_id, **self.values}

    def build_statement(self) -> Select[Any]:
        # A stand-in, not a viewer: its id is SQL, filled in from ``params`` at execution.
        return self.build(replace(self.viewer, user_id=bindparam(VIEWER_ID)))  # type: ignore[arg-type]


class RepositoryBase(Generic[M]):
    model: ClassVar[type[Base]]

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # ---- statements, serialized per session ---------------------------------------------------

    async def execute(
        self, statement: Any, params: dict[str, Any] | list[dict[str, Any]] | None = None
    ) -> Result[Any]:
        """Run ``statement``; ``params`` fill its ``bindparam``s, so a hot path can build its
        statement once and skip rebuilding it (and its cache key) on every call. A list of
        parameter sets runs it once per set (an INSERT goes as one multi-row statement)."""
        async with statement_lock(self.session):
            return await self.session.execute(statement, params)

    async def scalars(
        self, statement: Select[Any], params: dict[str, Any] | None = None
    ) -> list[Any]:
        return list((await self.execute(statement, params)).scalars().all())

    async def scalar(self, statement: Select[Any], params: dict[str, Any] | None = None) -> Any:
        return (await self.execute(statement, params)).scalar()

    async def get_one_or_none(self, statement: Select[Any]) -> M | None:
        return (await self.execute(statement.limit(1))).scalars().first()

    async def count(self, statement: "Select[Any] | ScopedStatement") -> int:
        """How many rows ``statement`` selects (as a :class:`ScopedStatement`, built once per
        shape)."""
        rows = await self.scoped_rows(statement, {}, "count", _counted)
        return int(rows[0][0] or 0)

    @property
    def _dialect(self) -> str:
        return self.session.get_bind().dialect.name

    def prebuilt(self, name: Hashable, build: Callable[[], Any]) -> Any:
        """The statement ``name``, built by ``build`` once per dialect, its values bind
        parameters (passed to :meth:`execute`): on a path that runs for every device message,
        building a statement and its cache key costs more than running it."""
        key = (name, self._dialect)
        statement = _PREBUILT.get(key)
        if statement is None:
            statement = _PREBUILT[key] = build()
        return statement

    async def prebuilt_rows(
        self, name: Hashable, build: Callable[[], Select[Any]], params: dict[str, Any]
    ) -> list[tuple[Any, ...]]:
        """The rows of the SELECT :meth:`prebuilt` as ``name``, as tuples of the values the ORM
        would map. In a reading session on PostgreSQL it runs on the driver
        (``graphql_api.driver_reads``), saving a third of its CPU; should anything fail there, it
        runs again the ordinary way, which answers or raises as every statement does (a read
        in autocommit has no transaction for the failure to abort)."""
        statement = self.prebuilt(name, build)
        if runs_on_driver(self.session):
            key = (name, self._dialect)
            on_driver = _ON_DRIVER.get(key)
            if on_driver is None:
                dialect = self.session.get_bind().dialect
                on_driver = _ON_DRIVER[key] = DriverStatement.compile(statement, dialect)
            try:
                async with statement_lock(self.session):
                    return await on_driver.rows(self.session, params)
            except Exception as error:  # noqa: BLE001 (answered or raised by the ordinary way)
                logger.debug("%r on the driver: run the ordinary way", name, exc_info=error)
        return [tuple(row) for row in await self.execute(statement, params)]

    async def scoped_rows(
        self,
        statement: "Select[Any] | ScopedStatement",
        params: dict[str, Any],
        name: Hashable = "rows",
        wrap: Callable[[Select[Any]], Select[Any]] = lambda base: base,
    ) -> list[tuple[Any, ...]]:
        """The rows of ``wrap(statement)`` with ``params`` as :meth:`scoped` builds it, as
        tuples; on the driver (:meth:`prebuilt_rows`) when built once per shape."""
        if not isinstance(statement, ScopedStatement):
            return [tuple(row) for row in await self.execute(wrap(statement), params)]
        scoped = statement
        return await self.prebuilt_rows(
            (name, scoped.shape), lambda: wrap(scoped.build_statement()), params | scoped.params
        )

    def scoped(
        self,
        statement: "Select[Any] | ScopedStatement",
        name: Hashable = "rows",
        wrap: Callable[[Select[Any]], Select[Any]] = lambda base: base,
    ) -> tuple[Select[Any], dict[str, Any]]:
        """``wrap(statement)`` and the parameters it runs with: built once per shape for a
        :class:`ScopedStatement` (``name`` tells apart what ``wrap`` makes of one), on every
        call for a plain statement."""
        if not isinstance(statement, ScopedStatement):
            return wrap(statement), {}
        scoped = statement
        built = self.prebuilt((name, scoped.shape), lambda: wrap(scoped.build_statement()))
        return built, scoped.params

    def insert_statement(self, model: type[Base] | Table) -> Any:
        """The session's dialect's INSERT, which has ``on_conflict_do_nothing``/``_do_update``
        on PostgreSQL and SQLite alike."""
        return _DIALECT_INSERTS[self._dialect](model)

    def add(self, obj: M) -> M:
        self.session.add(obj)
        return obj

    async def add_unique(self, obj: M) -> M | None:
        """Insert ``obj`` now; None when a row with one of its unique keys exists already.

        For a check-then-insert ("is this email taken?"): a concurrent transaction can insert
        the same key between the check and the insert. PostgreSQL then makes this insert wait
        for that transaction and, once it commits, refuses it; the savepoint keeps that refusal
        from aborting the caller's transaction, so the caller answers as its check would have.
        """
        async with statement_lock(self.session):
            try:
                async with self.session.begin_nested():
                    self.session.add(obj)
                    await self.session.flush()
            except IntegrityError as error:
                if not is_unique_violation(error):
                    raise
                return None
        return obj

    async def flush(self) -> None:
        async with statement_lock(self.session):
            await self.session.flush()

    async def delete(self, obj: M) -> None:
        async with statement_lock(self.session):
            await self.session.delete(obj)
            await self.session.flush()

    # ---- batches for DataLoaders --------------------------------------------------------------

    async def in_key_order(
        self,
        statement: "Select[Any] | ScopedStatement",
        keys: Sequence[K],
        key_of: Callable[[Any], K],
    ) -> list[Any | None]:
        """Run ``statement`` once and return one row (or None) per key, in key order (as a
        :class:`ScopedStatement`, built once per shape)."""
        built, scope = self.scoped(statement)
        by_key = {key_of(row): row for row in await self.scalars(built, scope)}
        return [by_key.get(key) for key in keys]

    async def grouped_in_key_order(
        self,
        statement: Select[Any],
        keys: Sequence[K],
        key_of: Callable[[Any], K],
        params: dict[str, Any] | None = None,
    ) -> list[list[Any]]:
        """Run ``statement`` once (with ``params``) and return the list of rows per key, in key
        order."""
        groups: dict[K, list[Any]] = {key: [] for key in keys}
        for row in await self.scalars(statement, params):
            groups.setdefault(key_of(row), []).append(row)
        return [groups[key] for key in keys]

    # ---- pages ----------------------------------------------------------------------------------

    async def paginate(
        self,
        statement: "Select[Any] | ScopedStatement",
        page: PageArgs,
        *,
        newest_first: bool = False,
    ) -> Page[M]:
        """One keyset page of ``statement`` ordered by primary key (descending if newest_first).

        As a :class:`ScopedStatement` the page's statements are built once per shape, the cursor
        and page size bind parameters: a feed's visibility rules cost more to build, and to
        compute a cache key for, than to run (measured: 4.5-5.9 ms against 0.42-0.49 ms)."""
        key = self.model.__mapper__.primary_key[0]
        parts = page.cursor_parts(1)
        cursor = parts[0] if parts else None
        ascending = page.forward != newest_first
        after_cursor = cursor is not None
        params: dict[str, Any] = {"page_rows": page.limit + 1}
        if after_cursor:
            params["cursor"] = cursor
        ordered, scope = self.scoped(
            statement,
            ("page", ascending, after_cursor),
            lambda base: _keyset_page(base, key, ascending, after_cursor),
        )
        rows = await self.scalars(ordered, params | scope)
        has_more = len(rows) > page.limit
        rows = rows[: page.limit]
        before_cursor = False
        if after_cursor:
            behind, scope = self.scoped(
                statement,
                ("page-behind", ascending),
                lambda base: _rows_behind(base, key, ascending),
            )
            before_cursor = await self.scalar(behind, {"cursor": cursor} | scope) or False
        if not page.forward:
            rows.reverse()
        keys = [getattr(row, key.key) for row in rows]
        if page.forward:
            return Page(rows, keys, has_next_page=has_more, has_previous_page=bool(before_cursor))
        return Page(rows, keys, has_next_page=bool(before_cursor), has_previous_page=has_more)

    async def paginate_by(
        self, statement: Select[Any], page: PageArgs, order: Sequence[SortKey]
    ) -> Page[M]:
        """One keyset page of ``statement`` in a composite order.

        ``order`` lists non-null integer expressions with their direction, the last one the
        primary key, so every row has one position; cursors carry the row's values of all of
        them (see :func:`sort_values`).
        """
        parts = page.cursor_parts(len(order))
        walk = [SortKey(key.expression, key.descending != (not page.forward)) for key in order]
        ordered = statement.order_by(
            *(key.expression.desc() if key.descending else key.expression.asc() for key in walk)
        )
        if parts is not None:
            ordered = ordered.where(_beyond(walk, parts))
        rows = await self.scalars(ordered.limit(page.limit + 1))
        has_more = len(rows) > page.limit
        rows = rows[: page.limit]
        before_cursor = False
        if parts is not None:
            behind = statement.where(not_(_beyond(walk, parts)))
            before_cursor = bool(await self.scalar(select(behind.exists())))
        if not page.forward:
            rows.reverse()
        keys: list[CursorKey] = [sort_values(row, order) for row in rows]
        if page.forward:
            return Page(rows, keys, has_next_page=has_more, has_previous_page=before_cursor)
        return Page(rows, keys, has_next_page=before_cursor, has_previous_page=has_more)

    async def paginate_groups(
        self,
        statement: Select[Any] | ScopedStatement,
        group_column: ColumnElement[int],
        group_ids: Sequence[int],
        page: PageArgs,
        *,
        newest_first: bool = False,
        model: type[Base] | None = None,
    ) -> list[Page[M]]:
        """The same keyset page (by primary key) of every group's rows, in one statement.

        A connection nested under a list (each pet's devices) asks for one page per parent;
        ``ROW_NUMBER() OVER (PARTITION BY group)`` cuts every group's page in the database
        (PostgreSQL and SQLite alike), so the statement count stays flat however many parents
        the list holds. Pages come back in ``group_ids`` order. Without a cursor each page
        carries its group's total (``Page.total``, from the same window), so a connection's
        ``totalCount`` costs no statement; a cursor adds one statement, for the groups that
        have rows before it. ``statement`` selects ``model`` (default: the repository's); as a
        :class:`ScopedStatement`, the whole page statement is built once per shape, as
        dashboards ask for these pages on every request.
        """
        model = model or self.model
        key = model.__mapper__.primary_key[0]
        parts = page.cursor_parts(1)
        cursor = parts[0] if parts else None
        ascending = page.forward != newest_first
        counted = cursor is None
        params: dict[str, Any] = {"group_ids": list(group_ids), "page_rows": page.limit + 1}
        if cursor is not None:
            params["cursor"] = cursor
        how = (model, ascending, not counted)
        pages, scope = self.scoped(
            statement,
            ("group-pages", group_column.key, *how),
            lambda base: _group_pages(base, group_column, *how),
        )
        found = await self.execute(pages, params | scope)
        grouped: dict[int, list[Any]] = {group_id: [] for group_id in group_ids}
        totals: dict[int, int] = {}  # only a group with rows appears: the rest hold none
        for row in found:
            group_id = getattr(row[0], group_column.key)
            grouped[group_id].append(row[0])
            if counted:
                totals[group_id] = row[1]
        behind: set[int] = set()
        if cursor is not None:
            earlier, scope = self.scoped(
                statement,
                ("groups-before-cursor", group_column.key, model, ascending),
                lambda base: _groups_before_cursor(base, group_column, model, ascending),
            )
            behind = set(
                await self.scalars(
                    earlier, {"group_ids": params["group_ids"], "cursor": cursor} | scope
                )
            )
        return [
            _page_of(
                grouped[group_id],
                page,
                key.key,
                group_id in behind,
                totals.get(group_id, 0) if counted else None,
            )
            for group_id in group_ids
        ]

    async def count_groups(
        self,
        statement: Select[Any] | ScopedStatement,
        group_column: ColumnElement[int],
        group_ids: Sequence[int],
    ) -> list[int]:
        """How many rows of ``statement`` each group holds, in ``group_ids`` order (as a
        :class:`ScopedStatement`, built once per shape)."""
        found = await self.scoped_rows(
            statement,
            {"group_ids": list(group_ids)},
            ("group-counts", group_column.key),
            lambda base: _group_counts(base, group_column),
        )
        counts = {group_id: count for group_id, count in found}
        return [int(counts.get(group_id, 0)) for group_id in group_ids]

    def counter(self, statement: "Select[Any] | ScopedStatement") -> Callable[[], Awaitable[int]]:
        """A deferred ``count``: connections run it only when ``totalCount`` is asked for."""
        return lambda: self.count(statement)


def _past_cursor(key: ColumnElement[Any], ascending: bool) -> ColumnElement[bool]:
    """Rows after the bind parameter ``cursor`` in ``key`` order: the page's."""
    cursor = bindparam("cursor")
    return key > cursor if ascending else key < cursor


def _up_to_cursor(key: ColumnElement[Any], ascending: bool) -> ColumnElement[bool]:
    """Rows at or before the bind parameter ``cursor`` in ``key`` order: a previous page's."""
    cursor = bindparam("cursor")
    return key <= cursor if ascending else key >= cursor


def _counted(statement: Select[Any]) -> Select[Any]:
    return select(func.count()).select_from(statement.order_by(None).subquery())


def _keyset_page(
    statement: Select[Any], key: ColumnElement[Any], ascending: bool, after_cursor: bool
) -> Select[Any]:
    """The first ``page_rows`` rows of ``statement`` in ``key`` order, past ``cursor`` if
    ``after_cursor`` (both bind parameters)."""
    ordered = statement.order_by(key.asc() if ascending else key.desc())
    if after_cursor:
        ordered = ordered.where(_past_cursor(key, ascending))
    return ordered.limit(bindparam("page_rows"))


def _rows_behind(statement: Select[Any], key: ColumnElement[Any], ascending: bool) -> Select[Any]:
    """Whether ``statement`` holds rows at or before ``cursor`` (a bind parameter)."""
    return select(statement.where(_up_to_cursor(key, ascending)).exists())


def _group_pages(
    statement: Select[Any],
    group_column: ColumnElement[int],
    model: type[Base],
    ascending: bool,
    after_cursor: bool,
) -> Select[Any]:
    """Every group's first ``page_rows`` rows of ``statement`` (rows of ``model``) in primary
    key order, past ``cursor`` if ``after_cursor``; the groups, page size and cursor are bind
    parameters (``group_ids``, ``page_rows``, ``cursor``). See
    :meth:`RepositoryBase.paginate_groups`.
    """
    key = model.__mapper__.primary_key[0]
    walked = statement.where(group_column.in_(bindparam("group_ids", expanding=True)))
    if after_cursor:
        walked = walked.where(_past_cursor(key, ascending))
    position = (
        func.row_number()
        .over(partition_by=group_column, order_by=key.asc() if ascending else key.desc())
        .label("group_position")
    )
    ranked_columns = [key, position]
    if not after_cursor:
        # Ranking reads every row of a group anyway: counting them there too answers the
        # connection's totalCount without a statement of its own.
        total = func.count().over(partition_by=group_column).label("group_total")
        ranked_columns.append(total)
    # The window runs over the keys only, and the rows are joined back by key: an ORM alias of
    # a subquery of every column cost twice as much to build.
    ranked = walked.with_only_columns(*ranked_columns).subquery("ranked")
    rows = select(model)
    if not after_cursor:
        rows = rows.add_columns(ranked.c.group_total)
    return (
        rows.join(ranked, key == ranked.c[key.key])
        .where(ranked.c.group_position <= bindparam("page_rows"))
        .order_by(ranked.c.group_position)
    )


def _groups_before_cursor(
    statement: Select[Any], group_column: ColumnElement[int], model: type[Base], ascending: bool
) -> Select[Any]:
    """Which of ``group_ids`` hold rows of ``statement`` at or before ``cursor`` (bind
    parameters): their pages have a previous page."""
    key = model.__mapper__.primary_key[0]
    return (
        statement.where(
            group_column.in_(bindparam("group_ids", expanding=True)),
            _up_to_cursor(key, ascending),
        )
        .with_only_columns(group_column)
        .distinct()
    )


def _group_counts(statement: Select[Any], group_column: ColumnElement[int]) -> Select[Any]:
    """How many rows of ``statement`` each of ``group_ids`` (a bind parameter) holds."""
    return (
        statement.where(group_column.in_(bindparam("group_ids", expanding=True)))
        .with_only_columns(group_column, func.count())
        .group_by(group_column)
        .order_by(None)
    )


def _page_of(
    rows: list[Any], page: PageArgs, key_name: str, before_cursor: bool, total: int | None
) -> Page[Any]:
    has_more = len(rows) > page.limit
    rows = rows[: page.limit]
    if not page.forward:
        rows.reverse()
    keys: list[CursorKey] = [getattr(row, key_name) for row in rows]
    if page.forward:
        return Page(rows, keys, has_more, before_cursor, total)
    return Page(rows, keys, before_cursor, has_more, total)


def sort_values(row: Any, order: Sequence[SortKey]) -> tuple[int, ...]:
    values = []
    for key in order:
        if key.value_of is not None:
            values.append(int(key.value_of(row)))
        else:
            values.append(int(getattr(row, key.expression.key)))
    return tuple(values)


def _beyond(order: Sequence[SortKey], parts: Sequence[int]) -> ColumnElement[bool]:
    """Rows strictly after the position ``parts`` in ``order`` (lexicographic keyset)."""
    clauses = []
    for index, key in enumerate(order):
        ties = [order[j].expression == parts[j] for j in range(index)]
        step = key.expression < parts[index] if key.descending else key.expression > parts[index]
        clauses.append(and_(*ties, step))
    return or_(false(), *clauses)
