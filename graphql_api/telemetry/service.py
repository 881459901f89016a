"""Telemetry: what devices measure, stored as a time series and broadcast live.

Every reading is published on ``device.{id}.telemetry`` (after the commit, like every event),
the readings of one device that one transaction received in one message.
Storing is optionally throttled per device *stream*: a stream names readings that arrive
together (an outlet's two currents, a hub's breaker load) and at most one of them is stored per
``PAWGRAPH_TELEMETRY_PERSIST_INTERVAL``; the throttle's state lives in the database so every API
process agrees. Queries return raw points or min/max/avg/count buckets computed in SQL.
"""

import datetime as dt
import enum
import re
import secrets
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from graphql_api import events
from graphql_api.auth import Viewer
from graphql_api.devices import service as devices_service
from graphql_api.settings import Settings
from graphql_api.telemetry.errors import InvalidTelemetryKey, InvalidTelemetryRange
from graphql_api.telemetry.models import TelemetryPoint
from graphql_api.telemetry.pages import (
    TelemetryPageArgs,
    bucket_cursor,
    encode_cursor,
    raw_cursor,
)
from graphql_api.telemetry.repository import StoredPoint, TelemetryRepository

_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MAX_KEYS = 10
# A bucketed query scans its whole range in the database; this bounds that work per page.
MAX_BUCKETS_PER_KEY = 10_000
DEFAULT_BUCKET_RANGE = dt.timedelta(hours=24)
# A live watcher counts for WATCH_TTL after its last refresh; subscriptions refresh every
# WATCH_REFRESH, so a process that died stops counting within WATCH_TTL.
WATCH_TTL = dt.timedelta(seconds=15)
WATCH_REFRESH = dt.timedelta(seconds=5)
# ``record``'s default for a stream cursor the caller did not read.
UNREAD: Any = object()


class TelemetryKey(enum.StrEnum):
    """Keys pawgraph's own routes write; any other key matching ``_KEY`` is allowed too."""

    CURRENT_A = "current_a"
    CURRENT_B = "current_b"
    BREAKER_CURRENT = "breaker_current"
    # a PETio feeder's heartbeat
    HOPPER_PERCENT = "hopper_percent"
    HOPPER_MM = "hopper_mm"
    WIFI_RSSI = "wifi_rssi"
    DAILY_FEEDS = "daily_feeds"
    UPTIME_SECONDS = "uptime_seconds"


class TelemetryBucket(enum.Enum):
    ONE_MINUTE = 60
    FIVE_MINUTES = 300
    ONE_HOUR = 3600
    ONE_DAY = 86400

    @property
    def width(self) -> dt.timedelta:
        return dt.timedelta(seconds=self.value)


class TelemetryEvent(TypedDict):
    """One reading of a device as its live watchers receive it, stored or not.

    A dict that pydantic checks when a message is read, not a model: a collar's batch builds a
    hundred of them, and validating each on construction cost more than writing the whole
    message (0.14 of 0.25 ms per batch of 100)."""

    device_id: int
    received_at: dt.datetime
    device_time: dt.datetime | None
    values: dict[str, float]
    persisted: bool
    # What else the reading said about the device (an outlet's relays and overload flag).
    state: dict[str, Any]


# A message on ``device.{id}.telemetry``: a JSON array of the device's readings from one
# transaction, in the order they were stored (one for an outlet's or a feeder's reading, a
# whole upload for a collar's batch: one message for the bus and for every process watching
# the collar, not one per reading).
_READINGS: TypeAdapter[list[TelemetryEvent]] = TypeAdapter(list[TelemetryEvent])
# What a message may be: also a single object, one reading, as a process of the previous
# release publishes it and its outbox may still hold it. (Not used to write: pydantic's union
# serializer takes twice as long as the list's.)
_RECEIVED: TypeAdapter[list[TelemetryEvent] | TelemetryEvent] = TypeAdapter(
    list[TelemetryEvent] | TelemetryEvent
)


def publish_readings(session: AsyncSession, device_id: int, readings: list[TelemetryEvent]) -> None:
    """Broadcast ``readings`` of one device, once the transaction commits, in one message."""
    message = _READINGS.dump_json(readings).decode()
    events.publish_message(session, events.device_telemetry_channel(device_id), message)


def readings_of(message: str) -> list[TelemetryEvent]:
    """The readings a message on ``device.{id}.telemetry`` carries."""
    received = _RECEIVED.validate_json(message)
    return received if isinstance(received, list) else [received]


@dataclass(frozen=True, slots=True)
class TelemetryQuery:
    device_id: int
    keys: Sequence[str] = ()
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    bucket: TelemetryBucket | None = None


@dataclass(frozen=True, slots=True)
class TelemetrySample:
    """A raw point (count 1, min = max = avg = value) or a bucket of points."""

    key: str
    at: dt.datetime
    value: float
    minimum: float
    maximum: float
    average: float
    count: int
    cursor: str
    end: dt.datetime | None = None
    device_time: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class TelemetryPage:
    samples: list[TelemetrySample]
    has_next_page: bool
    has_previous_page: bool
    count_total: Callable[[], Awaitable[int]]


