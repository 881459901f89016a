"""Alerts: conditions on a device that its owner should know about, and their lifecycle.

    raise_alert ──► ACTIVE ──acknowledge──► ACKNOWLEDGED
                      │                         │
                      └──── clear / condition ended ────► CLEARED

At most one alert per device and kind is open (ACTIVE or ACKNOWLEDGED); the database enforces
it, so a storm of readings, or several API processes, raise it once. Raising and clearing are
called by the flows that handle device reports; acknowledging and clearing by hand, by owners.
"""

import datetime as dt
import enum
import re
from collections.abc import Awaitable, Callable, Sequence

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import events
from graphql_api.alerts.errors import AlertNotFound, AlertTransitionNotAllowed
from graphql_api.alerts.models import Alert, AlertKind, AlertStatus
from graphql_api.alerts.repository import AlertFilters, AlertRepository
from graphql_api.auth import Viewer, require_viewer, require_writer
from graphql_api.devices import service as devices_service
from graphql_api.devices.models import Device
from graphql_api.notifications import service as notifications_service
from graphql_api.notifications.models import NotificationKind
from graphql_api.pagination import Page, PageArgs

MAX_MESSAGE = 300
# How a feeder reports a jam it could not clear, in an ack's error or a log's notes: the word
# "jam" (our firmware sends "jam: ..."; "jammed" reads the same).
_JAM_WORD = re.compile(r"\bjam(?:med)?\b", re.IGNORECASE)
# The GraphQL type name notifications point at (a Node the apps can open).
ALERT_NODE_TYPE = "Alert"


class AlertChange(enum.StrEnum):
    RAISED = "RAISED"
    ACKNOWLEDGED = "ACKNOWLEDGED"
    CLEARED = "CLEARED"


class AlertEvent(BaseModel):
    """Published on ``user.{owner_id}.alerts`` after an alert's change commits."""

    alert_id: int
    device_id: int
    owner_id: int
    kind: AlertKind
    status: AlertStatus
    change: AlertChange

    @classmethod
    def of(cls, alert: Alert, change: AlertChange) -> "AlertEvent":
        return cls(
            alert_id=alert.id,
            device_id=alert.device_id,
            owner_id=alert.owner_id,
            kind=alert.kind,
            status=alert.status,
            change=change,
        )


def _publish(session: AsyncSession, alert: Alert, change: AlertChange) -> None:
    events.publish(
        session, events.user_alerts_channel(alert.owner_id), AlertEvent.of(alert, change)
    )


async def raise_alert(
    session: AsyncSession, device: Device, kind: AlertKind, message: str, now: dt.datetime
) -> Alert | None:
    """Open an alert of ``kind`` on ``device``; None when one is already open.

    A new alert lands in the owner's inbox and is pushed live, both after the commit.
    """
    repository = AlertRepository(session)
    # The cheap read first: most readings of a lasting condition find the alert already open.
    if await repository.get_open(device.id, kind) is not None:
        return None
    alert = await repository.insert_open(
        device_id=device.id,
        owner_id=device.owner_id,
        kind=kind,
        status=AlertStatus.ACTIVE,
        message=message[:MAX_MESSAGE],
        raised_at=now,
    )
    if alert is None:
        return None
    await notifications_service.notify(
        session,
        recipient_id=device.owner_id,
        kind=NotificationKind.DEVICE_ALERT,
        text=alert.message,
        target=(ALERT_NODE_TYPE, alert.id),
    )
    _publish(session, alert, AlertChange.RAISED)
    return alert


def reports_jam(text: str | None) -> bool:
    """Whether a feeder's own words (an ack's reason, a log's notes) report a jam."""
    return bool(text) and _JAM_WORD.search(text) is not None


async def report_feeder_jam(
    session: AsyncSession, device: Device, detail: str, now: dt.datetime
) -> Alert | None:
    """The feeder says a feed failed on a jam: raise JAM (once while it is open)."""
    return await raise_alert(
        session, device, AlertKind.JAM, f"{device.name}: the feeder is jammed ({detail})", now
    )


