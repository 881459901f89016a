"""Every query of the batteries domain.

Status moves are conditional UPDATEs returning what they moved (as in commands), so two API
processes handling the same ack, report or sweep move a schedule or slot once. Schedules are
readable by their battery's owner and by staff; the raw archive by staff only.
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, func, or_, select, update

from graphql_api.accounts.models import User
from graphql_api.auth import Role, Viewer
from graphql_api.batteries.models import (
    ArchiveOutcome,
    BatteryProfile,
    BatterySchedule,
    BatteryScheduleEvent,
    BatterySlot,
    FetchState,
    ScheduleArchiveEntry,
    ScheduleFetch,
    ScheduleStatus,
    SlotStatus,
)
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.pagination import Page, PageArgs
from graphql_api.repository import RepositoryBase


def _owned_by(viewer: Viewer) -> Select[tuple[int]]:
    return select(Device.id).where(Device.owner_id == viewer.user_id)


class ProfileRepository(RepositoryBase[BatteryProfile]):
    model = BatteryProfile

    async def get(self, device_id: int) -> BatteryProfile | None:
        statement = select(BatteryProfile).where(BatteryProfile.device_id == device_id)
        return await self.get_one_or_none(statement.execution_options(populate_existing=True))

    async def get_by_device_ids(self, ids: Sequence[int]) -> list[BatteryProfile | None]:
        statement = select(BatteryProfile).where(BatteryProfile.device_id.in_(ids))
        return await self.in_key_order(statement, ids, lambda profile: profile.device_id)

    async def lock(self, device_id: int) -> None:
        """Hold the battery's profile row until this transaction ends: a second transaction
        locking it waits for the first to commit (PostgreSQL ``FOR UPDATE``; SQLite has one
        writer and ignores the clause)."""
        statement = (
            select(BatteryProfile.device_id)
            .where(BatteryProfile.device_id == device_id)
            .with_for_update()
        )
        await self.execute(statement)

    async def get_device(self, device_id: int) -> Device | None:
        """The device, for system work (sweeps, jobs) that has no viewer."""
        return await self.get_one_or_none(select(Device).where(Device.id == device_id))

    async def staff_ids(self) -> list[int]:
        """Every STAFF and ADMIN user, for alerts about the fleet."""
        statement = select(User.id).where(
            User.role.in_((Role.STAFF, Role.ADMIN)), User.suspended_at.is_(None)
        )
        return await self.scalars(statement)

    async def list_configured(self) -> list[tuple[Device, BatteryProfile]]:
        statement = (
            select(Device, BatteryProfile)
            .join(BatteryProfile, BatteryProfile.device_id == Device.id)
            .where(Device.kind == DeviceKind.BATTERY)
            .order_by(Device.id)
        )
        return [tuple(row) for row in (await self.execute(statement)).all()]


class ArchiveRepository(RepositoryBase[ScheduleArchiveEntry]):
    model = ScheduleArchiveEntry

    def list_statement(self, device_id: int | None) -> Select[tuple[ScheduleArchiveEntry]]:
        statement = select(ScheduleArchiveEntry)
        if device_id is not None:
            statement = statement.where(ScheduleArchiveEntry.device_id == device_id)
        return statement

    async def page(
        self, statement: Select[tuple[ScheduleArchiveEntry]], page: PageArgs
    ) -> Page[ScheduleArchiveEntry]:
        return await self.paginate(statement, page, newest_first=True)

    async def get(self, entry_id: int) -> ScheduleArchiveEntry | None:
        statement = select(ScheduleArchiveEntry).where(ScheduleArchiveEntry.id == entry_id)
        return await self.get_one_or_none(statement)

    async def get_by_ids(self, ids: Sequence[int]) -> list[ScheduleArchiveEntry | None]:
        statement = select(ScheduleArchiveEntry).where(ScheduleArchiveEntry.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda entry: entry.id)

    async def set_outcome(
        self, entry_id: int, outcome: ArchiveOutcome, reasons: list[dict[str, Any]]
    ) -> None:
        statement = (
            update(ScheduleArchiveEntry)
            .where(
                ScheduleArchiveEntry.id == entry_id,
                ScheduleArchiveEntry.outcome == ArchiveOutcome.PENDING,
            )
            .values(outcome=outcome, reasons=reasons)
            .execution_options(synchronize_session="fetch")
        )
        await self.execute(statement)

    async def delete_received_before(self, before: dt.datetime) -> int:
        statement = delete(ScheduleArchiveEntry).where(ScheduleArchiveEntry.received_at < before)
        result = await self.execute(statement.execution_options(synchronize_session=False))
        return result.rowcount or 0


class ScheduleRepository(RepositoryBase[BatterySchedule]):
    model = BatterySchedule

    def readable_statement(self, viewer: Viewer) -> Select[tuple[BatterySchedule]]:
        statement = select(BatterySchedule)
        if not viewer.is_staff:
            statement = statement.where(BatterySchedule.device_id.in_(_owned_by(viewer)))
        return statement

    async def get_current_readable(
        self, viewer: Viewer, device_id: int, for_date: dt.date
    ) -> BatterySchedule | None:
        statement = self.readable_statement(viewer).where(
            BatterySchedule.device_id == device_id,
            BatterySchedule.for_date == for_date,
            BatterySchedule.status != ScheduleStatus.SUPERSEDED,
        )
        return await self.get_one_or_none(statement)

    async def get_readable_by_message_id(
        self, viewer: Viewer, message_id: str
    ) -> BatterySchedule | None:
        statement = self.readable_statement(viewer).where(BatterySchedule.message_id == message_id)
        return await self.get_one_or_none(statement)

    async def get_readable_by_ids(
        self, viewer: Viewer, ids: Sequence[int]
    ) -> list[BatterySchedule | None]:
        statement = self.readable_statement(viewer).where(BatterySchedule.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda schedule: schedule.id)

    async def get_for_device(self, device_id: int, message_id: str) -> BatterySchedule | None:
        statement = select(BatterySchedule).where(
            BatterySchedule.device_id == device_id, BatterySchedule.message_id == message_id
        )
        return await self.get_one_or_none(statement.execution_options(populate_existing=True))

    async def get_current(self, device_id: int, for_date: dt.date) -> BatterySchedule | None:
        statement = select(BatterySchedule).where(
            BatterySchedule.device_id == device_id,
            BatterySchedule.for_date == for_date,
            BatterySchedule.status != ScheduleStatus.SUPERSEDED,
        )
        return await self.get_one_or_none(statement.execution_options(populate_existing=True))

    async def move(
        self, where: Sequence[ColumnElement[bool]], to: ScheduleStatus, **values: Any
    ) -> list[BatterySchedule]:
        statement = (
            update(BatterySchedule)
            .where(*where)
            .values(status=to, **values)
            .returning(BatterySchedule)
            .execution_options(populate_existing=True, synchronize_session=False)
        )
        return list((await self.execute(statement)).scalars().all())

    async def move_one(
        self, schedule_id: int, from_: Sequence[ScheduleStatus], to: ScheduleStatus, **values: Any
    ) -> BatterySchedule | None:
        moved = await self.move(
            (BatterySchedule.id == schedule_id, BatterySchedule.status.in_(from_)), to, **values
        )
        return moved[0] if moved else None

    async def list_to_send(self, resend_before: dt.datetime, limit: int) -> list[BatterySchedule]:
        """CREATED schedules, and SENT ones whose last send went unacknowledged too long."""
        statement = (
            select(BatterySchedule)
            .where(
                or_(
                    BatterySchedule.status == ScheduleStatus.CREATED,
                    (BatterySchedule.status == ScheduleStatus.SENT)
                    & (BatterySchedule.last_sent_at <= resend_before),
                )
            )
            .order_by(BatterySchedule.id)
            .limit(limit)
        )
        return await self.scalars(statement)


class SlotRepository(RepositoryBase[BatterySlot]):
    model = BatterySlot

    async def list_by_schedule_ids(self, ids: Sequence[int]) -> list[list[BatterySlot]]:
        statement = (
            select(BatterySlot)
            .where(BatterySlot.schedule_id.in_(ids))
            .order_by(BatterySlot.schedule_id, BatterySlot.slot)
        )
        return await self.grouped_in_key_order(statement, ids, lambda slot: slot.schedule_id)

    async def settle(
        self, schedule_id: int, slot: int, status: SlotStatus, detail: str | None, at: dt.datetime
    ) -> BatterySlot | None:
        """PENDING → ``status``; None when the slot was settled already (a repeated report)."""
        statement = (
            update(BatterySlot)
            .where(
                BatterySlot.schedule_id == schedule_id,
                BatterySlot.slot == slot,
                BatterySlot.status == SlotStatus.PENDING,
            )
            .values(status=status, detail=detail, reported_at=at)
            .returning(BatterySlot)
            .execution_options(populate_existing=True, synchronize_session=False)
        )
        return (await self.execute(statement)).scalars().first()

    async def count_by_status(self, schedule_id: int) -> dict[SlotStatus, int]:
        statement = (
            select(BatterySlot.status, func.count())
            .where(BatterySlot.schedule_id == schedule_id)
            .group_by(BatterySlot.status)
        )
        return {status: count for status, count in (await self.execute(statement)).all()}


class EventRepository(RepositoryBase[BatteryScheduleEvent]):
    model = BatteryScheduleEvent

    async def list_for_message(self, message_id: str) -> list[BatteryScheduleEvent]:
        statement = (
            select(BatteryScheduleEvent)
            .where(BatteryScheduleEvent.message_id == message_id)
            .order_by(BatteryScheduleEvent.id)
        )
        return await self.scalars(statement)


class FetchRepository(RepositoryBase[ScheduleFetch]):
    model = ScheduleFetch

    async def ensure(self, device_id: int, for_date: dt.date, now: dt.datetime) -> None:
        """The (device, date) row exists; inserting it twice, or from two processes, is a no-op."""
        statement = (
            self.insert_statement(ScheduleFetch)
            .values(
                device_id=device_id,
                for_date=for_date,
                state=FetchState.PENDING,
                failures=0,
                next_attempt_at=now,
            )
            .on_conflict_do_nothing(index_elements=["device_id", "for_date"])
        )
        await self.execute(statement)

    async def lock_due(self, now: dt.datetime, limit: int) -> list[ScheduleFetch]:
        """Due PENDING rows, locked for this transaction; rows another process holds are skipped
        (PostgreSQL ``FOR UPDATE SKIP LOCKED``; SQLite has one writer and ignores the clause)."""
        statement = (
            select(ScheduleFetch)
            .where(ScheduleFetch.state == FetchState.PENDING, ScheduleFetch.next_attempt_at <= now)
            .order_by(ScheduleFetch.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
            .execution_options(populate_existing=True)
        )
        return await self.scalars(statement)

    async def get(self, device_id: int, for_date: dt.date) -> ScheduleFetch | None:
        statement = select(ScheduleFetch).where(
            ScheduleFetch.device_id == device_id, ScheduleFetch.for_date == for_date
        )
        return await self.get_one_or_none(statement.execution_options(populate_existing=True))

    async def claim_missing_alert(self, fetch_id: int, now: dt.datetime) -> bool:
        """Mark the row's missing-schedule alert as raised; False if a process already did."""
        statement = (
            update(ScheduleFetch)
            .where(
                ScheduleFetch.id == fetch_id,
                ScheduleFetch.state != FetchState.DONE,
                ScheduleFetch.missing_alerted_at.is_(None),
            )
            .values(missing_alerted_at=now)
            .execution_options(synchronize_session=False)
        )
        return ((await self.execute(statement)).rowcount or 0) == 1