# ---- recording -----------------------------------------------------------------------------------


def validate_key(key: str, field: str = "keys") -> str:
    if not _KEY.match(key):
        raise InvalidTelemetryKey(field=field)
    return key


def _may_be_due(
    stream_persisted_at: dt.datetime | None | object,
    received_at: dt.datetime,
    interval: dt.timedelta,
) -> bool:
    """False only when the stream's cursor, read earlier in the transaction, already rules this
    reading out. The cursor only ever moves forward (a claim sets it to a later time), so a
    slot it had taken then is taken now: skipping the claim cannot skip a slot."""
    if stream_persisted_at is UNREAD or stream_persisted_at is None:
        return True
    return stream_persisted_at <= received_at - interval


@dataclass(frozen=True, slots=True)
class Measurement:
    """One reading of a device, for ``record_many``: what it measured, when it arrived, the
    device's own time, and what else it said about the device (``TelemetryEvent.state``)."""

    values: Mapping[str, float]
    received_at: dt.datetime
    device_time: dt.datetime | None = None
    state: Mapping[str, Any] | None = None


async def record(
    session: AsyncSession,
    settings: Settings,
    device_id: int,
    values: Mapping[str, float],
    received_at: dt.datetime,
    *,
    device_time: dt.datetime | None = None,
    stream: str | None = None,
    state: Mapping[str, Any] | None = None,
    stream_persisted_at: dt.datetime | None | object = UNREAD,
) -> bool:
    """Broadcast a reading and store it unless its ``stream`` was stored within the interval.

    Without a stream every reading is stored. Returns whether this one was. A caller that read
    the stream's cursor in this transaction already (``persisted_at_subquery``) passes it as
    ``stream_persisted_at`` (None: never stored): a reading it shows to be within the interval
    is then not stored without asking the database again, which spares the hot path a write
    (and its row lock) on every reading but the one per interval that is stored.
    """
    (persisted,) = await record_many(
        session,
        settings,
        device_id,
        [Measurement(values, received_at, device_time, state)],
        stream=stream,
        stream_persisted_at=stream_persisted_at,
    )
    return persisted


async def record_many(
    session: AsyncSession,
    settings: Settings,
    device_id: int,
    measurements: Sequence[Measurement],
    *,
    stream: str | None = None,
    stream_persisted_at: dt.datetime | None | object = UNREAD,
) -> list[bool]:
    """``record`` for readings of one device, in the order they were measured: each stored
    as the throttle allows (whether it was, in order), their points in one insert, and all of
    them broadcast in one message. A key that is not one refuses them all, before any write.

    A slot this transaction claimed moves the cursor it knows of to that reading, so the
    readings after it within the interval are not stored without asking the database."""
    for measurement in measurements:
        for key in measurement.values:
            validate_key(key)
    repository = TelemetryRepository(session)
    interval = settings.telemetry_persist_interval
    cursor = stream_persisted_at
    stored: list[bool] = []
    points: list[dict[str, Any]] = []
    for measurement in measurements:
        at = measurement.received_at
        if stream is None:
            persisted = True
        elif not _may_be_due(cursor, at, interval):
            persisted = False
        else:
            persisted = await repository.claim_persist_slot(device_id, stream, at, interval)
            # Claimed: the cursor is this reading's time (held by this transaction until it
            # ends). Lost: another transaction's is newer, by how much unknown here.
            cursor = at if persisted else UNREAD
        stored.append(persisted)
        if persisted:
            points.extend(
                {
                    "device_id": device_id,
                    "key": key,
                    "value": float(value),
                    "device_time": measurement.device_time,
                    "received_at": at,
                }
                for key, value in measurement.values.items()
            )
    if points:
        await repository.insert_points(points)
    publish_readings(
        session,
        device_id,
        [
            TelemetryEvent(
                device_id=device_id,
                received_at=measurement.received_at,
                device_time=measurement.device_time,
                values=dict(measurement.values),
                persisted=persisted,
                state=dict(measurement.state or {}),
            )
            for measurement, persisted in zip(measurements, stored, strict=True)
        ],
    )
    return stored


# ---- querying ------------------------------------------------------------------------------------


def _validated(query: TelemetryQuery, now: dt.datetime) -> TelemetryQuery:
    if len(query.keys) > MAX_KEYS:
        raise InvalidTelemetryKey(f"Ask for at most {MAX_KEYS} keys.", field="keys")
    keys = sorted({validate_key(key) for key in query.keys})
    start, end = query.start, query.end
    if start is not None and end is not None and start >= end:
        raise InvalidTelemetryRange("`from` must be before `to`.", field="from")
    if query.bucket is not None:
        end = end or now
        start = start or end - DEFAULT_BUCKET_RANGE
        if (end - start) / query.bucket.width > MAX_BUCKETS_PER_KEY:
            raise InvalidTelemetryRange(
                f"At most {MAX_BUCKETS_PER_KEY} buckets of {query.bucket.name} per query: "
                "narrow `from`/`to` or use a wider bucket.",
                field="from",
            )
    return TelemetryQuery(query.device_id, keys, start, end, query.bucket)


