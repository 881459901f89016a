import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    ScalarSelect,
    and_,
    cast,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from graphql_api.repository import RepositoryBase
from graphql_api.telemetry.models import TelemetryCursor, TelemetryPoint, TelemetryWatcher

_DIALECT_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


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

    @property
    def _dialect(self) -> str:
        return self.session.get_bind().dialect.name

    # ---- writes ---------------------------------------------------------------------------------

    async def insert_points(self, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            await self.execute(_DIALECT_INSERTS[self._dialect](TelemetryPoint).values(list(rows)))

    async def claim_persist_slot(
        self, device_id: int, stream: str, now: dt.datetime, interval: dt.timedelta
    ) -> bool:
        """True if ``now`` is the stream's next persist time, and record it; one statement.

        The upsert's WHERE runs under the row lock (PostgreSQL re-checks it against the newest
        row version after waiting), so of two processes racing for a slot only one wins.
        """
        insert = _DIALECT_INSERTS[self._dialect]
        statement = (
            insert(TelemetryCursor)
            .values(device_id=device_id, stream=stream, persisted_at=now)
            .on_conflict_do_update(
                index_elements=["device_id", "stream"],
                set_={"persisted_at": now},
                where=TelemetryCursor.persisted_at <= now - interval,
            )
            .returning(TelemetryCursor.device_id)
        )
        return (await self.execute(statement)).first() is not None

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
        after: tuple[dt.datetime, int] | None,
        limit: int,
    ) -> list[TelemetryPoint]:
        """Up to ``limit`` points in (received_at, id) order, after the keyset cursor."""
        statement = self._filtered(select(TelemetryPoint), device_id, keys, start, end)
        if after is not None:
            at, point_id = after
            statement = statement.where(
                or_(
                    TelemetryPoint.received_at > at,
                    and_(TelemetryPoint.received_at == at, TelemetryPoint.id > point_id),
                )
            )
        ordered = statement.order_by(TelemetryPoint.received_at, TelemetryPoint.id).limit(limit)
        return await self.scalars(ordered)

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
        after: tuple[int, str] | None,
        limit: int,
    ) -> list[Any]:
        """Up to ``limit`` (key, bucket, min, max, avg, count) rows in (bucket, key) order."""
        buckets = self._buckets(device_id, keys, start, end, width_seconds)
        statement = select(buckets)
        if after is not None:
            epoch, key = after
            statement = statement.where(
                or_(buckets.c.bucket > epoch, and_(buckets.c.bucket == epoch, buckets.c.key > key))
            )
        statement = statement.order_by(buckets.c.bucket, buckets.c.key).limit(limit)
        return list((await self.execute(statement)).all())

    async def bucket_count(
        self, device_id: int, keys: Sequence[str], start, end, width_seconds: int
    ) -> int:
        buckets = self._buckets(device_id, keys, start, end, width_seconds)
        return int(await self.scalar(select(func.count()).select_from(buckets)) or 0)

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

    async def refresh_watcher(self, watcher_id: str, until: dt.datetime) -> None:
        await self.execute(
            update(TelemetryWatcher)
            .where(TelemetryWatcher.id == watcher_id)
            .values(watched_until=until)
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
