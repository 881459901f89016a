"""Commands: one lifecycle for every instruction to every kind of device.

    issue ──► QUEUED ──fetched──► SENT ──ack ok / relay seen──► SUCCEEDED
                │  │               │ └──ack refused / relay not seen in time──► FAILED
                │  │               └──(devices that ack) not acked in time──► EXPIRED
                │  └──fetched (confirmation DELIVERY)──► DELIVERED
                └──not fetched in time──► EXPIRED

What settles a fetched command is its ``confirmation``, fixed at issue by one rule
(``arguments.confirmation``): OBSERVED_STATE (relays: a reading shows it), DEVICE_ACK (the
device's ack) or DELIVERY (nothing can: the fetch ends it as DELIVERED). So no command waits in
SENT for something that never comes.

Every move is a conditional UPDATE (see the repository), stored as a transition and pushed on
``device.{id}.commands`` after the commit. A FAILED or EXPIRED command raises a COMMAND_FAILED
alert for the device's owner. Device-facing functions take the authenticated device, not a
viewer: a device's key reaches only its own commands.
"""

import datetime as dt
import secrets
from collections.abc import Awaitable, Callable
from typing import Any, TypeAlias

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import events
from graphql_api.auth import Viewer, require_viewer, require_writer
from graphql_api.commands import arguments, lifecycle
from graphql_api.commands.errors import CommandNotFound, CommandNotSupported, InvalidCommand
from graphql_api.commands.models import (
    FINAL_STATUSES,
    Command,
    CommandConfirmation,
    CommandKind,
    CommandStatus,
    CommandTransition,
)
from graphql_api.commands.repository import CommandRepository, CommandTransitionRepository
from graphql_api.devices import service as devices_service
from graphql_api.devices.credentials import MQTT_KINDS, speaks_mqtt
from graphql_api.devices.errors import DeviceNotFound
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.devices.repository import DeviceRepository
from graphql_api.pagination import Page, PageArgs
from graphql_api.settings import Settings

# A feed-now the unit picks up later than this is no longer what the owner asked for.
COMMAND_TTL = dt.timedelta(minutes=5)
# A command fetched just before its expiry still gets this long to be run and acknowledged.
ACK_GRACE = dt.timedelta(minutes=2)
SUCCESS_RESULTS = frozenset({"ok", "completed", "success"})
MAX_REASON = 200

# The row the delivery functions (`fetch_pending`, `claim_mqtt_deliveries`,
# `unacknowledged_for`, `acknowledge`) hand a device front door to put on the wire. Front doors
# name it by this alias: they import no ORM `models` module (pyproject.toml's front-door
# contract).
DeliveredCommand: TypeAlias = Command

NOT_FETCHED = "not fetched in time"
NOT_CONFIRMED = "not confirmed"
NOT_ACKNOWLEDGED = "not acknowledged in time"

# ---- owners ------------------------------------------------------------------------------------


async def _issue_to(
    session: AsyncSession,
    viewer: Viewer,
    device: Device,
    kind: CommandKind,
    args: dict[str, Any],
    now: dt.datetime,
    *,
    device_field: str,
    group_id: str | None = None,
) -> Command:
    if device.kind not in arguments.DEVICE_KINDS[kind]:
        raise CommandNotSupported(
            f"A {device.kind.value.lower()} cannot run {kind.value}.", field=device_field
        )
    clean = arguments.clean(kind, args)
    if kind is CommandKind.SET_THRESHOLD:
        # The owner's threshold is the outlet's, from now on: THRESHOLD alerts compare with it.
        await devices_service.remember_in_state(
            session, device, {"threshold_ma": clean["milliamps"]}
        )
    repository = CommandRepository(session)
    command = repository.add(
        Command(
            device_id=device.id,
            issued_by_id=viewer.user_id,
            kind=kind,
            args=clean,
            group_id=group_id,
            status=CommandStatus.QUEUED,
            confirmation=arguments.confirmation(kind, device.kind),
            created_at=now,
            expires_at=now + COMMAND_TTL,
        )
    )
    await repository.flush()
    lifecycle.record(session, command, now)
    await repository.flush()
    if command.kind in MQTT_COMMAND_KINDS and speaks_mqtt(device.kind):
        wake_outbox(session)
    return command


async def issue(
    session: AsyncSession,
    viewer: Viewer | None,
    device_id: int,
    kind: CommandKind,
    args: dict[str, Any],
    now: dt.datetime,
    *,
    device_field: str = "deviceId",
) -> Command:
    """Queue a command to one of the viewer's devices (staff and admins: to any device), issued
    by the viewer; DeviceNotFound for a device the viewer may not operate."""
    viewer = require_writer(viewer)
    device = await DeviceRepository(session).get_operable(viewer, device_id)
    if device is None:
        raise DeviceNotFound(field=device_field)
    return await _issue_to(session, viewer, device, kind, args, now, device_field=device_field)


