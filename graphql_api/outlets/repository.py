import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import JSON, String, bindparam, cast, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm.attributes import set_committed_value

from graphql_api.devices.models import Device
from graphql_api.outlets.models import HubFocus
from graphql_api.repository import RepositoryBase

_DIALECT_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


class OutletRepository(RepositoryBase[Device]):
    """Queries on hubs, their outlets and the owner's focus choice.

    Callers scope by viewer through ``DeviceRepository`` first; these take device ids that
    are already known to be the caller's (or the authenticated hub's).
    """

    model = Device

    @property
    def _dialect(self) -> str:
        return self.session.get_bind().dialect.name

    async def list_children(self, hub_id: int) -> list[Device]:
        statement = select(Device).where(Device.parent_id == hub_id).order_by(Device.id)
        return await self.scalars(statement)

    async def merge_reported_state(
        self, device: Device, patch: dict[str, Any], seen_at: dt.datetime
    ) -> dict[str, Any]:
        """Merge ``patch`` into the device's ``state`` inside the database and mark it seen.

        The merge happens in SQL so that keys other writers own (an outlet's ``threshold_ma``,
        set by the commands domain) are never overwritten with a stale copy read earlier.
        The in-memory device is brought up to date without being marked dirty.
        """
        patch_json = json.dumps(patch)
        if self._dialect == "postgresql":
            merged = cast(
                cast(Device.state, JSONB).op("||")(
                    cast(bindparam("patch", patch_json, String), JSONB)
                ),
                JSON,
            )
        else:
            merged = func.json_patch(Device.state, bindparam("patch", patch_json, String))
        await self.execute(
            update(Device)
            .where(Device.id == device.id)
            .values(state=merged, last_seen_at=seen_at, online=True)
            .execution_options(synchronize_session=False)
        )
        state = {**(device.state or {}), **patch}
        set_committed_value(device, "state", state)
        set_committed_value(device, "last_seen_at", seen_at)
        set_committed_value(device, "online", True)
        return state

    async def get_focus(self, hub_id: int) -> HubFocus | None:
        return await self.get_one_or_none(select(HubFocus).where(HubFocus.hub_id == hub_id))

    async def focuses_by_hub_ids(self, hub_ids: Sequence[int]) -> list[HubFocus | None]:
        statement = select(HubFocus).where(HubFocus.hub_id.in_(hub_ids))
        return await self.in_key_order(statement, hub_ids, lambda focus: focus.hub_id)

    async def choose_focus(self, hub_id: int, outlet_id: int, now: dt.datetime) -> None:
        insert = _DIALECT_INSERTS[self._dialect]
        statement = (
            insert(HubFocus)
            .values(hub_id=hub_id, outlet_id=outlet_id, chosen_at=now)
            .on_conflict_do_update(
                index_elements=["hub_id"], set_={"outlet_id": outlet_id, "chosen_at": now}
            )
        )
        await self.execute(statement)
