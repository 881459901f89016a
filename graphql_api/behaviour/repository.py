"""Every query of the behaviour domain. Reads are scoped by the caller through the pet (owner
or staff, checked with ``pets.service``) before they get here, except the analysis job's,
which works for every pet."""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, and_, delete, func, or_, select, update

from graphql_api.accounts.models import User
from graphql_api.behaviour.models import (
    BehaviourAnomaly,
    BehaviourCorrection,
    BehaviourDay,
    BehaviourSegment,
    BehaviourState,
    NutritionPlanApplication,
)
from graphql_api.collars.readings.models import CollarReading
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.pets.models import Pet
from graphql_api.repository import RepositoryBase
from graphql_api.schedules.models import FeedingSchedule
from graphql_api.telemetry.models import TelemetryPoint

ACCEL_KEYS = ("accel_x", "accel_y", "accel_z")


class SegmentRepository(RepositoryBase[BehaviourSegment]):
    model = BehaviourSegment

    def owned_statement(self, user_id: int | None) -> Select[tuple[BehaviourSegment]]:
        """Segments of ``user_id``'s pets (None: every pet, for staff)."""
        statement = select(BehaviourSegment)
        if user_id is not None:
            statement = statement.join(Pet, Pet.id == BehaviourSegment.pet_id).where(
                Pet.owner_id == user_id
            )
        return statement

    async def get_by_ids(self, user_id: int | None, ids: Sequence[int]) -> list[Any]:
        statement = self.owned_statement(user_id).where(BehaviourSegment.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda segment: segment.id)

    async def overlapping(
        self, pet_ids: Sequence[int], start: dt.datetime, end: dt.datetime
    ) -> list[BehaviourSegment]:
        """Segments of these pets overlapping [start, end), in time order: one statement."""
        statement = (
            select(BehaviourSegment)
            .where(
                BehaviourSegment.pet_id.in_(pet_ids),
                BehaviourSegment.started_at < end,
                BehaviourSegment.ended_at > start,
            )
            .order_by(BehaviourSegment.pet_id, BehaviourSegment.started_at)
        )
        return await self.scalars(statement)

    async def replace_span(
        self, pet_id: int, start: dt.datetime, end: dt.datetime, rows: Sequence[dict[str, Any]]
    ) -> None:
        """Drop the pet's segments overlapping [start, end) and insert ``rows`` in one statement."""
        await self.execute(
            delete(BehaviourSegment).where(
                BehaviourSegment.pet_id == pet_id,
                BehaviourSegment.started_at < end,
                BehaviourSegment.ended_at > start,
            )
        )
        if rows:
            await self.execute(self.insert_statement(BehaviourSegment).values(list(rows)))

    async def latest(self, pet_id: int) -> BehaviourSegment | None:
        statement = (
            select(BehaviourSegment)
            .where(BehaviourSegment.pet_id == pet_id)
            .order_by(BehaviourSegment.started_at.desc())
        )
        return await self.get_one_or_none(statement)

    async def label(self, pet_id: int, start: dt.datetime, end: dt.datetime, activity: Any) -> None:
        await self.execute(
            update(BehaviourSegment)
            .where(
                BehaviourSegment.pet_id == pet_id,
                BehaviourSegment.started_at >= start,
                BehaviourSegment.ended_at <= end,
            )
            .values(corrected_activity=activity)
        )


class CorrectionRepository(RepositoryBase[BehaviourCorrection]):
    model = BehaviourCorrection

    async def overlapping(
        self, pet_id: int, start: dt.datetime, end: dt.datetime
    ) -> list[BehaviourCorrection]:
        statement = (
            select(BehaviourCorrection)
            .where(
                BehaviourCorrection.pet_id == pet_id,
                BehaviourCorrection.started_at < end,
                BehaviourCorrection.ended_at > start,
            )
            .order_by(BehaviourCorrection.id)
        )
        return await self.scalars(statement)

    async def for_pet(self, pet_id: int) -> list[BehaviourCorrection]:
        statement = (
            select(BehaviourCorrection)
            .where(BehaviourCorrection.pet_id == pet_id)
            .order_by(BehaviourCorrection.id)
        )
        return await self.scalars(statement)


