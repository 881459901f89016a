import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, column, func, or_, select
from sqlalchemy.dialects import postgresql

from graphql_api.collars.readings.models import CollarReading
from graphql_api.repository import RepositoryBase, json_recordset

_COLUMNS = (
    "device_id",
    "measured_at",
    "received_at",
    "heart_rate",
    "activity_level",
    "longitude",
    "latitude",
)


def _recordset_insert() -> Any:
    """PostgreSQL: ``INSERT ... SELECT FROM json_to_recordset(<the rows as one JSON text>)
    ON CONFLICT DO NOTHING RETURNING id, device_id, measured_at`` (prebuilt on first use)."""
    table = CollarReading.__table__
    rows = json_recordset(
        "rows", *(column(name, table.c[name].type) for name in _COLUMNS), name="reading_rows"
    )
    return (
        postgresql.insert(table)
        .from_select(_COLUMNS, select(*rows.c))
        .on_conflict_do_nothing(index_elements=["device_id", "measured_at"])
        .returning(table.c.id, table.c.device_id, table.c.measured_at)
    )


def _rows_json(rows: Sequence[dict[str, Any]]) -> str:
    """The rows as one JSON array, written here: ``json.dumps`` calls back into Python for each
    datetime, which cost more than the rest of the encoding (2.7x slower for 100 readings).
    The values are the checked readings' (ints, finite floats, aware datetimes); a batch's
    rows share their received time, formatted once."""
    formatted: dict[dt.datetime, str] = {}

    def moment(value: dt.datetime) -> str:
        text = formatted.get(value)
        if text is None:
            text = formatted[value] = value.isoformat()
        return text

    return (
        "["
        + ",".join(
            f'{{"device_id":{int(row["device_id"])},'
            f'"measured_at":"{moment(row["measured_at"])}",'
            f'"received_at":"{moment(row["received_at"])}",'
            f'"heart_rate":{int(row["heart_rate"])},'
            f'"activity_level":{int(row["activity_level"])},'
            f'"longitude":{float(row["longitude"])!r},'
            f'"latitude":{float(row["latitude"])!r}}}'
            for row in rows
        )
        + "]"
    )


class CollarReadingRepository(RepositoryBase[CollarReading]):
    """Collar readings; callers establish the viewer may read the collar before asking."""

    model = CollarReading

    async def insert_new(
        self, rows: Sequence[dict[str, Any]]
    ) -> list[tuple[int, int, dt.datetime]]:
        """Insert ``rows`` in one round trip; a (collar, measured_at) already stored is skipped
        by the unique constraint. Returns (id, device_id, measured_at) of the rows inserted."""
        if not rows:
            return []
        if self.session.get_bind().dialect.name == "postgresql":
            # The rows as one JSON text: a short constant statement whatever the batch size
            # (nothing compiled or parsed per batch) and one string for the driver to send,
            # where arrays cost it a Python loop per value (measured: bench/collar_batch.py).
            statement = self.prebuilt("collar-readings-insert", _recordset_insert)
            result = await self.execute(statement, {"rows": _rows_json(rows)})
        else:
            # executemany of one constant statement: sent as one multi-row INSERT.
            result = await self.execute(self._returning_insert(), list(rows))
        return [(row[0], row[1], row[2]) for row in result.all()]

    def _returning_insert(self) -> Any:
        table = CollarReading.__table__
        return (
            self.insert_statement(table)
            .on_conflict_do_nothing(index_elements=["device_id", "measured_at"])
            .returning(table.c.id, table.c.device_id, table.c.measured_at)
        )

    async def latest_by_device_ids(self, device_ids: Sequence[int]) -> list[CollarReading | None]:
        """Each collar's most recent reading by its own clock, in one statement."""
        newest = (
            select(CollarReading.device_id, func.max(CollarReading.measured_at).label("at"))
            .where(CollarReading.device_id.in_(device_ids))
            .group_by(CollarReading.device_id)
            .subquery()
        )
        statement = select(CollarReading).join(
            newest,
            and_(
                CollarReading.device_id == newest.c.device_id,
                CollarReading.measured_at == newest.c.at,
            ),
        )
        return await self.in_key_order(statement, device_ids, lambda reading: reading.device_id)

    def _ranged(self, statement, device_ids: Sequence[int], start, end):
        statement = statement.where(CollarReading.device_id.in_(device_ids))
        if start is not None:
            statement = statement.where(CollarReading.measured_at >= start)
        if end is not None:
            statement = statement.where(CollarReading.measured_at < end)
        return statement

    async def track_page(
        self,
        device_id: int,
        start: dt.datetime | None,
        end: dt.datetime | None,
        after: tuple[dt.datetime, int] | None,
        limit: int,
    ) -> list[CollarReading]:
        """Up to ``limit`` readings in (measured_at, id) order, after the keyset cursor."""
        statement = self._ranged(select(CollarReading), [device_id], start, end)
        if after is not None:
            at, reading_id = after
            statement = statement.where(
                or_(
                    CollarReading.measured_at > at,
                    and_(CollarReading.measured_at == at, CollarReading.id > reading_id),
                )
            )
        ordered = statement.order_by(CollarReading.measured_at, CollarReading.id).limit(limit)
        return await self.scalars(ordered)

    async def track_count(self, device_id: int, start, end) -> int:
        return await self.count(self._ranged(select(CollarReading.id), [device_id], start, end))

    async def list_between(
        self, device_ids: Sequence[int], start: dt.datetime | None, end: dt.datetime | None
    ) -> list[CollarReading]:
        """Every reading of these collars in [start, end), oldest first (for analysis)."""
        if not device_ids:
            return []
        statement = self._ranged(select(CollarReading), device_ids, start, end)
        return await self.scalars(statement.order_by(CollarReading.measured_at, CollarReading.id))

    async def list_received_after(
        self, device_ids: Sequence[int], after_id: int, limit: int
    ) -> list[CollarReading]:
        """Readings stored after the reading ``after_id`` (ids grow with every insert), oldest
        stored first: what an incremental analysis has not seen yet."""
        if not device_ids:
            return []
        statement = (
            select(CollarReading)
            .where(CollarReading.device_id.in_(device_ids), CollarReading.id > after_id)
            .order_by(CollarReading.id)
            .limit(limit)
        )
        return await self.scalars(statement)