async def cut_all_power(
    session: AsyncSession, viewer: Viewer | None, hub_id: int, now: dt.datetime
) -> list[Command]:
    """Switch off both sockets of every outlet of the hub: one RELAY_OFF each, one group id.
    The hub's owner, staff and admins may."""
    viewer = require_writer(viewer)
    repository = DeviceRepository(session)
    hub = await repository.get_operable(viewer, hub_id)
    if hub is None:
        raise DeviceNotFound(field="hubId")
    if hub.kind is not DeviceKind.HUB:
        raise CommandNotSupported("Only a hub's power can be cut.", field="hubId")
    (outlets,) = await repository.list_readable_by_parent_ids(viewer, [hub.id])
    if not outlets:
        raise InvalidCommand("This hub has no outlets.", field="hubId")
    group_id = secrets.token_hex(16)
    return [
        await _issue_to(
            session,
            viewer,
            outlet,
            CommandKind.RELAY_OFF,
            {"socket": socket},
            now,
            device_field="hubId",
            group_id=group_id,
        )
        for outlet in outlets
        for socket in ("a", "b")
    ]


async def get(session: AsyncSession, viewer: Viewer | None, command_id: int) -> Command | None:
    viewer = require_viewer(viewer)
    return await CommandRepository(session).get_readable(viewer, command_id)


async def list_for_viewer(
    session: AsyncSession,
    viewer: Viewer | None,
    page: PageArgs,
    *,
    device_id: int | None = None,
    status: CommandStatus | None = None,
    group_id: str | None = None,
) -> tuple[Page[Command], Callable[[], Awaitable[int]]]:
    """Newest first: commands to one device the viewer may watch, or to all the viewer's own."""
    viewer = require_viewer(viewer)
    if device_id is not None:
        await devices_service.require_readable(session, viewer, device_id)
    repository = CommandRepository(session)
    statement = repository.list_statement(
        viewer, device_id=device_id, status=status, group_id=group_id
    )
    return await repository.page(statement, page), repository.counter(statement)


async def require_watchable(session: AsyncSession, viewer: Viewer | None, device_id: int) -> Device:
    """The device if the viewer may follow its commands live (owner, staff, admin)."""
    return await devices_service.require_readable(session, viewer, device_id)


async def get_with_history(
    session: AsyncSession, viewer: Viewer | None, command_id: int
) -> tuple[Command, list[CommandTransition]] | None:
    """The command and its transitions read together, for a live update; None if not visible."""
    command = await get(session, viewer, command_id)
    if command is None:
        return None
    return command, await CommandTransitionRepository(session).list_for_command(command.id)


# ---- devices -----------------------------------------------------------------------------------


async def fetch_pending(
    session: AsyncSession, device: Device, now: dt.datetime, *, limit: int | None = None
) -> list[Command]:
    """The device's QUEUED, unexpired commands, oldest first (at most ``limit``), now SENT,
    or DELIVERED for those whose confirmation is DELIVERY (the fetch is all there will be).

    For a hub, call it with the outlet whose commands the hub asks for.
    """
    repository = CommandRepository(session)
    sent: list[Command] = []
    for candidate in await repository.list_queued(device.id, now, limit):
        if candidate.confirmation is CommandConfirmation.DELIVERY:
            moved = await repository.move_one(
                candidate.id,
                (CommandStatus.QUEUED,),
                CommandStatus.DELIVERED,
                sent_at=now,
                finished_at=now,
            )
        else:
            moved = await repository.move_one(
                candidate.id,
                (CommandStatus.QUEUED,),
                CommandStatus.SENT,
                sent_at=now,
                expires_at=max(candidate.expires_at, now + ACK_GRACE),
            )
        if moved is not None:  # None: another process delivered it a moment ago
            sent.append(moved)
    await lifecycle.settle(session, sent, {device.id: device}, now)
    return sent


def _outcome(result: str, detail: str | None) -> tuple[CommandStatus, str | None]:
    result = (result or "").strip().lower()
    if result in SUCCESS_RESULTS:
        return CommandStatus.SUCCEEDED, None
    reason = result or "failed"
    if detail and detail.strip():
        reason = f"{reason}: {detail.strip()}"
    return CommandStatus.FAILED, reason[:MAX_REASON]


async def acknowledge(
    session: AsyncSession,
    device: Device,
    command_id: int,
    result: str,
    detail: str | None,
    now: dt.datetime,
) -> Command:
    """Close one of the device's commands with the device's own verdict.

    ``ok``/``completed``/``success`` succeed; anything else (``busy``, ``cooldown``,
    ``boot_mute``, ``failed``) fails with that reason. A repeated ack changes nothing.
    """
    repository = CommandRepository(session)
    command = await repository.get_for_device(device.id, command_id)
    if command is None:
        raise CommandNotFound(field="command_id")
    if command.status in FINAL_STATUSES:
        return command
    status, reason = _outcome(result, detail)
    open_statuses = (CommandStatus.QUEUED, CommandStatus.SENT, CommandStatus.ACKNOWLEDGED)
    moved = await repository.move_one(
        command.id, open_statuses, status, reason=reason, finished_at=now
    )
    if moved is None:  # settled meanwhile by another process (a duplicate ack, the sweep)
        return await repository.reload(command.id) or command
    await lifecycle.settle(session, [moved], {device.id: device}, now)
    return moved


