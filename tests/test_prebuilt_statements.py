"""RepositoryBase.prebuilt: a hot path's statement is built once per dialect and run with bind
parameters, and the prebuilt device statements behave as the ones they replaced, on both
backends. Viewer-scoped statements (ScopedStatement) are built once per role, with the viewer's
id as a parameter: each viewer still sees only their own rows."""

import datetime as dt

import pytest
from sqlalchemy import bindparam, select

from graphql_api.accounts.models import Role
from graphql_api.alerts import service as alerts_service
from graphql_api.alerts.models import AlertKind
from graphql_api.alerts.repository import AlertRepository
from graphql_api.devices.models import Device, DeviceKind
from graphql_api.devices.repository import (
    DeviceRepository,
    DeviceStateRepository,
    ReceiptRepository,
)
from graphql_api.notifications import service as notifications_service
from graphql_api.notifications.models import NotificationKind
from graphql_api.notifications.repository import NotificationRepository
from graphql_api.pagination import PageArgs
from graphql_api.pets.models import Pet
from graphql_api.pets.repository import PetRepository
from graphql_api.repository import ScopedStatement
from graphql_api.telemetry.repository import TelemetryRepository
from tests.factories.accounts import create_user, viewer_of
from tests.factories.devices_db import create_device, register_device
from tests.factories.pets_db import create_pet

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

    async def test_receipts_claimed_together_answer_in_order_and_a_released_one_is_free(
        self, either_session
    ):
        # given: a receipt claimed before
        owner = await create_user(either_session)
        device_id = (await register_device(either_session, owner, DeviceKind.COLLAR)).device.id
        receipts = ReceiptRepository(either_session)
        await receipts.claim(device_id, "telemetry:old", NOW)

        # when: new, seen before, new again within the batch, no such device, another new
        claimed = await receipts.claim_many(
            [
                (device_id, "telemetry:1", NOW),
                (device_id, "telemetry:old", NOW),
                (device_id, "telemetry:1", NOW),
                (device_id + 10_000, "telemetry:2", NOW),
                (device_id, "telemetry:2", NOW),
            ]
        )
        await receipts.release(device_id, "telemetry:2")

        # then
        assert claimed == [True, False, False, False, True]
        assert await receipts.claim(device_id, "telemetry:2", NOW) is True
        assert await receipts.claim(device_id, "telemetry:1", NOW) is False

    async def test_many_devices_found_with_their_stream_cursors(self, either_session):
        # given: two collars, one with its stream stored
        owner = await create_user(either_session)
        first, second = [
            (await register_device(either_session, owner, DeviceKind.COLLAR)).device
            for _ in range(2)
        ]
        interval = dt.timedelta(seconds=2)
        await TelemetryRepository(either_session).claim_persist_slot(
            first.id, "collar", NOW, interval
        )

        # when
        found = await DeviceRepository(either_session).get_many_with_stream_cursor(
            [first.id, second.id, second.id + 10_000], "collar"
        )

        # then
        assert found == {first.id: (first, NOW), second.id: (second, None)}

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

    async def test_merging_many_states_writes_each_and_keeps_other_keys(self, either_session):
        # given: two devices, one with a key no report names
        owner = await create_user(either_session)
        first, second = [
            (await register_device(either_session, owner, DeviceKind.COLLAR)).device
            for _ in range(2)
        ]
        states = DeviceStateRepository(either_session)
        await states.merge_state(first, {"threshold": 5}, seen_at=None)

        # when
        later = NOW + dt.timedelta(seconds=1)
        await states.merge_states([(first, {"battery": 80}, NOW), (second, {"battery": 60}, later)])

        # then: the rows and the loaded copies alike
        rows = await either_session.execute(
            select(Device.id, Device.state, Device.last_seen_at, Device.online).where(
                Device.id.in_([first.id, second.id])
            )
        )
        stored = {device_id: (state, seen, online) for device_id, state, seen, online in rows}
        assert stored == {
            first.id: ({"threshold": 5, "battery": 80}, NOW, True),
            second.id: ({"battery": 60}, later, True),
        }
        assert (first.state, first.last_seen_at, second.online) == (
            {"threshold": 5, "battery": 80},
            NOW,
            True,
        )


def page_of(limit: int, after: int | None = None) -> PageArgs:
    return PageArgs(limit=limit, forward=True, cursor=after)


async def two_owners_with_pets(session, per_owner: int = 2):
    owners = [await create_user(session), await create_user(session)]
    pets = {
        owner.id: [await create_pet(session, owner, name=f"Pet {n}") for n in range(per_owner)]
        for owner in owners
    }
    return owners, pets


