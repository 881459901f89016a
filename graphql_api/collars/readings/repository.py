import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import and_, func, or_, select

from graphql_api.collars.readings.models import CollarReading
from graphql_api.repository import RepositoryBase


class CollarReadingRepository(RepositoryBase[CollarReading]):
    """Collar readings; callers establish the viewer may read the collar before asking."""

    model = CollarReading

    async def insert_new(self, rows: Sequence[dict[str, Any]]) -> list[tuple[int, dt.datetime]]:
        """Insert ``rows`` in one round trip; a (collar, measured_at) already stored is
        skipped by the unique constraint. Returns (id, measured_at) of the rows inserted."""
        if not rows:
            return []
        # The rows go as executemany parameters of one constant Core statement: SQLAlchemy
        # sends them as one multi-row INSERT ("insertmanyvalues") and compiles the statement
        # once per process. `.values(rows)` would compile a new statement for every batch
        # (most of a 100-reading request's CPU, measured with bench/collar_batch.py).
        table = CollarReading.__table__
        statement = (
            self.insert_statement(table)
            .on_conflict_do_nothing(index_elements=["device_id", "measured_at"])
            .returning(table.c.id, table.c.measured_at)
        )
        return [(row[0], row[1]) for row in (await self.execute(statement, list(rows))).all()]

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
