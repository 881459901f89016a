"""Every query of the commands domain.

Status changes are conditional UPDATEs (``WHERE status IN (...)``) returning the rows they
moved, so two API processes polling, acking or sweeping at once never move a command twice:
the database decides which of them wins.
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Exists, Select, exists, or_, select, update

from graphql_api.auth import Viewer
from graphql_api.commands.models import (
    RELAY_KINDS,
    Command,
    CommandConfirmation,
    CommandKind,
    CommandStatus,
    CommandTransition,
)
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.pagination import Page, PageArgs
from graphql_api.repository import RepositoryBase


def sent_relay_exists(device_id: ColumnElement[int]) -> Exists:
    """Whether the device has a SENT relay command (one a reading may confirm), for a statement
    that reads it along with other work; the same rows as ``list_sent_relay``.

    The kinds are ORed rather than an ``IN``: every reading's statement embeds this, and an
    ``IN`` list is an expanding parameter, its SQL rendered again on every execution."""
    return exists().where(
        Command.device_id == device_id,
        Command.status == CommandStatus.SENT,
        or_(*(Command.kind == kind for kind in sorted(RELAY_KINDS))),
    )


class CommandRepository(RepositoryBase[Command]):
    model = Command

    def readable_statement(self, viewer: Viewer) -> Select[tuple[Command]]:
        """Commands to the viewer's devices; staff and admins see every device's."""
        statement = select(Command)
        if not viewer.is_staff:
            owned = select(Device.id).where(Device.owner_id == viewer.user_id)
            statement = statement.where(Command.device_id.in_(owned))
        return statement

    async def get_readable_by_ids(self, viewer: Viewer, ids: Sequence[int]) -> list[Command | None]:
        statement = self.readable_statement(viewer).where(Command.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda command: command.id)

    async def get_readable(self, viewer: Viewer, command_id: int) -> Command | None:
        return await self.get_one_or_none(
            self.readable_statement(viewer).where(Command.id == command_id)
        )

    def list_statement(
        self,
        viewer: Viewer,
        *,
        device_id: int | None,
        status: CommandStatus | None,
        group_id: str | None = None,
    ) -> Select[tuple[Command]]:
        statement = self.readable_statement(viewer)
        if device_id is not None:
            statement = statement.where(Command.device_id == device_id)
        else:
            # Without a device, a viewer's own devices only, staff included.
            own = select(Device.id).where(Device.owner_id == viewer.user_id)
            statement = statement.where(Command.device_id.in_(own))
        if status is not None:
            statement = statement.where(Command.status == status)
        if group_id is not None:
            statement = statement.where(Command.group_id == group_id)
        return statement

    async def page(self, statement: Select[tuple[Command]], page: PageArgs) -> Page[Command]:
        return await self.paginate(statement, page, newest_first=True)

    async def get_for_device(self, device_id: int, command_id: int) -> Command | None:
        statement = select(Command).where(Command.id == command_id, Command.device_id == device_id)
        return await self.get_one_or_none(statement)

    async def list_queued(
        self, device_id: int, now: dt.datetime, limit: int | None
    ) -> list[Command]:
        statement = (
            select(Command)
            .where(
                Command.device_id == device_id,
                Command.status == CommandStatus.QUEUED,
                Command.expires_at > now,
            )
            .order_by(Command.id)
        )
        if limit is not None:
            statement = statement.limit(limit)
        return await self.scalars(statement)

    async def list_sent_relay(self, device_id: int) -> list[Command]:
        statement = (
            select(Command)
            .where(
                Command.device_id == device_id,
                Command.status == CommandStatus.SENT,
                Command.kind.in_(RELAY_KINDS),
            )
            .order_by(Command.id)
        )
        return await self.scalars(statement)

    async def move(
        self, where: Sequence[ColumnElement[bool]], to: CommandStatus, **values: Any
    ) -> list[Command]:
        """Move every command matching ``where`` to ``to``; the commands this call moved."""
        statement = (
            update(Command)
            .where(*where)
            .values(status=to, **values)
            .returning(Command)
            # Refresh objects already in the session with what the UPDATE wrote.
            .execution_options(populate_existing=True, synchronize_session=False)
        )
        return list((await self.execute(statement)).scalars().all())

    async def move_one(
        self, command_id: int, from_: Sequence[CommandStatus], to: CommandStatus, **values: Any
    ) -> Command | None:
        moved = await self.move((Command.id == command_id, Command.status.in_(from_)), to, **values)
        return moved[0] if moved else None

    async def devices_by_ids(self, ids: Sequence[int]) -> dict[int, Device]:
        """The devices that commands target, for system work (expiry) that has no viewer."""
        if not ids:
            return {}
        rows = await self.scalars(select(Device).where(Device.id.in_(set(ids))))
        return {device.id: device for device in rows}

    async def reload(self, command_id: int) -> Command | None:
        """The command as the database has it now (another process may have moved it)."""
        statement = (
            select(Command)
            .where(Command.id == command_id)
            .execution_options(populate_existing=True)
        )
        return await self.get_one_or_none(statement)

    # ---- delivery over MQTT -------------------------------------------------------------------

    async def claim_queued_for_kinds(
        self,
        device_kinds: Sequence[DeviceKind],
        command_kinds: Sequence[CommandKind],
        now: dt.datetime,
        limit: int,
    ) -> list[Command]:
        """QUEUED, unexpired commands of these kinds to devices of these kinds, now SENT; one
        statement, so of several processes sweeping at once each command goes to one."""
        queued = (
            select(Command.id)
            .join(Device, Device.id == Command.device_id)
            .where(
                Command.status == CommandStatus.QUEUED,
                Command.expires_at > now,
                Command.kind.in_(command_kinds),
                Device.kind.in_(device_kinds),
            )
            .order_by(Command.id)
            .limit(limit)
        )
        where = (Command.id.in_(queued.scalar_subquery()), Command.status == CommandStatus.QUEUED)
        # The deadline stays: it is also the message's MQTT expiry, so the device and the
        # sweep agree on when the command is no longer wanted.
        moved = await self.move(where, CommandStatus.SENT, sent_at=now)
        return sorted(moved, key=lambda command: command.id)

    async def list_unacknowledged(
        self,
        device_kinds: Sequence[DeviceKind],
        command_kinds: Sequence[CommandKind],
        now: dt.datetime,
        device_id: int | None = None,
    ) -> list[Command]:
        """SENT, unexpired commands the device has not acknowledged yet, oldest first."""
        statement = (
            select(Command)
            .join(Device, Device.id == Command.device_id)
            .where(
                Command.status == CommandStatus.SENT,
                Command.expires_at > now,
                Command.kind.in_(command_kinds),
                Device.kind.in_(device_kinds),
            )
            .order_by(Command.id)
        )
        if device_id is not None:
            statement = statement.where(Command.device_id == device_id)
        return await self.scalars(statement)

    # ---- the expiry sweep ----------------------------------------------------------------------

    async def expire_unfetched(self, now: dt.datetime, reason: str) -> list[Command]:
        where = (Command.status == CommandStatus.QUEUED, Command.expires_at <= now)
        return await self.move(where, CommandStatus.EXPIRED, reason=reason, finished_at=now)

    async def fail_unconfirmed_relays(
        self, sent_before: dt.datetime, now: dt.datetime, reason: str
    ) -> list[Command]:
        where = (
            Command.status == CommandStatus.SENT,
            Command.kind.in_(RELAY_KINDS),
            Command.sent_at <= sent_before,
        )
        return await self.move(where, CommandStatus.FAILED, reason=reason, finished_at=now)

    async def expire_unacknowledged(self, now: dt.datetime, reason: str) -> list[Command]:
        # Only commands an ack settles: relays are settled by readings (above), and DELIVERY
        # commands were settled by their fetch.
        where = (
            Command.status.in_((CommandStatus.SENT, CommandStatus.ACKNOWLEDGED)),
            Command.expires_at <= now,
            Command.confirmation == CommandConfirmation.DEVICE_ACK,
        )
        return await self.move(where, CommandStatus.EXPIRED, reason=reason, finished_at=now)


class CommandTransitionRepository(RepositoryBase[CommandTransition]):
    model = CommandTransition

    async def list_readable_by_command_ids(
        self, viewer: Viewer, command_ids: Sequence[int]
    ) -> list[list[CommandTransition]]:
        readable = (
            CommandRepository(self.session).readable_statement(viewer).with_only_columns(Command.id)
        )
        statement = (
            select(CommandTransition)
            .where(
                CommandTransition.command_id.in_(command_ids),
                CommandTransition.command_id.in_(readable),
            )
            .order_by(CommandTransition.id)
        )
        return await self.grouped_in_key_order(statement, command_ids, lambda row: row.command_id)

    async def list_for_command(self, command_id: int) -> list[CommandTransition]:
        statement = (
            select(CommandTransition)
            .where(CommandTransition.command_id == command_id)
            .order_by(CommandTransition.id)
        )
        return await self.scalars(statement)
