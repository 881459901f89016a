import datetime as dt
import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    JSON,
    ColumnElement,
    DateTime,
    Integer,
    Select,
    String,
    Text,
    and_,
    bindparam,
    cast,
    column,
    delete,
    func,
    not_,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm.attributes import set_committed_value

from graphql_api.auth import Viewer
from graphql_api.devices.models import Device, DeviceKind, DeviceMessageReceipt
from graphql_api.pagination import Page, PageArgs
from graphql_api.repository import RepositoryBase, ScopedStatement, json_recordset
from graphql_api.telemetry.repository import persisted_at_subquery


@dataclass(frozen=True, slots=True)
class OnlineCutoffs:
    """``is_online`` as SQL: reported, and last seen at or after its kind's cutoff."""

    feeder: dt.datetime
    other: dt.datetime

    def condition(self) -> ColumnElement[bool]:
        recent = or_(
            and_(Device.kind == DeviceKind.FEEDER, Device.last_seen_at >= self.feeder),
            and_(Device.kind != DeviceKind.FEEDER, Device.last_seen_at >= self.other),
        )
        return and_(Device.online.is_(True), Device.last_seen_at.is_not(None), recent)

    @staticmethod
    def negated(condition: ColumnElement[bool]) -> ColumnElement[bool]:
        # NOT over a NULL last_seen_at would be NULL (excluded): never-seen devices are offline.
        return or_(Device.last_seen_at.is_(None), not_(condition))


def key_holder(devices: Any, key_hash: Any, kind: Any) -> list[ColumnElement[bool]]:
    """The one rule of device-key authentication, as SQL: the device whose key hashes to
    ``key_hash`` (and of ``kind``, when given: a DeviceKind or a bind parameter), or each
    device holding one of a list of hashes. ``devices`` is the table or an alias of it, so a
    statement that authenticates inline (the hub reading's) applies the same rule."""
    if isinstance(key_hash, list):
        holder = [devices.c.api_key_hash.in_(key_hash)]
    else:
        holder = [devices.c.api_key_hash == key_hash]
    if kind is not None:
        holder.append(devices.c.kind == kind)
    return holder


