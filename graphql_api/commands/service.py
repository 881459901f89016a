"""Commands: one lifecycle for every instruction to every kind of device.

    issue ──► QUEUED ──fetched──► SENT ──ack ok / relay seen──► SUCCEEDED
                │                  │ └──ack refused / relay not seen in time──► FAILED
                │                  └──(devices that ack) not acked in time──► EXPIRED
                └──not fetched in time──► EXPIRED

Every move is a conditional UPDATE (see the repository), stored as a transition and pushed on
``device.{id}.commands`` after the commit. A FAILED or EXPIRED command raises a COMMAND_FAILED
alert for the device's owner. Device-facing functions take the authenticated device, not a
viewer: a device's key reaches only its own commands.
"""

import datetime as dt
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.auth import Viewer, require_viewer, require_writer
from graphql_api.commands import arguments, lifecycle
from graphql_api.commands.errors import CommandNotFound, CommandNotSupported, InvalidCommand
from graphql_api.commands.models import (
    FINAL_STATUSES,
    Command,
    CommandKind,
    CommandStatus,
    CommandTransition,
)
from graphql_api.commands.repository import CommandRepository, CommandTransitionRepository
from graphql_api.devices import service as devices_service
from graphql_api.devices.errors import DeviceNotFound
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.devices.repository import DeviceRepository
from graphql_api.pagination import Page, PageArgs
from graphql_api.settings import Settings, get_settings

# A feed-now the unit picks up later than this is no longer what the owner asked for.
COMMAND_TTL = dt.timedelta(minutes=5)
# A command fetched just before its expiry still gets this long to be run and acknowledged.
ACK_GRACE = dt.timedelta(minutes=2)
SUCCESS_RESULTS = frozenset({"ok", "completed", "success"})
MAX_REASON = 200

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
        device.state = {**(device.state or {}), "threshold_ma": clean["milliamps"]}
    repository = CommandRepository(session)
    command = repository.add(
        Command(
            device_id=device.id,
            issued_by_id=viewer.user_id,
            kind=kind,
            args=clean,
            group_id=group_id,
            status=CommandStatus.QUEUED,
            created_at=now,
            expires_at=now + COMMAND_TTL,
        )
    )
    await repository.flush()
    lifecycle.record(session, command, now)
    await repository.flush()
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
    """Queue a command to one of the viewer's devices; DeviceNotFound for anyone else's."""
    viewer = require_writer(viewer)
    device = await DeviceRepository(session).get_writable(viewer, device_id)
    if device is None:
        raise DeviceNotFound(field=device_field)
    return await _issue_to(session, viewer, device, kind, args, now, device_field=device_field)


async def cut_all_power(
    session: AsyncSession, viewer: Viewer | None, hub_id: int, now: dt.datetime
) -> list[Command]:
    """Switch off both sockets of every outlet of the hub: one RELAY_OFF each, one group id."""
    viewer = require_writer(viewer)
    repository = DeviceRepository(session)
    hub = await repository.get_writable(viewer, hub_id)
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
    """The device's QUEUED, unexpired commands, oldest first (at most ``limit``), now SENT.

    For a hub, call it with the outlet whose commands the hub asks for.
    """
    repository = CommandRepository(session)
    sent: list[Command] = []
    for candidate in await repository.list_queued(device.id, now, limit):
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


# ---- the sweep ---------------------------------------------------------------------------------


async def expire_due(
    session: AsyncSession, now: dt.datetime, *, settings: Settings | None = None
) -> int:
    """Settle every command whose time ran out; how many were settled.

    QUEUED past expiry → EXPIRED; SENT relay commands unconfirmed after
    ``relay_confirm_timeout`` → FAILED; SENT commands of devices that ack, past expiry →
    EXPIRED. Safe in several processes at once: each command is moved by exactly one.
    """
    settings = settings or get_settings()
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
