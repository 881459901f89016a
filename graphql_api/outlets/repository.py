import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    DateTime,
    Integer,
    Select,
    String,
    Text,
    bindparam,
    column,
    select,
)
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

from graphql_api.alerts.models import AlertKind
from graphql_api.alerts.repository import decode_open_kinds, open_kinds_subquery
from graphql_api.commands.repository import sent_relay_exists
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.devices.repository import DeviceStateRepository, key_holder
from graphql_api.outlets.models import HubFocus
from graphql_api.repository import RepositoryBase, json_recordset
from graphql_api.telemetry.repository import persisted_at_subquery


@dataclass(frozen=True, slots=True)
class ReportedOutlet:
    """An outlet just marked seen, its merged state, and what the reading's rules need to know
    of it, all read by the statement that wrote the row."""

    outlet_id: int
    state: dict[str, Any]
    # When the outlet was seen before this report (None: never).
    previously_seen_at: dt.datetime | None
    open_alert_kinds: frozenset[AlertKind]
    relay_command_sent: bool
    stream_persisted_at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class OutletReport:
    """One outlet's report, as ``report_outlets_of_keyed_hubs`` writes it: its hub's key
    already hashed and its id normalized (``outlets.service.HubReport`` is the raw one)."""

    hub_key_hash: str
    hardware_id: str
    patch: dict[str, Any]
    seen_at: dt.datetime


@dataclass(frozen=True, slots=True)
class _ReportSource:
    """Where the report statement reads a report: bind parameters (one report) or a
    recordset's columns (many, each row returned with its ``position``)."""

    hub_key_hash: Any
    hardware_id: Any
    patch: Any
    seen_at: Any
    returning: tuple[Any, ...] = ()
    # The recordset the statement's subqueries read from the UPDATE's FROM (not their own).
    rows: tuple[Any, ...] = ()

    def correlated(self, subquery: Select[Any]) -> Select[Any]:
        return subquery.correlate(*self.rows) if self.rows else subquery


_ONE_REPORT = _ReportSource(
    hub_key_hash=bindparam("report_hub_key_hash", type_=String),
    hardware_id=bindparam("report_hardware_id", type_=String),
    patch=bindparam("report_patch", type_=String),
    seen_at=bindparam("report_seen_at", type_=DateTime(timezone=True)),
)


def _recordset_source() -> _ReportSource:
    """PostgreSQL: the reports as one JSON parameter, read by ``json_to_recordset``."""
    rows = json_recordset(
        "report_rows",
        column("position", Integer),
        column("hub_key_hash", String),
        column("hardware_id", String),
        column("patch", Text),
        column("seen_at", DateTime(timezone=True)),
        name="report_rows",
    )
    return _ReportSource(
        rows.c.hub_key_hash,
        rows.c.hardware_id,
        rows.c.patch,
        rows.c.seen_at,
        returning=(rows.c.position,),
        rows=(rows,),
    )