class DeviceRepository(RepositoryBase[Device]):
    model = Device

    def readable_statement(self, viewer: Viewer) -> Select[tuple[Device]]:
        statement = select(Device)
        if not viewer.is_staff:
            statement = statement.where(Device.owner_id == viewer.user_id)
        return statement

    def writable_statement(self, viewer: Viewer) -> Select[tuple[Device]]:
        return select(Device).where(Device.owner_id == viewer.user_id)

    def operable_statement(self, viewer: Viewer) -> Select[tuple[Device]]:
        """Devices the viewer may send commands to: their own; staff and admins, any. (Changing
        a device itself, its name, key or pet, stays with its owner: ``writable_statement``.)"""
        return self.readable_statement(viewer)

    async def get_readable(self, viewer: Viewer, device_id: int) -> Device | None:
        return await self.get_one_or_none(
            self.readable_statement(viewer).where(Device.id == device_id)
        )

    async def get_writable(self, viewer: Viewer, device_id: int) -> Device | None:
        return await self.get_one_or_none(
            self.writable_statement(viewer).where(Device.id == device_id)
        )

    async def get_operable(self, viewer: Viewer, device_id: int) -> Device | None:
        return await self.get_one_or_none(
            self.operable_statement(viewer).where(Device.id == device_id)
        )

    async def get_readable_by_ids(self, viewer: Viewer, ids: Sequence[int]) -> list[Device | None]:
        statement = self.readable_statement(viewer).where(Device.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda device: device.id)

    async def list_readable_by_parent_ids(
        self, viewer: Viewer, parent_ids: Sequence[int]
    ) -> list[list[Device]]:
        statement = (
            self.readable_statement(viewer)
            .where(Device.parent_id.in_(parent_ids))
            .order_by(Device.id)
        )
        return await self.grouped_in_key_order(
            statement, parent_ids, lambda device: device.parent_id
        )

    async def readable_pages(
        self,
        viewer: Viewer,
        group_column: Any,
        group_ids: Sequence[int],
        page: PageArgs,
        kind: DeviceKind | None = None,
    ) -> list[Page[Device]]:
        """One page of readable devices per pet, hub or owner (``group_column``), oldest
        first, in one statement."""
        statement = self._readable_of_kind(viewer, kind)
        return await self.paginate_groups(statement, group_column, group_ids, page)

    async def readable_counts(
        self,
        viewer: Viewer,
        group_column: Any,
        group_ids: Sequence[int],
        kind: DeviceKind | None = None,
    ) -> list[int]:
        statement = self._readable_of_kind(viewer, kind)
        return await self.count_groups(statement, group_column, group_ids)

    def _readable_of_kind(self, viewer: Viewer, kind: DeviceKind | None) -> ScopedStatement:
        return ScopedStatement(
            ("readable-devices", kind),
            viewer,
            lambda stand_in: self._of_kind(self.readable_statement(stand_in), kind),
        )

    @staticmethod
    def _of_kind(statement: Select[tuple[Device]], kind: DeviceKind | None):
        return statement if kind is None else statement.where(Device.kind == kind)

    def list_statement(
        self,
        viewer: Viewer,
        owner_id: int | None,
        kind: DeviceKind | None = None,
        online: OnlineCutoffs | None = None,
        want_online: bool = True,
    ) -> Select[tuple[Device]]:
        """Devices the viewer may read, of one owner (all readable ones when None), of one
        kind, online (or not) as of ``online``'s cutoffs."""
        statement = self.readable_statement(viewer)
        if owner_id is not None:
            statement = statement.where(Device.owner_id == owner_id)
        if kind is not None:
            statement = statement.where(Device.kind == kind)
        if online is not None:
            heard = online.condition()
            statement = statement.where(heard if want_online else online.negated(heard))
        return statement

    async def page(self, statement: Select[tuple[Device]], page: PageArgs) -> Page[Device]:
        return await self.paginate(statement, page)

    async def get_by_id(self, device_id: int) -> Device | None:
        """System lookup, no viewer: for a device speaking as itself (an MQTT topic's id,
        already vouched for by the broker's per-device ACL)."""
        statement = self.prebuilt(
            "device-by-id", lambda: select(Device).where(Device.id == bindparam("by_id"))
        )
        return (await self.execute(statement, {"by_id": device_id})).scalars().first()

    async def get_many_with_stream_cursor(
        self, device_ids: Collection[int], stream: str
    ) -> dict[int, tuple[Device, dt.datetime | None]]:
        """The devices found among ``device_ids`` (system lookup, as ``get_by_id``), by id,
        each with when its telemetry ``stream`` was last stored (None: never), in one
        statement: what a batch of device readings needs first."""
        statement = self.prebuilt(
            "devices-by-ids-with-cursor",
            lambda: select(
                Device,
                persisted_at_subquery(Device.id, bindparam("cursor_stream", type_=String)),
            ).where(Device.id.in_(bindparam("by_ids", expanding=True))),
        )
        params = {"by_ids": list(device_ids), "cursor_stream": stream}
        rows = await self.execute(statement, params)
        return {device.id: (device, persisted_at) for device, persisted_at in rows}

    async def get_by_key_hash(self, api_key_hash: str, kind: DeviceKind | None) -> Device | None:
        # Every device request authenticates: prebuilt, for any kind or for one.
        statement = self.prebuilt(
            f"device-by-key-{kind is not None}",
            lambda: select(Device).where(
                *key_holder(
                    Device.__table__,
                    bindparam("key_hash", type_=Device.api_key_hash.type),
                    None if kind is None else bindparam("key_kind", type_=Device.kind.type),
                )
            ),
        )
        params = {"key_hash": api_key_hash, "key_kind": kind}
        return (await self.execute(statement, params)).scalars().first()

    async def get_by_key_hashes(
        self, api_key_hashes: Sequence[str], kind: DeviceKind | None
    ) -> list[Device]:
        """The devices whose keys hash to any of ``api_key_hashes``, in one statement (a
        batch of requests authenticating together)."""
        if not api_key_hashes:
            return []
        statement = select(Device).where(*key_holder(Device.__table__, list(api_key_hashes), kind))
        return list((await self.execute(statement)).scalars())

    async def get_unparented(self, kind: DeviceKind, hardware_id: str) -> Device | None:
        statement = select(Device).where(
            Device.kind == kind, Device.hardware_id == hardware_id, Device.parent_id.is_(None)
        )
        return await self.get_one_or_none(statement)

    async def get_owned_hub(self, owner_id: int, hardware_id: str) -> Device | None:
        statement = select(Device).where(
            Device.kind == DeviceKind.HUB,
            Device.owner_id == owner_id,
            Device.hardware_id == hardware_id,
        )
        return await self.get_one_or_none(statement)

    async def get_child(self, parent_id: int, hardware_id: str) -> Device | None:
        statement = select(Device).where(
            Device.parent_id == parent_id, Device.hardware_id == hardware_id
        )
        return await self.get_one_or_none(statement)