class StateRepository(RepositoryBase[BehaviourState]):
    model = BehaviourState

    async def ensure(self, pet_ids: Sequence[int]) -> None:
        if pet_ids:
            await self.execute(
                self.insert_statement(BehaviourState)
                .values(
                    [
                        {
                            "pet_id": pet_id,
                            "last_reading_id": 0,
                            "last_point_id": 0,
                            "adaptation": {},
                        }
                        for pet_id in pet_ids
                    ]
                )
                .on_conflict_do_nothing(index_elements=["pet_id"])
            )

    async def get(self, pet_id: int) -> BehaviourState | None:
        return await self.get_one_or_none(
            select(BehaviourState).where(BehaviourState.pet_id == pet_id)
        )

    async def claim(self, pet_id: int) -> BehaviourState | None:
        """The pet's state row, locked for this transaction; None when another process holds
        it (PostgreSQL ``SKIP LOCKED``; SQLite serialises writers on its own)."""
        statement = select(BehaviourState).where(BehaviourState.pet_id == pet_id)
        if self.session.get_bind().dialect.name == "postgresql":
            statement = statement.with_for_update(skip_locked=True)
        return await self.get_one_or_none(statement)

    async def pets_with_new_data(self, limit: int) -> list[int]:
        """Pets whose collars stored readings (or raw acceleration) after the pet's cursors:
        per collar, one probe of an (device_id, id) index."""
        state = BehaviourState
        unseen_reading = (
            select(CollarReading.id)
            .where(
                CollarReading.device_id == Device.id,
                CollarReading.id > func.coalesce(state.last_reading_id, 0),
            )
            .exists()
        )
        unseen_point = (
            select(TelemetryPoint.id)
            .where(
                TelemetryPoint.device_id == Device.id,
                TelemetryPoint.key == ACCEL_KEYS[0],
                TelemetryPoint.id > func.coalesce(state.last_point_id, 0),
            )
            .exists()
        )
        statement = (
            select(Device.pet_id)
            .outerjoin(state, state.pet_id == Device.pet_id)
            .where(
                Device.kind == DeviceKind.COLLAR,
                Device.pet_id.is_not(None),
                or_(unseen_reading, unseen_point),
            )
            .distinct()
            .order_by(Device.pet_id)
            .limit(limit)
        )
        return [row[0] for row in (await self.execute(statement)).all()]


class CollarDataRepository(RepositoryBase[CollarReading]):
    """What a pet's collars measured, for the analysis."""

    model = CollarReading

    async def collar(self, device_id: int) -> Device | None:
        return await self.get_one_or_none(select(Device).where(Device.id == device_id))

    async def collar_ids(self, pet_id: int) -> list[int]:
        statement = select(Device.id).where(
            Device.pet_id == pet_id, Device.kind == DeviceKind.COLLAR
        )
        return [row[0] for row in (await self.execute(statement)).all()]

    async def reading_span_after(
        self, device_ids: Sequence[int], after_id: int, limit: int
    ) -> tuple[dt.datetime | None, dt.datetime | None, int]:
        """When the next ``limit`` unseen readings (by id) were measured, first and last, and
        the newest of their ids: one pass of the analysis takes that many at most."""
        unseen = (
            select(CollarReading.id, CollarReading.measured_at)
            .where(CollarReading.device_id.in_(device_ids), CollarReading.id > after_id)
            .order_by(CollarReading.id)
            .limit(limit)
            .subquery()
        )
        statement = select(
            func.min(unseen.c.measured_at), func.max(unseen.c.measured_at), func.max(unseen.c.id)
        )
        first, last, newest = (await self.execute(statement)).one()
        return _utc(first), _utc(last), int(newest or after_id)

    async def point_span_after(
        self, device_ids: Sequence[int], after_id: int, limit: int
    ) -> tuple[dt.datetime | None, dt.datetime | None, int]:
        unseen = (
            select(TelemetryPoint.id, TelemetryPoint.received_at)
            .where(
                TelemetryPoint.device_id.in_(device_ids),
                TelemetryPoint.key.in_(ACCEL_KEYS),
                TelemetryPoint.id > after_id,
            )
            .order_by(TelemetryPoint.id)
            .limit(limit)
            .subquery()
        )
        statement = select(
            func.min(unseen.c.received_at), func.max(unseen.c.received_at), func.max(unseen.c.id)
        )
        first, last, newest = (await self.execute(statement)).one()
        return _utc(first), _utc(last), int(newest or after_id)

    async def readings_between(
        self, device_ids: Sequence[int], start: dt.datetime, end: dt.datetime
    ) -> list[CollarReading]:
        statement = (
            select(CollarReading)
            .where(
                CollarReading.device_id.in_(device_ids),
                CollarReading.measured_at >= start,
                CollarReading.measured_at < end,
            )
            .order_by(CollarReading.measured_at, CollarReading.id)
        )
        return await self.scalars(statement)

    async def resting_heart_rates(
        self, device_ids: Sequence[int], start: dt.datetime, end: dt.datetime
    ) -> list[tuple[dt.datetime, float]]:
        """(measured_at, bpm) of readings at rest (activity level 0) in [start, end): the only
        heart rates a day's resting heart rate is taken from. Columns, not entities: a day
        holds 8640 readings per collar."""
        statement = (
            select(CollarReading.measured_at, CollarReading.heart_rate)
            .where(
                CollarReading.device_id.in_(device_ids),
                CollarReading.activity_level == 0,
                CollarReading.measured_at >= start,
                CollarReading.measured_at < end,
            )
            .order_by(CollarReading.measured_at)
        )
        return [(_utc(at), float(bpm)) for at, bpm in (await self.execute(statement)).all()]

    async def accel_between(
        self, device_ids: Sequence[int], start: dt.datetime, end: dt.datetime
    ) -> list[Any]:
        """(device_id, at, key, value) of raw acceleration points in [start, end), in order.
        ``at`` is the device's clock when it sent one (samples of one message share it)."""
        at = func.coalesce(TelemetryPoint.device_time, TelemetryPoint.received_at)
        statement = (
            select(
                TelemetryPoint.device_id,
                TelemetryPoint.device_time,
                TelemetryPoint.received_at,
                TelemetryPoint.key,
                TelemetryPoint.value,
            )
            .where(
                TelemetryPoint.device_id.in_(device_ids),
                TelemetryPoint.key.in_(ACCEL_KEYS),
                TelemetryPoint.received_at >= start,
                TelemetryPoint.received_at < end,
            )
            .order_by(TelemetryPoint.device_id, at, TelemetryPoint.id)
        )
        return list((await self.execute(statement)).all())


