"""Petty collar ingest (WIRE.md section 3) and the positions it stores.

Every rule on a reading lives here; the REST route only parses the wire shape:

* the collar is the device whose key came in ``X-API-Key`` or, failing that, as
  ``Authorization: Bearer <device key>``: a Petty "device token" is the collar's own pawgraph key
  (192 random bits, stored hashed), so both headers carry the same secret and one lookup checks
  either; ``X-API-Key`` wins when both are sent;
* ``collar_id`` must be that collar's hardware id;
* heart rate 30-300 bpm, activity level 0-2 (rest, active, play), a position on the globe
  (rounded to 6 decimal places, ~11 cm), a timestamp at most 30 days old and 1 hour ahead of the
  server's clock;
* a (collar, timestamp) already stored is a duplicate, skipped by the database's unique
  constraint (``ON CONFLICT DO NOTHING``), so a retried upload never doubles a reading;
* the accepted readings of a request are inserted by one multi-row statement, and the ones
  stored are broadcast on the collar's telemetry channel after the commit, in one message;
* requests that arrive together share one transaction (``collar_uploads``, a group commit):
  one lookup for all their keys, one insert for all their readings, each collar marked seen
  once, one commit; each request is
  answered after that commit, and one that is refused writes nothing.
"""

import datetime as dt
from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import NamedTuple, TypeAlias

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer, bearer_token
from graphql_api.collars.readings.errors import (
    CollarKeyInvalid,
    ReadingInvalid,
    ReadingsRejected,
    Rejection,
)
from graphql_api.collars.readings.models import CollarReading, Position
from graphql_api.collars.readings.repository import CollarReadingRepository
from graphql_api.devices import flows as devices_flows
from graphql_api.devices import service as devices_service
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.errors import NotAuthenticated, ValidationFailed
from graphql_api.group_commit import GroupCommit, Refused, process_group
from graphql_api.pagination import decode_cursor, encode_cursor
from graphql_api.settings import Settings
from graphql_api.state import AppState
from graphql_api.telemetry import service as telemetry_service
from graphql_api.telemetry.service import TelemetryEvent

MIN_HEART_RATE, MAX_HEART_RATE = 30, 300
ACTIVITY_LEVELS = {0: "rest", 1: "active", 2: "play"}
MAX_AGE = dt.timedelta(days=30)
MAX_AHEAD = dt.timedelta(hours=1)
COORDINATE_PLACES = 6
MAX_BATCH = 100


class ReportedReading(NamedTuple):
    """One reading as the collar sent it, parsed but not yet checked.

    A named tuple, not a frozen dataclass: a batch builds two per reading (parsed, then
    checked), and a frozen dataclass sets each field through ``object.__setattr__`` (1.8 against
    0.7 us per reading)."""

    collar_id: str
    measured_at: dt.datetime
    heart_rate: int
    activity_level: int
    longitude: float
    latitude: float


@dataclass(slots=True)
class IngestResult:
    stored: list[int] = field(default_factory=list)  # ids of the readings stored
    duplicates: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    @property
    def accepted(self) -> int:
        return len(self.stored) + self.duplicates


# ---- auth --------------------------------------------------------------------------------------


Credentials: TypeAlias = tuple[str | None, str | None]


async def authenticate(
    session: AsyncSession, settings: Settings, credentials: Collection[Credentials]
) -> dict[Credentials, Device | CollarKeyInvalid]:
    """Each request's credentials (``X-API-Key``, ``Authorization``) with the collar whose key
    came in either header (``Bearer``), or why they are refused (401); one statement for all."""
    outcomes: dict[Credentials, Device | CollarKeyInvalid] = {}
    keys: dict[Credentials, str] = {}
    for api_key, authorization in credentials:
        try:
            keys[(api_key, authorization)] = _collar_key(api_key, authorization)
        except CollarKeyInvalid as error:
            outcomes[(api_key, authorization)] = error
    collars = await devices_service.authenticate_keys(
        session, settings, set(keys.values()), DeviceKind.COLLAR
    )
    for pair, key in keys.items():
        outcomes[pair] = collars.get(key) or CollarKeyInvalid()
    return outcomes


