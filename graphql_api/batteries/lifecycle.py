"""A schedule's moves, each stored with its time, pushed live after the commit, and logged; and
the APPLY_SCHEDULE command that carries the schedule through the commands lifecycle.

    CREATED ──sent──► SENT ──ack──► ACKNOWLEDGED ──last slot reported──► EXECUTED | PARTIAL | FAILED
       │                │ └──not acked after max sends──► FAILED
       └────────────────┴──a newer valid schedule for the same day──► SUPERSEDED
"""

import datetime as dt

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import events
from graphql_api.alerts import service as alerts_service
from graphql_api.alerts.models import AlertKind
from graphql_api.batteries.logs import log
from graphql_api.batteries.models import (
    BatterySchedule,
    BatteryScheduleEvent,
    ScheduleStatus,
    SlotStatus,
)
from graphql_api.batteries.repository import EventRepository, ProfileRepository
from graphql_api.commands import lifecycle as commands_lifecycle
from graphql_api.commands.models import CommandStatus
from graphql_api.commands.repository import CommandRepository
from graphql_api.devices.models import Device
from graphql_api.notifications import service as notifications_service
from graphql_api.notifications.models import NotificationKind

# The command status each schedule status maps to, where the commands lifecycle has one.
_COMMAND_STATUS = {
    ScheduleStatus.SENT: CommandStatus.SENT,
    ScheduleStatus.ACKNOWLEDGED: CommandStatus.ACKNOWLEDGED,
    ScheduleStatus.EXECUTED: CommandStatus.SUCCEEDED,
    ScheduleStatus.PARTIAL: CommandStatus.FAILED,
    ScheduleStatus.FAILED: CommandStatus.FAILED,
    ScheduleStatus.SUPERSEDED: CommandStatus.EXPIRED,
}
_OPEN_COMMAND = (CommandStatus.QUEUED, CommandStatus.SENT, CommandStatus.ACKNOWLEDGED)
# Never backwards: a re-send leaves an acknowledged command acknowledged.
_MOVES_FROM = {
    CommandStatus.SENT: (CommandStatus.QUEUED,),
    CommandStatus.ACKNOWLEDGED: (CommandStatus.QUEUED, CommandStatus.SENT),
}


class ScheduleEvent(BaseModel):
    """Published on ``device.{id}.battery_schedule`` after a schedule's or slot's move commits."""

    schedule_id: int
    device_id: int
    message_id: str
    for_date: dt.date
    status: ScheduleStatus
    slot: int | None = None
    slot_status: SlotStatus | None = None
    detail: str | None = None
    at: dt.datetime


def record(
    session: AsyncSession,
    schedule: BatterySchedule,
    at: dt.datetime,
    *,
    slot: int | None = None,
    slot_status: SlotStatus | None = None,
    detail: str | None = None,
) -> None:
    """Store the move in the schedule's timeline and push it live after the commit."""
    EventRepository(session).add(
        BatteryScheduleEvent(
            schedule_id=schedule.id,
            message_id=schedule.message_id,
            at=at,
            status=(slot_status or schedule.status).value,
            slot=slot,
            detail=detail,
        )
    )
    events.publish(
        session,
        events.battery_schedule_channel(schedule.device_id),
        ScheduleEvent(
            schedule_id=schedule.id,
            device_id=schedule.device_id,
            message_id=schedule.message_id,
            for_date=schedule.for_date,
            status=schedule.status,
            slot=slot,
            slot_status=slot_status,
            detail=detail,
            at=at,
        ),
    )
    log(
        "schedule.slot" if slot is not None else "schedule.status",
        message_id=schedule.message_id,
        device_id=schedule.device_id,
        status=schedule.status.value,
        slot=slot,
        slot_status=slot_status.value if slot_status else None,
        detail=detail,
    )


async def alert_staff(
    session: AsyncSession, device: Device, kind: AlertKind, message: str, now: dt.datetime
) -> None:
    """Raise the alert on the battery (its owner's inbox) and put it in every staff member's
    and admin's inbox too: the pipeline is run by staff, who watch the whole fleet."""
    alert = await alerts_service.raise_alert(session, device, kind, message, now)
    if alert is None:  # already open: everyone was told when it was raised
        return
    for user_id in await ProfileRepository(session).staff_ids():
        if user_id != device.owner_id:
            await notifications_service.notify(
                session,
                recipient_id=user_id,
                kind=NotificationKind.DEVICE_ALERT,
                text=alert.message,
                target=(alerts_service.ALERT_NODE_TYPE, alert.id),
            )


async def move_command(
    session: AsyncSession, schedule: BatterySchedule, at: dt.datetime, reason: str | None = None
) -> None:
    """Move the schedule's APPLY_SCHEDULE command along with it (``commandUpdated`` sees it)."""
    target = _COMMAND_STATUS.get(schedule.status)
    if schedule.command_id is None or target is None:
        return
    final = target in (CommandStatus.SUCCEEDED, CommandStatus.FAILED, CommandStatus.EXPIRED)
    values: dict[str, object] = {"reason": reason[:200] if reason else None}
    if target is CommandStatus.SENT:
        values["sent_at"] = at
    if final:
        values["finished_at"] = at
    from_ = _MOVES_FROM.get(target, _OPEN_COMMAND)
    moved = await CommandRepository(session).move_one(schedule.command_id, from_, target, **values)
    if moved is not None:
        commands_lifecycle.record(session, moved, at)
