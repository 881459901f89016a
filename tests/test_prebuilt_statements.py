"""RepositoryBase.prebuilt: a hot path's statement is built once per dialect and run with bind
parameters, and the prebuilt device statements behave as the ones they replaced, on both
backends."""

import datetime as dt

import pytest
from sqlalchemy import bindparam, select

from graphql_api.devices.models import Device, DeviceKind
from graphql_api.devices.repository import (
    DeviceRepository,
    DeviceStateRepository,
    ReceiptRepository,
)
from graphql_api.telemetry.repository import TelemetryRepository
from tests.factories.accounts import create_user
from tests.factories.devices_db import register_device

NOW = dt.datetime(2026, 12, 5, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(params=["postgresql", "sqlite"])
def either_session(request, session, sqlite_session):
    return session if request.param == "postgresql" else sqlite_session


class TestPrebuilt:
    async def test_a_statement_is_built_once_and_run_with_its_parameters(self, either_session):
        # given
        builds: list[str] = []

        def build():
            builds.append("built")
            return select(bindparam("echo", type_=Device.name.type))

        repository = DeviceRepository(either_session)
        name = f"test-echo-{id(builds)}"

        # when
        first = await repository.execute(repository.prebuilt(name, build), {"echo": "a"})
        second = await repository.execute(repository.prebuilt(name, build), {"echo": "b"})

        # then
        assert (first.scalar(), second.scalar()) == ("a", "b")
        assert builds == ["built"]


class TestPrebuiltDeviceStatements:
    async def test_a_receipt_is_claimed_once_and_never_for_a_missing_device(self, either_session):
        # given
        owner = await create_user(either_session)
        issued = await register_device(either_session, owner, DeviceKind.COLLAR)
        receipts = ReceiptRepository(either_session)

        # when
        first = await receipts.claim(issued.device.id, "telemetry:1#1", NOW)
        again = await receipts.claim(issued.device.id, "telemetry:1#1", NOW)
        missing = await receipts.claim(issued.device.id + 10_000, "telemetry:1#1", NOW)

        # then
        assert (first, again, missing) == (True, False, False)

    async def test_a_persist_slot_is_free_again_only_after_the_interval(self, either_session):
        # given
        owner = await create_user(either_session)
        issued = await register_device(either_session, owner, DeviceKind.COLLAR)
        telemetry, interval = TelemetryRepository(either_session), dt.timedelta(seconds=2)

        # when
        claims = [
            await telemetry.claim_persist_slot(issued.device.id, "collar", at, interval)
            for at in (NOW, NOW + dt.timedelta(seconds=1), NOW + dt.timedelta(seconds=2))
        ]

        # then
        assert claims == [True, False, True]

    async def test_merging_state_marks_the_device_seen_and_the_loaded_copy_follows(
        self, either_session
    ):
        # given
        owner = await create_user(either_session)
        device = (await register_device(either_session, owner, DeviceKind.COLLAR)).device

        # when
        await DeviceStateRepository(either_session).merge_state(
            device, {"battery": 80}, seen_at=NOW
        )
        await DeviceStateRepository(either_session).merge_state(device, {"rssi": -60}, seen_at=None)
        stored = await DeviceRepository(either_session).get_by_id(device.id)

        # then
        assert stored is device
        assert device.state["battery"] == 80 and device.state["rssi"] == -60
        assert device.last_seen_at == NOW and device.online is True
        state, last_seen_at = (
            await either_session.execute(
                select(Device.state, Device.last_seen_at).where(Device.id == device.id)
            )
        ).one()
        assert state["battery"] == 80 and state["rssi"] == -60
        assert last_seen_at == NOW