def _collar_key(api_key: str | None, authorization: str | None) -> str:
    key = (api_key or "").strip()
    if not key:
        try:
            key = bearer_token(authorization) or ""
        except NotAuthenticated as error:
            raise CollarKeyInvalid(error.message) from error
    if not key:
        raise CollarKeyInvalid()
    return key


# ---- checking ----------------------------------------------------------------------------------


def check(device: Device, reading: ReportedReading, received_at: dt.datetime) -> ReportedReading:
    """The reading with its position rounded, or ReadingInvalid saying what is wrong."""
    if reading.collar_id.strip() != device.hardware_id:
        raise ReadingInvalid(
            f"collar_id {reading.collar_id!r} is not the collar this key belongs to."
        )
    if not MIN_HEART_RATE <= reading.heart_rate <= MAX_HEART_RATE:
        raise ReadingInvalid(
            f"heart_rate must be between {MIN_HEART_RATE} and {MAX_HEART_RATE}, "
            f"got {reading.heart_rate}."
        )
    if reading.activity_level not in ACTIVITY_LEVELS:
        raise ReadingInvalid(
            f"activity_level must be 0 (rest), 1 (active) or 2 (play), "
            f"got {reading.activity_level}."
        )
    if not -180 <= reading.longitude <= 180:
        raise ReadingInvalid(f"longitude must be between -180 and 180, got {reading.longitude}.")
    if not -90 <= reading.latitude <= 90:
        raise ReadingInvalid(f"latitude must be between -90 and 90, got {reading.latitude}.")
    if reading.measured_at < received_at - MAX_AGE:
        raise ReadingInvalid("timestamp is more than 30 days old.")
    if reading.measured_at > received_at + MAX_AHEAD:
        raise ReadingInvalid("timestamp is more than 1 hour in the future.")
    return ReportedReading(
        collar_id=device.hardware_id,
        measured_at=reading.measured_at,
        heart_rate=reading.heart_rate,
        activity_level=reading.activity_level,
        longitude=round(reading.longitude, COORDINATE_PLACES),
        latitude=round(reading.latitude, COORDINATE_PLACES),
    )


def _checked(
    device: Device,
    readings: Sequence[tuple[int, ReportedReading]],
    received_at: dt.datetime,
    rejected: list[Rejection],
) -> tuple[dict[dt.datetime, ReportedReading], int]:
    """The valid readings by timestamp (one repeated within the request counts once), and how
    many readings were valid."""
    valid: dict[dt.datetime, ReportedReading] = {}
    count = 0
    for index, reading in readings:
        try:
            clean = check(device, reading, received_at)
        except ReadingInvalid as error:
            rejected.append(Rejection(index, error.message))
            continue
        count += 1
        valid.setdefault(clean.measured_at, clean)
    return valid, count


# ---- storing -----------------------------------------------------------------------------------


def _row(device_id: int, reading: ReportedReading, received_at: dt.datetime) -> dict:
    return {
        "device_id": device_id,
        "measured_at": reading.measured_at,
        "received_at": received_at,
        "heart_rate": reading.heart_rate,
        "activity_level": reading.activity_level,
        "longitude": reading.longitude,
        "latitude": reading.latitude,
    }


def _event(
    device_id: int, hardware_id: str, reading: ReportedReading, received_at: dt.datetime
) -> TelemetryEvent:
    return TelemetryEvent(
        device_id=device_id,
        received_at=received_at,
        device_time=reading.measured_at,
        values={
            "heart_rate": float(reading.heart_rate),
            "activity_level": float(reading.activity_level),
            "longitude": reading.longitude,
            "latitude": reading.latitude,
        },
        persisted=True,
        state={"collar_id": hardware_id},
    )


