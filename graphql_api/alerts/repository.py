import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    ScalarSelect,
    Select,
    String,
    bindparam,
    func,
    literal_column,
    select,
    text,
    update,
)

from graphql_api.alerts.models import Alert, AlertKind, AlertStatus
from graphql_api.auth import Viewer
from graphql_api.pagination import Page, PageArgs
from graphql_api.repository import RepositoryBase, ScopedStatement

# Must repeat the partial index's predicate word for word: PostgreSQL infers the arbiter index
# of ON CONFLICT from it.
_OPEN_PREDICATE = text("status != 'CLEARED'")
_KIND_SEPARATOR = ","
# Inline SQL: as a string, aggregate_strings makes it a parameter rendered again on every
# execution of the statement (every outlet reading embeds ``open_kinds_subquery``).
_KIND_SEPARATOR_SQL = literal_column(f"'{_KIND_SEPARATOR}'", String)


@dataclass(frozen=True, slots=True)
class AlertFilters:
    device_id: int | None = None
    kind: AlertKind | None = None
    status: AlertStatus | None = None


def open_kinds_subquery(device_id: ColumnElement[int]) -> ScalarSelect[str | None]:
    """The kinds of the device's open alerts as one string (NULL when none), for a statement
    that reads them along with other work; decode with :func:`decode_open_kinds`."""
    return (
        select(func.aggregate_strings(Alert.kind, _KIND_SEPARATOR_SQL))
        .where(Alert.device_id == device_id, Alert.status != AlertStatus.CLEARED)
        .scalar_subquery()
    )


def decode_open_kinds(value: str | None) -> frozenset[AlertKind]:
    return (
        frozenset(AlertKind(kind) for kind in value.split(_KIND_SEPARATOR))
        if value
        else frozenset()
    )


class AlertRepository(RepositoryBase[Alert]):
    model = Alert

    def readable_statement(self, viewer: Viewer) -> Select[tuple[Alert]]:
        statement = select(Alert)
        if not viewer.is_staff:
            statement = statement.where(Alert.owner_id == viewer.user_id)
        return statement

    def writable_statement(self, viewer: Viewer) -> Select[tuple[Alert]]:
        return select(Alert).where(Alert.owner_id == viewer.user_id)

    async def get_readable_by_ids(self, viewer: Viewer, ids: Sequence[int]) -> list[Alert | None]:
        statement = self.readable_statement(viewer).where(Alert.id.in_(ids))
        return await self.in_key_order(statement, ids, lambda alert: alert.id)

    async def list_open_by_device_ids(
        self, viewer: Viewer, device_ids: Sequence[int]
    ) -> list[list[Alert]]:
        """Each device's open (ACTIVE or ACKNOWLEDGED) alerts, newest first; at most one per
        kind, so the list stays short."""
        scoped = ScopedStatement(
            "open-alerts-of-devices",
            viewer,
            lambda stand_in: (
                self.readable_statement(stand_in)
                .where(
                    Alert.device_id.in_(bindparam("device_ids", expanding=True)),
                    Alert.status != AlertStatus.CLEARED,
                )
                .order_by(Alert.id.desc())
            ),
        )
        statement, scope = self.scoped(scoped)
        return await self.grouped_in_key_order(
            statement,
            device_ids,
            lambda alert: alert.device_id,
            scope | {"device_ids": list(device_ids)},
        )

    async def get_readable(self, viewer: Viewer, alert_id: int) -> Alert | None:
        return await self.get_one_or_none(
            self.readable_statement(viewer).where(Alert.id == alert_id)
        )

    async def get_writable(self, viewer: Viewer, alert_id: int) -> Alert | None:
        statement = self.writable_statement(viewer).where(Alert.id == alert_id)
        return await self.get_one_or_none(statement.execution_options(populate_existing=True))

    def list_statement(self, viewer: Viewer, filters: AlertFilters) -> Select[tuple[Alert]]:
        if filters.device_id is not None:
            statement = self.readable_statement(viewer).where(Alert.device_id == filters.device_id)
        else:
            # Without a device, everyone (staff too) lists the alerts of their own devices.
            statement = self.writable_statement(viewer)
        if filters.kind is not None:
            statement = statement.where(Alert.kind == filters.kind)
        if filters.status is not None:
            statement = statement.where(Alert.status == filters.status)
        return statement

    async def page(self, statement: Select[tuple[Alert]], page: PageArgs) -> Page[Alert]:
        return await self.paginate(statement, page, newest_first=True)

    async def get_open(self, device_id: int, kind: AlertKind) -> Alert | None:
        statement = select(Alert).where(
            Alert.device_id == device_id, Alert.kind == kind, Alert.status != AlertStatus.CLEARED
        )
        return await self.get_one_or_none(statement)

    async def insert_open(self, **values: Any) -> Alert | None:
        """Insert an open alert unless one of its device and kind is open; None if one is.

        ON CONFLICT DO NOTHING makes a racing second insert wait for the first to commit and
        then do nothing, instead of failing the whole transaction with an IntegrityError.
        """
        statement = (
            self.insert_statement(Alert)
            .values(**values)
            .on_conflict_do_nothing(
                index_elements=["device_id", "kind"], index_where=_OPEN_PREDICATE
            )
            .returning(Alert)
        )
        return (await self.execute(statement)).scalars().first()

    async def transition(
        self, alert_id: int, from_statuses: Sequence[AlertStatus], **values: Any
    ) -> Alert | None:
        """Move one alert if it is still in one of ``from_statuses``; None if it no longer is."""
        statement = (
            update(Alert)
            .where(Alert.id == alert_id, Alert.status.in_(list(from_statuses)))
            .values(**values)
            .returning(Alert)
        )
        return (await self.execute(statement)).scalars().first()

    async def current_status(self, alert_id: int) -> AlertStatus | None:
        return await self.scalar(select(Alert.status).where(Alert.id == alert_id))

    async def clear_open(
        self, device_ids: Sequence[int], kind: AlertKind, now: dt.datetime
    ) -> list[Alert]:
        """Clear the open alert of ``kind`` on each of ``device_ids`` (one per device at most),
        in one statement; the alerts cleared."""
        # Every device message that comes back from offline runs it: prebuilt.
        statement = self.prebuilt("clear-open-alerts", self._clear_open_statement)
        params = {"clear_device_ids": list(device_ids), "clear_kind": kind, "clear_at": now}
        return list((await self.execute(statement, params)).scalars())

    @staticmethod
    def _clear_open_statement() -> Any:
        # Parameter names may not be column names in an UPDATE: hence the prefixes.
        return (
            update(Alert)
            .where(
                Alert.device_id.in_(bindparam("clear_device_ids", expanding=True)),
                Alert.kind == bindparam("clear_kind", type_=Alert.kind.type),
                Alert.status != AlertStatus.CLEARED,
            )
            .values(
                status=AlertStatus.CLEARED,
                cleared_at=bindparam("clear_at", type_=Alert.cleared_at.type),
                cleared_by=None,
            )
            .returning(Alert)
            # the alerts the session holds take the cleared values from the returned rows
            .execution_options(populate_existing=True)
        )
