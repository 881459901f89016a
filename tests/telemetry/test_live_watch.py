"""Live watchers are kept once per process and device: one row however many subscriptions of
this process watch the device, renewed for every device in one statement."""

import contextlib

import pytest
from sqlalchemy import delete, select

from graphql_api.devices.models import Device, DeviceKind
from graphql_api.telemetry.live_watch import LiveWatches
from graphql_api.telemetry.models import TelemetryWatcher
from graphql_api.unit_of_work import unit_of_work
from tests.factories.accounts import create_user
from tests.factories.devices_db import create_device
from tests.support.database import counting_statements


@pytest.fixture
async def collars(app_state):
    """Two devices committed for real: the watches commit in units of work of their own."""
    async with unit_of_work(app_state) as session:
        owner = await create_user(session, prefix="watch-owner")
        devices = [
            await create_device(session, owner, kind=DeviceKind.COLLAR, name=f"Collar {n}")
            for n in range(2)
        ]
        ids = [device.id for device in devices]
    yield ids
    async with unit_of_work(app_state) as session:
        await session.execute(delete(Device).where(Device.id.in_(ids)))


async def _rows(app_state, device_ids) -> list[TelemetryWatcher]:
    async with app_state.sessionmaker() as session:
        statement = select(TelemetryWatcher).where(TelemetryWatcher.device_id.in_(device_ids))
        return list((await session.execute(statement)).scalars())


class TestLiveWatches:
    async def test_many_subscribers_of_a_device_share_one_row_until_the_last_leaves(
        self, app_state, collars
    ):
        watches = LiveWatches(app_state)
        first, second = collars
        async with contextlib.AsyncExitStack() as stack:
            # given: three subscribers of the first device, one of the second
            for _ in range(3):
                await stack.enter_async_context(watches.watching(first))
            started = {row.device_id: row.started_at for row in await _rows(app_state, collars)}
            async with watches.watching(second):
                rows = await _rows(app_state, collars)
                # when: a fourth subscriber of the first device arrives
                async with watches.watching(first):
                    restarted = await _rows(app_state, [first])
            after_second_left = await _rows(app_state, collars)
        # then
        assert sorted(row.device_id for row in rows) == [first, second]
        assert restarted[0].started_at > started[first]  # the newest watch wins the focus
        assert [row.device_id for row in after_second_left] == [first]
        assert await _rows(app_state, collars) == []

    async def test_every_row_of_the_process_is_renewed_in_one_statement(
        self, app_state, engine, collars
    ):
        watches = LiveWatches(app_state)
        async with watches.watching(collars[0]), watches.watching(collars[1]):
            before = {row.id: row.watched_until for row in await _rows(app_state, collars)}
            with counting_statements(engine) as statements:
                await watches.refresh()
            after = {row.id: row.watched_until for row in await _rows(app_state, collars)}
        updates = [s for s in statements if s.lstrip().upper().startswith("UPDATE")]
        assert len(updates) == 1
        assert all(after[watcher] > before[watcher] for watcher in before)