class DeviceStateRepository(RepositoryBase[Device]):
    """The one writer of what a device reported (``state``), whether it is ``online`` and when
    it was ``last_seen_at``. Other domains change those through ``devices.service``.

    Writes merge in SQL, so keys another writer set meanwhile (an outlet's ``threshold_ma``, set
    by a command, beside the currents its hub reports every 2 s) are never overwritten with a
    stale copy read earlier.
    """

    model = Device

    def merged_state(self, patch: ColumnElement[str]) -> ColumnElement[Any]:
        """``state`` with the JSON object ``patch``'s keys written over it, by the database."""
        if self._dialect == "postgresql":
            return cast(cast(Device.state, JSONB).op("||")(cast(patch, JSONB)), JSON)
        return func.json_patch(Device.state, patch)

    async def merge_state(
        self, device: Device, patch: dict[str, Any], *, seen_at: dt.datetime | None
    ) -> dict[str, Any]:
        """Merge ``patch`` into the device's state; with ``seen_at``, also mark it seen and
        online. The loaded device is brought up to date without being marked dirty."""
        seen = seen_at is not None
        statement = self.prebuilt(
            f"merge-state-seen-{seen}", lambda: self._merge_state_statement(seen=seen)
        )
        params: dict[str, Any] = {"merge_device_id": device.id, "patch": json.dumps(patch)}
        if seen:
            params["merge_seen_at"] = seen_at
        await self.execute(statement, params)
        return self.note_state(device, patch, seen_at=seen_at)

    @staticmethod
    def note_state(
        device: Device, patch: dict[str, Any], *, seen_at: dt.datetime | None
    ) -> dict[str, Any]:
        """Bring the loaded device to what ``merge_state`` writes, without writing (or
        marking it dirty); returns its state."""
        state = {**(device.state or {}), **patch}
        set_committed_value(device, "state", state)
        if seen_at is not None:
            set_committed_value(device, "last_seen_at", seen_at)
            set_committed_value(device, "online", True)
        return state

    def _merge_state_statement(self, *, seen: bool) -> Any:
        # Parameter names may not be column names in an UPDATE: hence the prefixes. On the
        # table, not the ORM entity: an ORM UPDATE costs ~60 us more per run (its bulk-update
        # plugin), and the loaded device is brought up to date by hand anyway.
        devices = Device.__table__
        values: dict[str, Any] = {"state": self.merged_state(bindparam("patch", type_=String))}
        if seen:
            values |= {
                "last_seen_at": bindparam("merge_seen_at", type_=devices.c.last_seen_at.type),
                "online": True,
            }
        return update(devices).where(devices.c.id == bindparam("merge_device_id")).values(**values)

    async def merge_states(
        self, reports: Sequence[tuple[Device, dict[str, Any], dt.datetime]]
    ) -> None:
        """``merge_state`` with ``seen_at`` for devices heard from together (each once): one
        statement for all on PostgreSQL, one per device elsewhere."""
        if len(reports) == 1 or self._dialect != "postgresql":
            for device, patch, seen_at in reports:
                await self.merge_state(device, patch, seen_at=seen_at)
            return
        rows = [
            {"device_id": device.id, "patch": json.dumps(patch), "seen_at": seen_at.isoformat()}
            for device, patch, seen_at in reports
        ]
        statement = self.prebuilt("merge-states", self._merge_states_statement)
        await self.execute(statement, {"merge_rows": json.dumps(rows)})
        for device, patch, seen_at in reports:
            self.note_state(device, patch, seen_at=seen_at)

    def _merge_states_statement(self) -> Any:
        devices = Device.__table__
        rows = json_recordset(
            "merge_rows",
            column("device_id", Integer),
            column("patch", Text),
            column("seen_at", DateTime(timezone=True)),
            name="merge_rows",
        )
        return (
            update(devices)
            .where(devices.c.id == rows.c.device_id)
            .values(state=self.merged_state(rows.c.patch), last_seen_at=rows.c.seen_at, online=True)
        )

    async def set_presence(self, device: Device, online: bool, seen_at: dt.datetime | None) -> None:
        """Mark the device online or offline (a retained presence flag, a Last Will), and seen
        at ``seen_at`` when given."""
        values: dict[str, Any] = {"online": online}
        if seen_at is not None:
            values["last_seen_at"] = seen_at
        await self.execute(
            update(Device)
            .where(Device.id == device.id)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        for name, value in values.items():
            set_committed_value(device, name, value)

    def report_outlet_statement(
        self,
        hub_id: Any,
        returning: Sequence[Any],
        *,
        hardware_id: Any,
        patch: Any,
        seen_at: Any,
    ) -> Any:
        """The UPDATE that marks the hub's outlet ``hardware_id`` seen (at ``seen_at``) and
        online and merges the JSON text ``patch`` into its state, returning its id, new state
        and ``returning``. ``hub_id`` is a subquery (the hub found by its key); the others are
        bind parameters (one outlet) or a recordset's columns (many). A Core statement: the
        caller builds it once and runs it on every reading."""
        devices = Device.__table__
        return (
            update(devices)
            .where(
                devices.c.parent_id == hub_id,
                devices.c.hardware_id == hardware_id,
                devices.c.kind == DeviceKind.OUTLET,
            )
            .values(state=self.merged_state(patch), last_seen_at=seen_at, online=True)
            .returning(devices.c.id, devices.c.state, *returning)
        )

    async def mark_silent_offline(
        self, cutoff: dt.datetime, kinds: Sequence[DeviceKind]
    ) -> list[Device]:
        """Set ``online`` false on devices of ``kinds`` silent since before ``cutoff``.

        Conditional on ``online = true``: when several processes sweep at once, each device is
        taken (and returned) by exactly one of them.
        """
        statement = (
            update(Device)
            .where(
                Device.online.is_(True),
                Device.last_seen_at < cutoff,
                Device.kind.in_(list(kinds)),
            )
            .values(online=False)
            .returning(Device)
        )
        return list((await self.execute(statement)).scalars().all())


class ReceiptRepository(RepositoryBase[DeviceMessageReceipt]):
    model = DeviceMessageReceipt

    async def claim(self, device_id: int, key: str, now: dt.datetime) -> bool:
        """Record the key for the device; False when it was recorded before or the device does
        not exist. One statement, safe against a racing process (the unique index decides)."""
        statement = self.prebuilt("claim-receipt", self._claim_statement)
        params = {"receipt_device_id": device_id, "receipt_key": key, "receipt_at": now}
        return (await self.execute(statement, params)).first() is not None

    def _claim_statement(self) -> Any:
        receipts, devices = DeviceMessageReceipt.__table__, Device.__table__
        source = select(
            devices.c.id,
            bindparam("receipt_key", type_=receipts.c.key.type),
            bindparam("receipt_at", type_=receipts.c.received_at.type),
        ).where(devices.c.id == bindparam("receipt_device_id"))
        return (
            self.insert_statement(receipts)
            .from_select(["device_id", "key", "received_at"], source)
            .on_conflict_do_nothing(index_elements=["device_id", "key"])
            .returning(receipts.c.id)
        )

    async def claim_many(self, claims: Sequence[tuple[int, str, dt.datetime]]) -> list[bool]:
        """``claim`` for many (device id, key, time), in order: one statement for all on
        PostgreSQL, one per claim elsewhere. A key repeated within ``claims`` is claimed by its
        first occurrence only."""
        claimed: list[bool] = [False] * len(claims)
        first: dict[tuple[int, str], int] = {}
        for position, (device_id, key, _) in enumerate(claims):
            first.setdefault((device_id, key), position)
        if len(first) == 1 or self._dialect != "postgresql":
            for (device_id, key), position in first.items():
                claimed[position] = await self.claim(device_id, key, claims[position][2])
            return claimed
        rows = [
            {"device_id": device_id, "key": key, "received_at": claims[position][2].isoformat()}
            for (device_id, key), position in first.items()
        ]
        statement = self.prebuilt("claim-receipts", self._claim_many_statement)
        for device_id, key in await self.execute(statement, {"receipt_rows": json.dumps(rows)}):
            claimed[first[(device_id, key)]] = True
        return claimed

    def _claim_many_statement(self) -> Any:
        receipts, devices = DeviceMessageReceipt.__table__, Device.__table__
        rows = json_recordset(
            "receipt_rows",
            column("device_id", Integer),
            column("key", Text),
            column("received_at", DateTime(timezone=True)),
            name="receipt_rows",
        )
        source = select(devices.c.id, rows.c.key, rows.c.received_at).join_from(
            rows, devices, devices.c.id == rows.c.device_id
        )
        return (
            self.insert_statement(receipts)
            .from_select(["device_id", "key", "received_at"], source)
            .on_conflict_do_nothing(index_elements=["device_id", "key"])
            .returning(receipts.c.device_id, receipts.c.key)
        )

    async def release(self, device_id: int, key: str) -> None:
        """Forget a claim made in this transaction (its message was refused: it stays
        refused if it comes again, not a duplicate)."""
        receipts = DeviceMessageReceipt.__table__
        await self.execute(
            delete(receipts).where(receipts.c.device_id == device_id, receipts.c.key == key)
        )

    async def prune(self, before: dt.datetime) -> None:
        await self.execute(
            delete(DeviceMessageReceipt).where(DeviceMessageReceipt.received_at < before)
        )