def names(pages) -> list[list[str]]:
    return [[pet.name for pet in page.items] for page in pages]


class TestScopedStatements:
    async def test_a_scoped_statement_is_built_once_per_role_and_not_per_viewer(
        self, either_session
    ):
        # given
        owners, _ = await two_owners_with_pets(either_session)
        staff = await create_user(either_session, Role.STAFF)
        repository = PetRepository(either_session)
        builds: list[Role] = []

        def build(stand_in):
            builds.append(stand_in.role)
            return repository.readable_statement(stand_in)

        name = f"test-pets-{id(builds)}"
        owner_ids = [owner.id for owner in owners]

        # when
        for viewer in (*map(viewer_of, owners), viewer_of(staff), viewer_of(owners[0])):
            scoped = ScopedStatement(name, viewer, build)
            await repository.paginate_groups(scoped, Pet.owner_id, owner_ids, page_of(5))

        # then
        assert builds == [Role.OWNER, Role.STAFF]

    async def test_each_owner_sees_only_their_own_pets_through_the_one_statement(
        self, either_session
    ):
        # given
        owners, pets = await two_owners_with_pets(either_session)
        staff = await create_user(either_session, Role.STAFF)
        repository = PetRepository(either_session)
        owner_ids = [owner.id for owner in owners]
        own = {owner.id: [pet.name for pet in pets[owner.id]] for owner in owners}

        # when
        seen = {
            viewer.user_id: names(
                await repository.readable_pages_by_owner_ids(viewer, owner_ids, page_of(5))
            )
            for viewer in (*map(viewer_of, owners), viewer_of(staff))
        }
        counts = {
            viewer.user_id: await repository.readable_counts_by_owner_ids(viewer, owner_ids)
            for viewer in (*map(viewer_of, owners), viewer_of(staff))
        }

        # then
        first, second = owners
        assert seen[first.id] == [own[first.id], []]
        assert seen[second.id] == [[], own[second.id]]
        assert seen[staff.id] == [own[first.id], own[second.id]]
        assert counts[first.id] == [2, 0]
        assert counts[second.id] == [0, 2]
        assert counts[staff.id] == [2, 2]

    async def test_a_page_after_a_cursor_is_scoped_to_its_viewer_too(self, either_session):
        # given
        owners, pets = await two_owners_with_pets(either_session, per_owner=3)
        first, second = owners
        repository = PetRepository(either_session)
        after = pets[first.id][0].id

        # when
        for_owner = await repository.readable_pages_by_owner_ids(
            viewer_of(first), [first.id, second.id], page_of(1, after)
        )
        for_other = await repository.readable_pages_by_owner_ids(
            viewer_of(second), [first.id], page_of(1, after)
        )

        # then
        page = for_owner[0]
        assert [pet.name for pet in page.items] == ["Pet 1"]
        assert (page.has_next_page, page.has_previous_page) == (True, True)
        assert for_owner[1].items == []
        assert for_other[0].items == []
        assert (for_other[0].has_next_page, for_other[0].has_previous_page) == (False, False)

    async def test_open_alerts_of_devices_are_only_their_owners(self, either_session):
        # given
        owners = [await create_user(either_session), await create_user(either_session)]
        feeders = [
            await create_device(either_session, owner, kind=DeviceKind.FEEDER) for owner in owners
        ]
        for feeder in feeders:
            await alerts_service.raise_alert(
                either_session, feeder, AlertKind.FOOD_LOW, f"Low {feeder.id}", NOW
            )
        repository = AlertRepository(either_session)
        device_ids = [feeder.id for feeder in feeders]

        # when
        seen = [
            await repository.list_open_by_device_ids(viewer_of(owner), device_ids)
            for owner in owners
        ]

        # then
        first, second = feeders
        assert [[alert.message for alert in alerts] for alerts in seen[0]] == [
            [f"Low {first.id}"],
            [],
        ]
        assert [[alert.message for alert in alerts] for alerts in seen[1]] == [
            [],
            [f"Low {second.id}"],
        ]

    async def test_an_inbox_count_is_only_the_viewers_own(self, either_session):
        # given
        owners = [await create_user(either_session), await create_user(either_session)]
        for owner in owners:
            await notifications_service.notify(
                either_session,
                recipient_id=owner.id,
                kind=NotificationKind.DEVICE_ALERT,
                text="Food is low.",
            )
        repository = NotificationRepository(either_session)
        recipient_ids = [owner.id for owner in owners]

        # when
        counts = [
            await repository.inbox_counts(viewer_of(owner), recipient_ids, unread_only=True)
            for owner in owners
        ]

        # then
        assert counts == [[1, 0], [0, 1]]