@dataclass(frozen=True, slots=True)
class CollarUpload:
    """One ingest request as its route parsed it: the credentials it came with, its readings by
    index, the ones whose wire shape was wrong (``rejected``) or why the whole body was
    (``unreadable``, answered only once the key checks out), and when it arrived."""

    api_key: str | None
    authorization: str | None
    readings: Sequence[tuple[int, ReportedReading]]
    received_at: dt.datetime
    rejected: Sequence[Rejection] = ()
    batch: bool = False
    unreadable: ReadingInvalid | None = None


@dataclass(slots=True)
class _Accepted:
    """An upload whose collar authenticated, with at least one valid reading: those by
    timestamp (one repeated within the upload counts once) and how many were valid."""

    device: Device
    upload: CollarUpload
    valid: dict[dt.datetime, ReportedReading]
    valid_count: int
    result: IngestResult


async def ingest_uploads(
    session: AsyncSession, settings: Settings, uploads: Sequence[CollarUpload]
) -> list[IngestResult | Refused]:
    """``POST /ingest`` for one or many requests, in one transaction.

    Each upload is authenticated and checked on its own; one refused (CollarKeyInvalid, or
    ReadingsRejected when none of its readings is acceptable) has written nothing and gets
    ``Refused``. One statement then inserts the new readings of every upload; a (collar,
    timestamp) already stored, or sent earlier in the same transaction by another upload, is
    that upload's duplicate, as if the uploads had come one after the other. Each collar is
    marked seen once, as of its last upload, and each collar's stored readings are broadcast
    after the commit, in one message.
    """
    outcomes: list[IngestResult | Refused] = []
    accepted: list[_Accepted] = []
    collars = await authenticate(session, settings, {_credentials(upload) for upload in uploads})
    for upload in uploads:
        try:
            accepted.append(_accept(_collar_of(upload, collars), upload))
        except (CollarKeyInvalid, ReadingsRejected, ReadingInvalid) as error:
            outcomes.append(Refused(error))
            continue
        outcomes.append(accepted[-1].result)
    if accepted:
        await _store(session, accepted)
        await _mark_seen(session, accepted)
    return outcomes


def collar_uploads(state: AppState) -> GroupCommit[CollarUpload, IngestResult]:
    """This process's group commit of collar uploads (``ingest_uploads``, many to a
    transaction under load)."""
    return process_group(
        state,
        "collar_uploads",
        lambda session, batch: ingest_uploads(session, state.settings, batch),
        # one collar's uploads together, in the order they came; collars in key order
        order=lambda upload: (upload.api_key or "", upload.authorization or ""),
        writers=2,
    )


def _credentials(upload: CollarUpload) -> Credentials:
    return (upload.api_key, upload.authorization)


def _collar_of(
    upload: CollarUpload, collars: Mapping[Credentials, Device | CollarKeyInvalid]
) -> Device:
    collar = collars[_credentials(upload)]
    if isinstance(collar, CollarKeyInvalid):
        raise collar
    return collar


def _accept(device: Device, upload: CollarUpload) -> _Accepted:
    if upload.unreadable is not None:
        raise upload.unreadable
    if len(upload.readings) + len(upload.rejected) > MAX_BATCH:
        raise ReadingsRejected(
            f"A batch holds at most {MAX_BATCH} readings.", [], batch=upload.batch
        )
    result = IngestResult(rejected=list(upload.rejected))
    valid, valid_count = _checked(device, upload.readings, upload.received_at, result.rejected)
    result.rejected.sort(key=lambda rejection: rejection.index)
    if not valid:
        message = (
            result.rejected[0].reason
            if not upload.batch and result.rejected
            else f"All {len(result.rejected)} readings were rejected."
        )
        raise ReadingsRejected(message, result.rejected, batch=upload.batch)
    return _Accepted(device, upload, valid, valid_count, result)