def _point_sample(point: TelemetryPoint | StoredPoint) -> TelemetrySample:
    return TelemetrySample(
        key=point.key,
        at=point.received_at,
        value=point.value,
        minimum=point.value,
        maximum=point.value,
        average=point.value,
        count=1,
        cursor=encode_cursor("p", point.received_at.isoformat(), str(point.id)),
        device_time=point.device_time,
    )


def _bucket_sample(row: Any, bucket: TelemetryBucket) -> TelemetrySample:
    start = dt.datetime.fromtimestamp(int(row.bucket), dt.UTC)
    return TelemetrySample(
        key=row.key,
        at=start,
        value=float(row.avg),
        minimum=float(row.min),
        maximum=float(row.max),
        average=float(row.avg),
        count=int(row.count),
        cursor=encode_cursor("b", str(int(row.bucket)), row.key),
        end=start + bucket.width,
    )


async def query(
    session: AsyncSession,
    viewer: Viewer | None,
    telemetry_query: TelemetryQuery,
    page: TelemetryPageArgs,
    *,
    max_page_size: int,
    now: dt.datetime,
) -> TelemetryPage | None:
    """A page of a readable device's telemetry; None if the device is not readable.

    Raw points are ordered by receive time; buckets by start, then key. ``last`` pages walk
    back from the newest with a keyset query in descending order.
    """
    limit = page.limit(max_page_size)
    if await devices_service.get(session, viewer, telemetry_query.device_id) is None:
        return None
    q = _validated(telemetry_query, now)
    repository = TelemetryRepository(session)
    cursor = page.cursor
    if q.bucket is None:
        rows = await repository.raw_page(
            q.device_id,
            q.keys,
            q.start,
            q.end,
            raw_cursor(*cursor) if cursor else None,
            limit + 1,
            newest_first=page.backwards,
        )
        samples = [_point_sample(point) for point in rows]
        count = partial(repository.raw_count, q.device_id, q.keys, q.start, q.end)
    else:
        width = q.bucket.value
        rows = await repository.bucket_page(
            q.device_id,
            q.keys,
            q.start,
            q.end,
            width,
            bucket_cursor(*cursor) if cursor else None,
            limit + 1,
            newest_first=page.backwards,
        )
        samples = [_bucket_sample(row, q.bucket) for row in rows]
        count = partial(repository.bucket_count, q.device_id, q.keys, q.start, q.end, width)
    more = len(samples) > limit
    samples = samples[:limit]
    if page.backwards:
        samples.reverse()
        return TelemetryPage(samples, cursor is not None, more, count)
    return TelemetryPage(samples, more, cursor is not None, count)


async def latest_by_device(
    session: AsyncSession, device_ids: Sequence[int]
) -> dict[int, list[TelemetrySample]]:
    """Each device's newest stored point per key, by key; one statement for all devices.

    Callers pass devices they loaded through a viewer-scoped loader.
    """
    latest: dict[int, list[TelemetrySample]] = {}
    for point in await TelemetryRepository(session).latest_points(device_ids):
        latest.setdefault(point.device_id, []).append(_point_sample(point))
    return latest


# ---- who is watching live ------------------------------------------------------------------------


async def start_watch(session: AsyncSession, device_id: int, now: dt.datetime) -> str:
    """Register a live watcher of the device; returns its id for refresh and end."""
    repository = TelemetryRepository(session)
    await repository.prune_watchers(now)
    watcher_id = secrets.token_hex(16)
    await repository.add_watcher(watcher_id, device_id, now, now + WATCH_TTL)
    return watcher_id


async def refresh_watches(
    session: AsyncSession, watcher_ids: Sequence[str], now: dt.datetime
) -> None:
    """Keep these watchers alive for another ``WATCH_TTL``, in one statement."""
    await TelemetryRepository(session).refresh_watchers(watcher_ids, now + WATCH_TTL)


async def restart_watch(session: AsyncSession, watcher_id: str, now: dt.datetime) -> None:
    """Another live watcher of the same device began: it counts as the newest watch (the hub
    focuses on the outlet watched most recently) and lives another ``WATCH_TTL``."""
    await TelemetryRepository(session).restart_watcher(watcher_id, now, now + WATCH_TTL)


async def end_watch(session: AsyncSession, watcher_id: str) -> None:
    await TelemetryRepository(session).remove_watcher(watcher_id)


async def watched_since(
    session: AsyncSession, device_ids: Sequence[int], now: dt.datetime
) -> dict[int, dt.datetime]:
    """Devices someone is watching live right now, with when the newest watch began."""
    return await TelemetryRepository(session).latest_watch_starts(device_ids, now)