class OutletRepository(RepositoryBase[Device]):
    """Queries on hubs, their outlets and the owner's focus choice.

    Callers scope by viewer through ``DeviceRepository`` first; these take device ids that
    are already known to be the caller's (or the authenticated hub's).
    """

    model = Device

    async def list_children(self, hub_id: int) -> list[Device]:
        statement = select(Device).where(Device.parent_id == hub_id).order_by(Device.id)
        return await self.scalars(statement)

    async def get_device(self, device_id: int) -> Device | None:
        return await self.get_one_or_none(select(Device).where(Device.id == device_id))

    async def report_outlets_of_keyed_hubs(
        self, reports: Sequence[OutletReport], *, stream: str
    ) -> list[ReportedOutlet | None]:
        """Merge each report's ``patch`` into the outlet ``hardware_id`` of the hub whose key
        hashes to ``hub_key_hash`` and mark it seen, in a statement that finds the hub by its
        key (the devices domain's ``key_holder`` rule) and also reads when the outlet was seen
        before, its open alert kinds, whether a relay command of it is SENT, and when its
        telemetry ``stream`` was last stored; None, with nothing written, for a report with no
        such hub or outlet.

        ``reports`` name each outlet at most once (a statement updates a row once): one
        statement for all on PostgreSQL, one per report elsewhere. Its reads see the database
        as the statement began (PostgreSQL; SQLite has one writer at a time), also when the
        statement had to wait for another transaction's lock on a row.
        """
        if len(reports) == 1 or self._dialect != "postgresql":
            return [await self._report_one(report, stream) for report in reports]
        rows = [
            {
                "position": position,
                "hub_key_hash": report.hub_key_hash,
                "hardware_id": report.hardware_id,
                "patch": json.dumps(report.patch),
                "seen_at": report.seen_at.isoformat(),
            }
            for position, report in enumerate(reports)
        ]
        params = {"report_rows": json.dumps(rows), "report_stream": stream}
        found: list[ReportedOutlet | None] = [None] * len(reports)
        for *row, position in await self.execute(self._report_statement(many=True), params):
            found[position] = self._reported(row, reports[position].seen_at)
        return found

    async def _report_one(self, report: OutletReport, stream: str) -> ReportedOutlet | None:
        # Parameter names may not be column names in an UPDATE: hence the prefix.
        params = {
            "report_hub_key_hash": report.hub_key_hash,
            "report_hardware_id": report.hardware_id,
            "report_patch": json.dumps(report.patch),
            "report_seen_at": report.seen_at,
            "report_stream": stream,
        }
        row = (await self.execute(self._report_statement(many=False), params)).first()
        return None if row is None else self._reported(row, report.seen_at)

    def _reported(self, row: Sequence[Any], seen_at: dt.datetime) -> ReportedOutlet:
        outlet_id, state, seen_at_before, open_kinds, relay_sent, persisted_at = row
        self._refresh_loaded(outlet_id, state=state, last_seen_at=seen_at, online=True)
        return ReportedOutlet(
            outlet_id,
            state,
            seen_at_before,
            decode_open_kinds(open_kinds),
            bool(relay_sent),
            persisted_at,
        )

    def _refresh_loaded(self, device_id: int, **values: Any) -> None:
        """Bring the session's copy of the device, if it holds one, up to date with a write
        made in SQL, without marking it dirty."""
        loaded = self.session.identity_map.get(identity_key(Device, device_id))
        for name, value in values.items() if loaded is not None else ():
            set_committed_value(loaded, name, value)

    def _report_statement(self, *, many: bool) -> Any:
        """The report statement for one outlet (bind parameters) or many (a recordset of
        them), built once per dialect: it runs on every reading, and building it (and its
        cache key) costs more than running it."""
        if many:
            return self.prebuilt(
                "outlet-report-many", lambda: self._build_report_statement(_recordset_source())
            )
        return self.prebuilt("outlet-report-one", lambda: self._build_report_statement(_ONE_REPORT))

    def _build_report_statement(self, source: _ReportSource) -> Any:
        devices = Device.__table__
        hubs = devices.alias("keyed_hub")
        hub_id = select(hubs.c.id).where(*key_holder(hubs, source.hub_key_hash, DeviceKind.HUB))
        hub_id = source.correlated(hub_id).scalar_subquery()
        # The reads find the outlet by its hub and id through an alias rather than correlating
        # with the updated row, which SQLite's RETURNING would render ambiguously.
        target = devices.alias("target_outlet")
        of_target = (target.c.parent_id == hub_id, target.c.hardware_id == source.hardware_id)
        outlet_id = source.correlated(select(target.c.id).where(*of_target)).scalar_subquery()
        seen_before = source.correlated(select(target.c.last_seen_at).where(*of_target))
        return DeviceStateRepository(self.session).report_outlet_statement(
            hub_id,
            returning=(
                seen_before.scalar_subquery(),
                open_kinds_subquery(outlet_id),
                sent_relay_exists(outlet_id),
                persisted_at_subquery(outlet_id, bindparam("report_stream", type_=String)),
                *source.returning,
            ),
            hardware_id=source.hardware_id,
            patch=source.patch,
            seen_at=source.seen_at,
        )

    async def get_focus(self, hub_id: int) -> HubFocus | None:
        return await self.get_one_or_none(select(HubFocus).where(HubFocus.hub_id == hub_id))

    async def focuses_by_hub_ids(self, hub_ids: Sequence[int]) -> list[HubFocus | None]:
        statement = select(HubFocus).where(HubFocus.hub_id.in_(hub_ids))
        return await self.in_key_order(statement, hub_ids, lambda focus: focus.hub_id)

    async def choose_focus(self, hub_id: int, outlet_id: int, now: dt.datetime) -> None:
        insert = self.insert_statement
        statement = (
            insert(HubFocus)
            .values(hub_id=hub_id, outlet_id=outlet_id, chosen_at=now)
            .on_conflict_do_update(
                index_elements=["hub_id"], set_={"outlet_id": outlet_id, "chosen_at": now}
            )
        )
        await self.execute(statement)