async def _store(session: AsyncSession, accepted: Sequence[_Accepted]) -> None:
    rows = []
    first_sent: dict[tuple[int, dt.datetime], _Accepted] = {}
    for upload in accepted:
        # (an ORM attribute read costs more than the tuple: once per upload, not per reading)
        device_id, received_at = upload.device.id, upload.upload.received_at
        for measured_at, reading in upload.valid.items():
            slot = (device_id, measured_at)
            if slot not in first_sent:
                first_sent[slot] = upload
                rows.append(_row(device_id, reading, received_at))
    inserted = await CollarReadingRepository(session).insert_new(rows)
    hardware_ids = {upload.device.id: upload.device.hardware_id for upload in accepted}
    stored_by_device: dict[int, list[TelemetryEvent]] = {}
    for reading_id, device_id, measured_at in inserted:
        upload = first_sent[(device_id, measured_at)]
        upload.result.stored.append(reading_id)
        reading, received_at = upload.valid[measured_at], upload.upload.received_at
        event = _event(device_id, hardware_ids[device_id], reading, received_at)
        stored_by_device.setdefault(device_id, []).append(event)
    for device_id, stored in stored_by_device.items():
        telemetry_service.publish_readings(session, device_id, stored)
    for upload in accepted:
        upload.result.duplicates = upload.valid_count - len(upload.result.stored)


async def _mark_seen(session: AsyncSession, accepted: Sequence[_Accepted]) -> None:
    """Each collar seen once, as its last upload in the transaction reported; their OFFLINE
    alerts cleared together, as of the newest upload."""
    last_upload = {upload.device.id: upload for upload in accepted}
    await devices_service.record_heartbeats(
        session,
        [
            (
                upload.device,
                devices_service.FeederHeartbeat(device_time=max(upload.valid)),
                upload.upload.received_at,
            )
            for upload in last_upload.values()
        ],
    )
    newest = max(upload.upload.received_at for upload in accepted)
    devices = [upload.device for upload in last_upload.values()]
    await devices_flows.devices_reported(session, devices, newest)


# ---- reading back ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrackPage:
    readings: list[CollarReading]
    cursors: list[str]
    has_next_page: bool
    has_previous_page: bool
    count_total: Callable[[], Awaitable[int]]


def _cursor(reading: CollarReading) -> str:
    micros = int(reading.measured_at.timestamp() * 1_000_000)
    return encode_cursor((micros, reading.id))


def _after(cursor: str) -> tuple[dt.datetime, int]:
    parts = decode_cursor(cursor, "after")
    if not isinstance(parts, tuple) or len(parts) != 2:
        raise ValidationFailed("`after` is not a cursor of this track.", field="after")
    micros, reading_id = parts
    return dt.datetime.fromtimestamp(micros / 1_000_000, dt.UTC), reading_id


async def track(
    session: AsyncSession,
    viewer: Viewer | None,
    device_id: int,
    start: dt.datetime | None,
    end: dt.datetime | None,
    *,
    first: int | None,
    after: str | None,
    max_page_size: int,
) -> TrackPage | None:
    """A page of a readable collar's readings in [start, end), oldest first; None if the
    device is not readable."""
    if first is not None and not 0 <= first <= max_page_size:
        raise ValidationFailed(f"`first` must be between 0 and {max_page_size}.", field="first")
    if start is not None and end is not None and start >= end:
        raise ValidationFailed("`from` must be before `to`.", field="from")
    if await devices_service.get(session, viewer, device_id) is None:
        return None
    limit = max_page_size if first is None else first
    repository = CollarReadingRepository(session)
    rows = await repository.track_page(
        device_id, start, end, _after(after) if after else None, limit + 1
    )
    page = rows[:limit]
    return TrackPage(
        readings=page,
        cursors=[_cursor(reading) for reading in page],
        has_next_page=len(rows) > limit,
        has_previous_page=after is not None,
        count_total=partial(repository.track_count, device_id, start, end),
    )


async def last_readings(
    session: AsyncSession, device_ids: Sequence[int]
) -> list[CollarReading | None]:
    """Each collar's newest reading (for devices the caller already resolved as readable)."""
    return await CollarReadingRepository(session).latest_by_device_ids(device_ids)


def position_of(reading: CollarReading) -> Position:
    return reading.position
