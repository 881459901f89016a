import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    ScalarSelect,
    Select,
    and_,
    bindparam,
    cast,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.orm import aliased

from graphql_api.devices.models import Device
from graphql_api.repository import RepositoryBase
from graphql_api.telemetry.models import TelemetryCursor, TelemetryPoint, TelemetryWatcher


class StoredPoint(NamedTuple):
    """A stored point as a row (``latest_points``), with the attributes of a TelemetryPoint."""

    id: int
    device_id: int
    key: str
    value: float
    device_time: dt.datetime | None
    received_at: dt.datetime


def persisted_at_subquery(
    device_id: ColumnElement[int], stream: str | ColumnElement[str]
) -> ScalarSelect[dt.datetime]:
    """When the device's ``stream`` was last stored (NULL: never), for a statement that reads it
    along with other work; see ``telemetry.service.record``'s ``stream_persisted_at``."""
    return (
        select(TelemetryCursor.persisted_at)
        .where(TelemetryCursor.device_id == device_id, TelemetryCursor.stream == stream)
        .scalar_subquery()
    )


class TelemetryRepository(RepositoryBase[TelemetryPoint]):
    """Telemetry rows; callers establish the viewer may read the device before asking."""

    model = TelemetryPoint

    # ---- writes ---------------------------------------------------------------------------------

    async def insert_points(self, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            await self.execute(self.insert_statement(TelemetryPoint).values(list(rows)))

    async def claim_persist_slot(
        self, device_id: int, stream: str, now: dt.datetime, interval: dt.timedelta
    ) -> bool:
        """True if ``now`` is the stream's next persist time, and record it; one statement.

        The upsert's WHERE runs under the row lock (PostgreSQL re-checks it against the newest
        row version after waiting), so of two processes racing for a slot only one wins.
        """
        statement = self.prebuilt("claim-persist-slot", self._claim_slot_statement)
        params = {
            "slot_device_id": device_id,
            "slot_stream": stream,
            "slot_at": now,
            "slot_free_before": now - interval,
        }
        return (await self.execute(statement, params)).first() is not None

    def _claim_slot_statement(self) -> Any:
        cursors = TelemetryCursor.__table__
        at = bindparam("slot_at", type_=cursors.c.persisted_at.type)
        return (
            self.insert_statement(cursors)
            .values(
                device_id=bindparam("slot_device_id"),
                stream=bindparam("slot_stream", type_=cursors.c.stream.type),
                persisted_at=at,
            )
            .on_conflict_do_update(
                index_elements=["device_id", "stream"],
                set_={"persisted_at": at},
                where=cursors.c.persisted_at
                <= bindparam("slot_free_before", type_=cursors.c.persisted_at.type),
            )
            .returning(cursors.c.device_id)
        )

    # ---- reads ----------------------------------------------------------------------------------

    def _filtered(self, statement, device_id: int, keys: Sequence[str], start, end):
        statement = statement.where(TelemetryPoint.device_id == device_id)
        if keys:
            statement = statement.where(TelemetryPoint.key.in_(keys))
        if start is not None:
            statement = statement.where(TelemetryPoint.received_at >= start)
        if end is not None:
            statement = statement.where(TelemetryPoint.received_at < end)
        return statement

    async def raw_page(
        self,
        device_id: int,
        keys: Sequence[str],
        start: dt.datetime | None,
        end: dt.datetime | None,
        cursor: tuple[dt.datetime, int] | None,
        limit: int,
        *,
        newest_first: bool = False,
    ) -> list[TelemetryPoint]:
        """Up to ``limit`` points in (received_at, id) order (descending if ``newest_first``),
        beyond the keyset cursor in that order."""
        statement = self._filtered(select(TelemetryPoint), device_id, keys, start, end)
        at_column, id_column = TelemetryPoint.received_at, TelemetryPoint.id
        if cursor is not None:
            at, point_id = cursor
            if newest_first:
                beyond = or_(at_column < at, and_(at_column == at, id_column < point_id))
            else:
                beyond = or_(at_column > at, and_(at_column == at, id_column > point_id))
            statement = statement.where(beyond)
        order = (at_column.desc(), id_column.desc()) if newest_first else (at_column, id_column)
        return await self.scalars(statement.order_by(*order).limit(limit))

    async def raw_count(self, device_id: int, keys: Sequence[str], start, end) -> int:
        return await self.count(
            self._filtered(select(TelemetryPoint.id), device_id, keys, start, end)
        )

    def _bucket_epoch(self, width_seconds: int) -> ColumnElement[int]:
        """The bucket's start in Unix seconds, computed by the database.

        Epoch arithmetic (``e - e % width``) works for every width on both backends, unlike
        date_trunc (PostgreSQL only, and no five-minute unit).
        """
        if self._dialect == "postgresql":
            epoch = cast(func.floor(func.extract("epoch", TelemetryPoint.received_at)), BigInteger)
        else:
            # SQLite keeps UTCDateTime as "YYYY-MM-DD HH:MM:SS.ffffff" in UTC.
            epoch = cast(func.strftime("%s", TelemetryPoint.received_at), Integer)
        return epoch - epoch % width_seconds

    def _buckets(self, device_id: int, keys: Sequence[str], start, end, width_seconds: int):
        bucket = self._bucket_epoch(width_seconds).label("bucket")
        grouped = select(
            TelemetryPoint.key.label("key"),
            bucket,
            func.min(TelemetryPoint.value).label("min"),
            func.max(TelemetryPoint.value).label("max"),
            func.avg(TelemetryPoint.value).label("avg"),
            func.count().label("count"),
        )
        grouped = self._filtered(grouped, device_id, keys, start, end)
        return grouped.group_by(TelemetryPoint.key, bucket).subquery("buckets")

    async def bucket_page(
        self,
        device_id: int,
        keys: Sequence[str],
        start: dt.datetime,
        end: dt.datetime,
        width_seconds: int,
        cursor: tuple[int, str] | None,
        limit: int,
        *,
        newest_first: bool = False,
    ) -> list[Any]:
        """Up to ``limit`` (key, bucket, min, max, avg, count) rows in (bucket, key) order
        (descending if ``newest_first``), beyond the keyset cursor in that order."""
        buckets = self._buckets(device_id, keys, start, end, width_seconds)
        statement = select(buckets)
        bucket, key_column = buckets.c.bucket, buckets.c.key
        if cursor is not None:
            epoch, key = cursor
            if newest_first:
                beyond = or_(bucket < epoch, and_(bucket == epoch, key_column < key))
            else:
                beyond = or_(bucket > epoch, and_(bucket == epoch, key_column > key))
            statement = statement.where(beyond)
        order = (bucket.desc(), key_column.desc()) if newest_first else (bucket, key_column)
        return list((await self.execute(statement.order_by(*order).limit(limit))).all())

    async def bucket_count(
        self, device_id: int, keys: Sequence[str], start, end, width_seconds: int
    ) -> int:
        buckets = self._buckets(device_id, keys, start, end, width_seconds)
        return int(await self.scalar(select(func.count()).select_from(buckets)) or 0)

    async def latest_points(self, device_ids: Sequence[int]) -> list[StoredPoint]:
        """The newest stored point of every key of every device in ``device_ids``, in one
        statement whatever the number of devices.

        A loose index scan on (device_id, key, received_at): the recursive CTE steps through
        each device's distinct keys, one index probe per key, and each key's newest point is
        one more probe. A GROUP BY (or DISTINCT ON) would read every point the devices ever
        stored. Written with correlated scalar subqueries, as PostgreSQL's and SQLite's
        recursive CTEs both allow.
        """
        if not device_ids:
            return []
        rows = await self.prebuilt_rows(
            "latest-points", _latest_points_statement, {"device_ids": list(device_ids)}
        )
        return [StoredPoint(*row) for row in rows]

    # ---- live watchers --------------------------------------------------------------------------

    async def add_watcher(
        self, watcher_id: str, device_id: int, now: dt.datetime, until: dt.datetime
    ) -> None:
        self.add(
            TelemetryWatcher(
                id=watcher_id, device_id=device_id, started_at=now, watched_until=until
            )
        )
        await self.flush()

    async def refresh_watchers(self, watcher_ids: Sequence[str], until: dt.datetime) -> None:
        await self.execute(
            update(TelemetryWatcher)
            .where(TelemetryWatcher.id.in_(list(watcher_ids)))
            .values(watched_until=until)
        )

    async def restart_watcher(
        self, watcher_id: str, started: dt.datetime, until: dt.datetime
    ) -> None:
        await self.execute(
            update(TelemetryWatcher)
            .where(TelemetryWatcher.id == watcher_id)
            .values(started_at=started, watched_until=until)
        )

    async def remove_watcher(self, watcher_id: str) -> None:
        await self.execute(delete(TelemetryWatcher).where(TelemetryWatcher.id == watcher_id))

    async def prune_watchers(self, now: dt.datetime) -> None:
        await self.execute(delete(TelemetryWatcher).where(TelemetryWatcher.watched_until < now))

    async def latest_watch_starts(
        self, device_ids: Sequence[int], now: dt.datetime
    ) -> dict[int, dt.datetime]:
        """For each watched device, when its newest live watcher started."""
        if not device_ids:
            return {}
        statement = (
            select(TelemetryWatcher.device_id, func.max(TelemetryWatcher.started_at))
            .where(TelemetryWatcher.device_id.in_(device_ids), TelemetryWatcher.watched_until > now)
            .group_by(TelemetryWatcher.device_id)
        )
        rows = (await self.execute(statement)).all()
        # max() over a UTCDateTime loses the column type on SQLite: normalise here.
        return {device_id: _as_utc(started) for device_id, started in rows}


def _as_utc(value: dt.datetime | str) -> dt.datetime:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _latest_points_statement() -> Select[Any]:
    """``latest_points``'s statement, built once (``prebuilt``): a dashboard asks for it on
    every request, and building its aliases and CTE cost more Python than running it (the
    device ids are a bound, expanding parameter). It selects ``StoredPoint``'s columns."""
    first_key = aliased(TelemetryPoint)
    next_key = aliased(TelemetryPoint)
    newest = aliased(TelemetryPoint)
    seed = select(
        Device.id.label("device_id"),
        select(func.min(first_key.key))
        .where(first_key.device_id == Device.id)
        .scalar_subquery()
        .label("key"),
    ).where(Device.id.in_(bindparam("device_ids", expanding=True)))
    keys = seed.cte("device_keys", recursive=True)
    keys = keys.union_all(
        select(
            keys.c.device_id,
            select(func.min(next_key.key))
            .where(next_key.device_id == keys.c.device_id, next_key.key > keys.c.key)
            .scalar_subquery(),
        ).where(keys.c.key.is_not(None))
    )
    newest_ids = select(
        select(newest.id)
        .where(newest.device_id == keys.c.device_id, newest.key == keys.c.key)
        .order_by(newest.received_at.desc(), newest.id.desc())
        .limit(1)
        .scalar_subquery()
    ).where(keys.c.key.is_not(None))
    point = TelemetryPoint.__table__.c
    return (
        select(*(point[name] for name in StoredPoint._fields))
        .where(point.id.in_(newest_ids))
        .order_by(point.device_id, point.key)
    )
