"""Recording a command's transitions: stored, pushed live after the commit, and the owner
told when one fails or expires (COMMAND_FAILED, or JAM when a feeder's refusal reports one)."""

import datetime as dt
from collections.abc import Sequence
from functools import partial

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import events, metrics
from graphql_api.alerts import service as alerts_service
from graphql_api.alerts.models import AlertKind
from graphql_api.commands.models import Command, CommandKind, CommandStatus, CommandTransition
from graphql_api.commands.repository import CommandRepository, CommandTransitionRepository
from graphql_api.devices.models import Device


class CommandEvent(BaseModel):
    """Published on ``device.{id}.commands`` after a command's transition commits."""

    command_id: int
    device_id: int
    kind: CommandKind
    status: CommandStatus
    reason: str | None
    at: dt.datetime


def record(session: AsyncSession, command: Command, at: dt.datetime) -> None:
    """Store the status the command just entered and push it live after the commit."""
    CommandTransitionRepository(session).add(
        CommandTransition(
            command_id=command.id, status=command.status, at=at, reason=command.reason
        )
    )
    events.publish(
        session,
        events.device_commands_channel(command.device_id),
        CommandEvent(
            command_id=command.id,
            device_id=command.device_id,
            kind=command.kind,
            status=command.status,
            reason=command.reason,
            at=at,
        ),
    )
    events.after_commit(
        session, partial(metrics.command_transition, command.kind.value, command.status.value)
    )


def _describe(command: Command) -> str:
    what = command.kind.value.replace("_", " ").lower()
    status = command.status.value.lower()
    return (
        f"Command {what} {status}: {command.reason}"
        if command.reason
        else f"Command {what} {status}"
    )


async def settle(
    session: AsyncSession, moved: Sequence[Command], devices: dict[int, Device], now: dt.datetime
) -> None:
    for command in moved:
        record(session, command, now)
        if command.status in (CommandStatus.FAILED, CommandStatus.EXPIRED):
            device = devices[command.device_id]
            if alerts_service.reports_jam(command.reason):
                # The owner needs to clear the wheel, not just retry: say so, as JAM.
                await alerts_service.report_feeder_jam(session, device, command.reason or "", now)
                continue
            await alerts_service.raise_alert(
                session,
                device,
                AlertKind.COMMAND_FAILED,
                f"{device.name}: {_describe(command)}",
                now,
            )
    await CommandRepository(session).flush()