class PetContextRepository(RepositoryBase[Pet]):
    """Pets with their owner's time zone (a pet's days are its owner's local days)."""

    model = Pet

    async def with_zones(self, pet_ids: Sequence[int]) -> dict[int, tuple[Pet, str]]:
        if not pet_ids:
            return {}
        statement = (
            select(Pet, User.time_zone)
            .join(User, User.id == Pet.owner_id)
            .where(Pet.id.in_(pet_ids))
        )
        return {pet.id: (pet, zone) for pet, zone in (await self.execute(statement)).all()}

    async def feeders_of(self, pet_id: int) -> list[Device]:
        statement = (
            select(Device)
            .where(Device.pet_id == pet_id, Device.kind == DeviceKind.FEEDER)
            .order_by(Device.id)
        )
        return await self.scalars(statement)

    async def schedules_of(self, feeder_id: int) -> list[FeedingSchedule]:
        statement = (
            select(FeedingSchedule)
            .where(FeedingSchedule.device_id == feeder_id)
            .order_by(FeedingSchedule.time_of_day, FeedingSchedule.id)
        )
        return await self.scalars(statement)


class DayRepository(RepositoryBase[BehaviourDay]):
    model = BehaviourDay

    async def upsert(self, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        insert = self.insert_statement(BehaviourDay).values(list(rows))
        columns = [name for name in rows[0] if name not in ("pet_id", "day")]
        await self.execute(
            insert.on_conflict_do_update(
                index_elements=["pet_id", "day"],
                set_={name: insert.excluded[name] for name in columns},
            )
        )

    async def history(self, pet_id: int, start: dt.date, end: dt.date) -> list[BehaviourDay]:
        statement = (
            select(BehaviourDay)
            .where(
                BehaviourDay.pet_id == pet_id, BehaviourDay.day >= start, BehaviourDay.day <= end
            )
            .order_by(BehaviourDay.day)
        )
        return await self.scalars(statement)


class AnomalyRepository(RepositoryBase[BehaviourAnomaly]):
    model = BehaviourAnomaly

    async def insert_new(self, row: dict[str, Any]) -> int | None:
        """The new anomaly's id; None when this pet, day and metric already has one."""
        statement = (
            self.insert_statement(BehaviourAnomaly)
            .values(row)
            .on_conflict_do_nothing(index_elements=["pet_id", "day", "metric"])
            .returning(BehaviourAnomaly.id)
        )
        return (await self.execute(statement)).scalar()

    async def set_alert(self, anomaly_id: int, alert_id: int) -> None:
        await self.execute(
            update(BehaviourAnomaly)
            .where(BehaviourAnomaly.id == anomaly_id)
            .values(alert_id=alert_id)
        )

    async def recent(self, pet_id: int, since: dt.date) -> list[BehaviourAnomaly]:
        statement = (
            select(BehaviourAnomaly)
            .where(BehaviourAnomaly.pet_id == pet_id, BehaviourAnomaly.day >= since)
            .order_by(BehaviourAnomaly.day.desc(), BehaviourAnomaly.id.desc())
        )
        return await self.scalars(statement)


class PlanRepository(RepositoryBase[NutritionPlanApplication]):
    model = NutritionPlanApplication

    async def get_owned(self, user_id: int, application_id: int) -> NutritionPlanApplication | None:
        statement = (
            select(NutritionPlanApplication)
            .join(Pet, Pet.id == NutritionPlanApplication.pet_id)
            .where(NutritionPlanApplication.id == application_id, Pet.owner_id == user_id)
        )
        return await self.get_one_or_none(statement)

    async def latest_active(self, pet_id: int, feeder_id: int) -> NutritionPlanApplication | None:
        statement = (
            select(NutritionPlanApplication)
            .where(
                and_(
                    NutritionPlanApplication.pet_id == pet_id,
                    NutritionPlanApplication.feeder_id == feeder_id,
                    NutritionPlanApplication.undone_at.is_(None),
                )
            )
            .order_by(NutritionPlanApplication.id.desc())
        )
        return await self.get_one_or_none(statement)


def _utc(value: dt.datetime | str | None) -> dt.datetime | None:
    # min()/max() over a UTCDateTime lose the column type on SQLite: normalise here.
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)
