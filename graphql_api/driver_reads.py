"""Reads run on PostgreSQL's driver, for statements a dashboard runs on every request.

Around each statement SQLAlchemy spends about as much Python as the driver does (measured on the
newest-readings statement of 13 devices: 716-757 us of CPU through the ORM, 450-458 us here,
values mapped the same). A :class:`DriverStatement` is a SELECT built once, compiled once, and
run on the session's own psycopg connection as a prepared statement:

* only in a reading session (``db.ReadingSession``: autocommit, each statement a transaction of
  its own), so a failed statement leaves no transaction aborted behind it;
* the engine's ``before_cursor_execute`` and ``after_cursor_execute`` listeners see it as they
  see every statement (the NUL guard, statement counts);
* parameters go through their column type's bind processor and result values through its result
  processor, as SQLAlchemy applies them (UTC datetimes, string enums);
* an ``IN`` list (an expanding bind parameter) is sent as one array: ``= ANY(%(name)s)``.

Anything the driver raises is not answered here: the caller runs the statement again the
ordinary way, which answers or raises as every statement does (a broken connection invalidated,
the error wrapped as SQLAlchemy wraps it).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.db import ReadingSession

# How SQLAlchemy renders an expanding bind parameter before it knows the list's length.
_EXPANDING = re.compile(r"(NOT )?IN \(__\[POSTCOMPILE_(\w+)\]\)")

Processor = Callable[[Any], Any] | None


def runs_on_driver(session: AsyncSession) -> bool:
    """Whether ``session``'s reads may run on the driver: a reading session on PostgreSQL."""
    return (
        isinstance(session.sync_session, ReadingSession)
        and session.get_bind().dialect.name == "postgresql"
    )


@dataclass(slots=True)
class DriverStatement:
    """A SELECT compiled for PostgreSQL's driver, with how to map its parameters and rows."""

    sql: str
    dialect: Dialect
    # Bound values the statement carries itself (a literal LIMIT 1, say).
    constants: dict[str, Any]
    bind_processors: dict[str, Callable[[Any], Any]]
    expanding: frozenset[str]
    column_types: tuple[Any, ...]
    # From the first result's column type codes (float8 and numeric map differently).
    result_processors: list[Processor] | None = field(default=None)

    @classmethod
    def compile(cls, statement: Select[Any], dialect: Dialect) -> "DriverStatement":
        if not isinstance(statement, Select):
            raise TypeError("only a SELECT runs on the driver")
        compiled = statement.compile(dialect=dialect)
        sql = _EXPANDING.sub(_as_array, compiled.string)
        if "__[POSTCOMPILE_" in sql:
            raise ValueError("a parameter rendered at execution cannot run on the driver")
        binds = compiled.binds.values()
        processors = {}
        for bind in binds:
            processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
            if processor is not None:
                processors[bind.key] = processor
        return cls(
            sql=sql,
            dialect=dialect,
            constants={
                name: value
                for name, value in compiled.params.items()
                if not compiled.binds[name].required
            },
            bind_processors=processors,
            expanding=frozenset(bind.key for bind in binds if bind.expanding),
            column_types=tuple(column.type for column in statement.selected_columns),
        )

    def parameters(self, params: dict[str, Any]) -> dict[str, Any]:
        values = self.constants | params
        for name, processor in self.bind_processors.items():
            if name in values:
                value = values[name]
                values[name] = (
                    [processor(item) for item in value]
                    if name in self.expanding
                    else processor(value)
                )
        for name in self.expanding & values.keys():
            values[name] = list(values[name])
        return values

    async def rows(self, session: AsyncSession, params: dict[str, Any]) -> list[tuple[Any, ...]]:
        """The statement's rows on ``session``'s connection (the caller holds its statement
        lock); raises whatever the driver raises."""
        connection = (await session.connection()).sync_connection
        values = self.parameters(params)
        dispatch = connection.dispatch
        dispatch.before_cursor_execute(connection, None, self.sql, values, None, False)
        async with connection.connection.driver_connection.cursor() as cursor:
            await cursor.execute(self.sql, values, prepare=True)
            found = await cursor.fetchall()
            dispatch.after_cursor_execute(connection, cursor, self.sql, values, None, False)
            processors = self.result_processors or self._result_processors(cursor.description)
        if not any(processors):
            return found
        return [
            tuple(
                value if process is None or value is None else process(value)
                for process, value in zip(processors, row, strict=True)
            )
            for row in found
        ]

    def _result_processors(self, description: Any) -> list[Processor]:
        self.result_processors = [
            kind.dialect_impl(self.dialect).result_processor(self.dialect, column.type_code)
            for kind, column in zip(self.column_types, description, strict=True)
        ]
        return self.result_processors


def _as_array(match: re.Match[str]) -> str:
    if match.group(1):
        raise ValueError("NOT IN (a list) does not run on the driver")
    return f"= ANY(%({match.group(2)})s)"