async def confirm_relay_state(
    session: AsyncSession, outlet: Device, relay_a: bool, relay_b: bool, now: dt.datetime
) -> list[Command]:
    """SENT relay commands of the outlet whose commanded state the outlet now reports succeed."""
    observed = {"a": relay_a, "b": relay_b}
    repository = CommandRepository(session)
    confirmed: list[Command] = []
    for command in await repository.list_sent_relay(outlet.id):
        wanted = command.kind is CommandKind.RELAY_ON
        if observed.get(command.args.get("socket")) is not wanted:
            continue
        moved = await repository.move_one(
            command.id, (CommandStatus.SENT,), CommandStatus.SUCCEEDED, finished_at=now
        )
        if moved is not None:
            confirmed.append(moved)
    await lifecycle.settle(session, confirmed, {outlet.id: outlet}, now)
    return confirmed


# ---- delivery over MQTT ------------------------------------------------------------------------

# What the MQTT door delivers to collars and battery agents as devices/<id>/cmd/<kind, lower>.
# (Battery schedules travel as cmd/schedule with their own message ids: graphql_api/batteries.)
MQTT_COMMAND_KINDS = frozenset({CommandKind.TREAT, CommandKind.PING})
_DELIVERY_BATCH = 200


class OutboxWakeup(BaseModel):
    """Sent on ``events.DEVICE_OUTBOX_CHANNEL`` after a commit that queued something for MQTT
    devices: bridges sweep at once rather than at their next periodic sweep."""


def wake_outbox(session: AsyncSession) -> None:
    events.publish(session, events.DEVICE_OUTBOX_CHANNEL, OutboxWakeup())


async def claim_mqtt_deliveries(
    session: AsyncSession, now: dt.datetime, *, resend_unacknowledged: bool = False
) -> list[Command]:
    """Commands the MQTT door must publish now: QUEUED ones (moved to SENT here) and, after a
    reconnect, also every SENT one not acknowledged yet (devices ignore a command id they
    have already run)."""
    repository = CommandRepository(session)
    kinds = sorted(MQTT_KINDS)
    claimed = await repository.claim_queued_for_kinds(
        kinds, sorted(MQTT_COMMAND_KINDS), now, _DELIVERY_BATCH
    )
    if claimed:
        devices = await repository.devices_by_ids([command.device_id for command in claimed])
        await lifecycle.settle(session, claimed, devices, now)
    if not resend_unacknowledged:
        return claimed
    claimed_ids = {command.id for command in claimed}
    unacked = await repository.list_unacknowledged(kinds, sorted(MQTT_COMMAND_KINDS), now)
    return [*claimed, *(command for command in unacked if command.id not in claimed_ids)]


async def unacknowledged_for(
    session: AsyncSession, device: Device, now: dt.datetime
) -> list[Command]:
    """The device's sent, unexpired, unacknowledged commands: what it may have missed while
    it was away."""
    return await CommandRepository(session).list_unacknowledged(
        sorted(MQTT_KINDS), sorted(MQTT_COMMAND_KINDS), now, device_id=device.id
    )


async def accept(
    session: AsyncSession, device: Device, command_id: int, now: dt.datetime
) -> Command:
    """The device received the command and is running it: SENT → ACKNOWLEDGED (a repeat, or
    an ack arriving after the result, changes nothing)."""
    repository = CommandRepository(session)
    command = await repository.get_for_device(device.id, command_id)
    if command is None:
        raise CommandNotFound(field="command_id")
    moved = await repository.move_one(
        command.id, (CommandStatus.QUEUED, CommandStatus.SENT), CommandStatus.ACKNOWLEDGED
    )
    if moved is None:
        return command
    await lifecycle.settle(session, [moved], {device.id: device}, now)
    return moved


# ---- the sweep ---------------------------------------------------------------------------------


async def expire_due(session: AsyncSession, settings: Settings, now: dt.datetime) -> int:
    """Settle every command whose time ran out; how many were settled.

    QUEUED past expiry → EXPIRED; SENT relay commands unconfirmed after
    ``relay_confirm_timeout`` → FAILED; SENT commands confirmed by an ack, past expiry →
    EXPIRED. (DELIVERY commands never wait: the fetch settled them.) Safe in several
    processes at once: each command is moved by exactly one.
    """
    repository = CommandRepository(session)
    moved = [
        *await repository.expire_unfetched(now, NOT_FETCHED),
        *await repository.fail_unconfirmed_relays(
            now - settings.relay_confirm_timeout, now, NOT_CONFIRMED
        ),
        *await repository.expire_unacknowledged(now, NOT_ACKNOWLEDGED),
    ]
    devices = await repository.devices_by_ids([command.device_id for command in moved])
    await lifecycle.settle(session, moved, devices, now)
    return len(moved)