async def clear_condition(
    session: AsyncSession, device: Device, kind: AlertKind, now: dt.datetime
) -> Alert | None:
    """The condition ended: clear the open alert of ``kind`` on ``device``, if there is one."""
    cleared = await clear_conditions(session, [device], kind, now)
    return cleared[0] if cleared else None


async def clear_conditions(
    session: AsyncSession, devices: Sequence[Device], kind: AlertKind, now: dt.datetime
) -> list[Alert]:
    """:func:`clear_condition` for many devices at once, in one statement."""
    cleared = await AlertRepository(session).clear_open(
        [device.id for device in devices], kind, now
    )
    for alert in cleared:
        _publish(session, alert, AlertChange.CLEARED)
    return cleared


async def _get_writable(session: AsyncSession, viewer: Viewer, alert_id: int) -> Alert:
    alert = await AlertRepository(session).get_writable(viewer, alert_id)
    if alert is None:
        raise AlertNotFound(field="id")
    return alert


async def _move(
    session: AsyncSession,
    alert: Alert,
    allowed_from: tuple[AlertStatus, ...],
    verb: str,
    **values: object,
) -> Alert:
    repository = AlertRepository(session)
    moved = None
    if alert.status in allowed_from:
        # Conditional on the status: when two requests race, one moves it and the other is told.
        moved = await repository.transition(alert.id, allowed_from, **values)
    if moved is None:
        current = await repository.current_status(alert.id) or alert.status
        allowed = " or ".join(status.value for status in allowed_from)
        raise AlertTransitionNotAllowed(
            f"The alert is {current.value}; only an {allowed} alert can be {verb}.", field="id"
        )
    return moved


async def acknowledge(
    session: AsyncSession, viewer: Viewer | None, alert_id: int, now: dt.datetime
) -> Alert:
    """The owner has seen it: ACTIVE → ACKNOWLEDGED. It stays open until cleared."""
    viewer = require_writer(viewer)
    alert = await _get_writable(session, viewer, alert_id)
    moved = await _move(
        session,
        alert,
        (AlertStatus.ACTIVE,),
        "acknowledged",
        status=AlertStatus.ACKNOWLEDGED,
        acknowledged_at=now,
    )
    _publish(session, moved, AlertChange.ACKNOWLEDGED)
    return moved


async def clear(
    session: AsyncSession, viewer: Viewer | None, alert_id: int, now: dt.datetime
) -> Alert:
    """The owner clears an open alert by hand; the next occurrence raises a new one."""
    viewer = require_writer(viewer)
    alert = await _get_writable(session, viewer, alert_id)
    moved = await _move(
        session,
        alert,
        (AlertStatus.ACTIVE, AlertStatus.ACKNOWLEDGED),
        "cleared",
        status=AlertStatus.CLEARED,
        cleared_at=now,
        cleared_by=viewer.user_id,
    )
    _publish(session, moved, AlertChange.CLEARED)
    return moved


async def get(session: AsyncSession, viewer: Viewer | None, alert_id: int) -> Alert | None:
    viewer = require_viewer(viewer)
    return await AlertRepository(session).get_readable(viewer, alert_id)


async def list_for_viewer(
    session: AsyncSession, viewer: Viewer | None, page: PageArgs, filters: AlertFilters
) -> tuple[Page[Alert], Callable[[], Awaitable[int]]]:
    """Alerts of the viewer's devices, newest first; with a device, that device's (staff: any)."""
    viewer = require_viewer(viewer)
    if filters.device_id is not None:
        await devices_service.require_readable(session, viewer, filters.device_id)
    repository = AlertRepository(session)
    statement = repository.list_statement(viewer, filters)
    return await repository.page(statement, page), repository.counter(statement)


def live_channel(viewer: Viewer | None) -> str:
    """The channel the viewer's own alerts' changes arrive on; NotAuthenticated without one."""
    return events.user_alerts_channel(require_viewer(viewer).user_id)


async def raised(session: AsyncSession, viewer: Viewer | None, message: str) -> Alert | None:
    """The newly raised alert a live message announces; None for other changes."""
    event = AlertEvent.model_validate_json(message)
    if event.change is not AlertChange.RAISED:
        return None
    return await get(session, viewer, event.alert_id)
