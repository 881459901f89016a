import asyncio
import datetime as dt
import hashlib
import string

import pytest
from pydantic import SecretStr

from graphql_api import events
from graphql_api.auth import AccountSuspended, Role, Viewer
from graphql_api.db import utcnow
from graphql_api.devices import service as devices_service
from graphql_api.devices.errors import (
    DeviceErrorCode,
    DeviceKeyInvalid,
    DeviceNotFound,
    HardwareIdTaken,
    InvalidDevice,
    InvalidHardwareId,
    ParentHubRequired,
)
from graphql_api.devices.models import DeviceKind
from graphql_api.devices.service import DeviceChanges, DeviceRegistration, FeederHeartbeat
from graphql_api.pagination import PageArgs
from graphql_api.pets.errors import PetNotFound
from graphql_api.settings import Settings
from graphql_api.unit_of_work import dispatch
from tests.factories.accounts import create_user, viewer_of
from tests.factories.devices_db import (
    create_device,
    feeder_hardware_id,
    hub_hardware_id,
    register_device,
)
from tests.factories.pets_db import create_pet

FLEET_KEY = "petio-fleet-constant-0001"
RECEIVED_AT = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)
EVENT_TIMEOUT_S = 10


def with_fleet_key(settings: Settings) -> Settings:
    return settings.model_copy(update={"legacy_fleet_api_key": SecretStr(FLEET_KEY)})


class TestRegister:
    async def test_returns_a_48_char_key_stored_only_as_its_sha256(self, session):
        # given
        owner = await create_user(session)

        # when
        issued = await register_device(session, owner, DeviceKind.FEEDER)

        # then
        device = issued.device
        assert len(issued.api_key) == 48
        assert set(issued.api_key) <= set(string.hexdigits)
        assert device.api_key_hash == hashlib.sha256(issued.api_key.encode()).hexdigest()
        stored = {column.key: getattr(device, column.key) for column in device.__table__.columns}
        assert all(issued.api_key not in str(value) for value in stored.values())
        assert device.owner_id == owner.id
        assert device.online is False and device.last_seen_at is None

    async def test_each_device_gets_its_own_key(self, session):
        # given
        owner = await create_user(session)

        # when
        first = await register_device(session, owner)
        second = await register_device(session, owner)

        # then
        assert first.api_key != second.api_key

    async def test_assigns_one_of_the_owners_pets(self, session):
        # given
        owner = await create_user(session)
        pet = await create_pet(session, owner)

        # when
        device = await create_device(session, owner, kind=DeviceKind.COLLAR, pet_id=pet.id)

        # then
        assert device.pet_id == pet.id

    async def test_another_owners_pet_is_not_found(self, session):
        # given
        owner = await create_user(session)
        stranger = await create_user(session, prefix="stranger")
        pet = await create_pet(session, owner)

        # when
        with pytest.raises(PetNotFound) as raised:
            await register_device(session, stranger, DeviceKind.COLLAR, pet_id=pet.id)

        # then
        assert raised.value.field == ["petId"]

    @pytest.mark.parametrize("name", ["", "   ", "n" * 81])
    async def test_a_bad_name_is_refused(self, session, name):
        # given
        owner = await create_user(session)

        # when / then
        with pytest.raises(InvalidDevice) as raised:
            await register_device(session, owner, name=name)
        assert raised.value.field == ["name"]

    async def test_a_suspended_owner_cannot_register(self, session):
        # given
        owner = await create_user(session)
        owner.suspended_at = utcnow()
        await session.flush()
        suspended = Viewer(owner.id, owner.role, suspended=True)
        registration = DeviceRegistration(DeviceKind.FEEDER, "Feeder", feeder_hardware_id())

        # when / then
        with pytest.raises(AccountSuspended):
            await devices_service.register(session, suspended, registration)


class TestHardwareIds:
    @pytest.mark.parametrize(
        ("kind", "given", "stored"),
        [
            (DeviceKind.FEEDER, " esp-0081ca63 ", "ESP-0081CA63"),
            (DeviceKind.OUTLET, "fe", "FE"),
            (DeviceKind.HUB, " 0a ", "0A"),
            (DeviceKind.COLLAR, "SN-12345", "SN-12345"),
            (DeviceKind.BATTERY, "max300:bat.7", "max300:bat.7"),
        ],
    )
    def test_valid_ids_are_normalised_per_kind(self, kind, given, stored):
        assert devices_service.normalize_hardware_id(kind, given) == stored

    @pytest.mark.parametrize(
        ("kind", "given"),
        [
            (DeviceKind.FEEDER, "ESP-0081CA6"),
            (DeviceKind.FEEDER, "ESP-0081CA63X"),
            (DeviceKind.FEEDER, "0081CA63"),
            (DeviceKind.FEEDER, "ESP-0081CG63"),
            (DeviceKind.OUTLET, "F"),
            (DeviceKind.OUTLET, "FEE"),
            (DeviceKind.OUTLET, "G1"),
            (DeviceKind.HUB, ""),
            (DeviceKind.HUB, "CCU-01"),
            (DeviceKind.COLLAR, "-leading-dash"),
            (DeviceKind.COLLAR, "has space"),
            (DeviceKind.BATTERY, "b" * 65),
        ],
    )
    def test_invalid_ids_are_refused_per_kind(self, kind, given):
        with pytest.raises(InvalidHardwareId) as raised:
            devices_service.normalize_hardware_id(kind, given)
        assert raised.value.code is DeviceErrorCode.INVALID_HARDWARE_ID
        assert raised.value.field == ["hardwareId"]

    async def test_an_id_is_unique_per_kind_across_owners(self, session):
        # given
        owner = await create_user(session)
        stranger = await create_user(session, prefix="stranger")
        hardware_id = feeder_hardware_id()
        await register_device(session, owner, DeviceKind.FEEDER, hardware_id=hardware_id)

        # when
        with pytest.raises(HardwareIdTaken) as raised:
            await register_device(
                session, stranger, DeviceKind.FEEDER, hardware_id=hardware_id.lower()
            )

        # then
        assert raised.value.field == ["hardwareId"]

    async def test_hub_ids_are_unique_per_owner_only(self, session):
        # given
        owner = await create_user(session)
        neighbour = await create_user(session, prefix="neighbour")
        await create_device(session, owner, kind=DeviceKind.HUB, hardware_id="02")

        # when
        neighbours_hub = await create_device(
            session, neighbour, kind=DeviceKind.HUB, hardware_id="02"
        )
        with pytest.raises(HardwareIdTaken) as raised:
            await register_device(session, owner, DeviceKind.HUB, hardware_id="02")

        # then
        assert neighbours_hub.hardware_id == "02"
        assert raised.value.field == ["hardwareId"]

    async def test_the_same_id_may_serve_two_kinds(self, session):
        # given
        owner = await create_user(session)
        hardware_id = hub_hardware_id()
        hub = await create_device(session, owner, kind=DeviceKind.HUB, hardware_id=hardware_id)

        # when
        collar = await create_device(
            session, owner, kind=DeviceKind.COLLAR, hardware_id=hardware_id
        )

        # then
        assert hub.hardware_id == collar.hardware_id


class TestOutlets:
    async def test_an_outlet_needs_a_parent_hub(self, session):
        # given
        owner = await create_user(session)

        # when
        with pytest.raises(ParentHubRequired) as raised:
            await register_device(session, owner, DeviceKind.OUTLET, hardware_id="FE")

        # then
        assert raised.value.field == ["parentHubId"]

    async def test_the_parent_must_be_the_owners_own_hub(self, session):
        # given
        owner = await create_user(session)
        stranger = await create_user(session, prefix="stranger")
        strangers_hub = await create_device(session, stranger, kind=DeviceKind.HUB)
        owners_feeder = await create_device(session, owner, kind=DeviceKind.FEEDER)

        # when / then
        for parent in (strangers_hub, owners_feeder):
            with pytest.raises(ParentHubRequired):
                await register_device(
                    session, owner, DeviceKind.OUTLET, hardware_id="FE", parent_id=parent.id
                )

    async def test_only_outlets_have_a_parent(self, session):
        # given
        owner = await create_user(session)
        hub = await create_device(session, owner, kind=DeviceKind.HUB)

        # when
        with pytest.raises(InvalidDevice) as raised:
            await register_device(session, owner, DeviceKind.COLLAR, parent_id=hub.id)

        # then
        assert raised.value.field == ["parentHubId"]

    async def test_outlet_ids_are_unique_within_their_hub_only(self, session):
        # given
        owner = await create_user(session)
        hub_a = await create_device(session, owner, kind=DeviceKind.HUB)
        hub_b = await create_device(session, owner, kind=DeviceKind.HUB)
        first = await create_device(
            session, owner, kind=DeviceKind.OUTLET, hardware_id="FE", parent_id=hub_a.id
        )

        # when
        on_other_hub = await create_device(
            session, owner, kind=DeviceKind.OUTLET, hardware_id="fe", parent_id=hub_b.id
        )
        with pytest.raises(HardwareIdTaken):
            await register_device(
                session, owner, DeviceKind.OUTLET, hardware_id="FE", parent_id=hub_a.id
            )

        # then
        assert (first.parent_id, on_other_hub.parent_id) == (hub_a.id, hub_b.id)
        assert first.hardware_id == on_other_hub.hardware_id == "FE"


class TestRotateKey:
    async def test_the_new_key_works_and_the_old_one_no_longer_does(self, session, settings):
        # given
        owner = await create_user(session)
        issued = await register_device(session, owner)

        # when
        rotated = await devices_service.rotate_key(session, viewer_of(owner), issued.device.id)

        # then
        assert rotated.api_key != issued.api_key and len(rotated.api_key) == 48
        found = await devices_service.authenticate(
            session, settings, device_key=rotated.api_key, hardware_id=None
        )
        assert found.id == issued.device.id
        with pytest.raises(DeviceKeyInvalid):
            await devices_service.authenticate(
                session, settings, device_key=issued.api_key, hardware_id=None
            )

    async def test_another_owners_device_is_not_found(self, session):
        # given
        owner = await create_user(session)
        stranger = await create_user(session, prefix="stranger")
        issued = await register_device(session, owner)
        hash_before = issued.device.api_key_hash

        # when
        with pytest.raises(DeviceNotFound):
            await devices_service.rotate_key(session, viewer_of(stranger), issued.device.id)

        # then
        assert issued.device.api_key_hash == hash_before


class TestUpdateAndDelete:
    async def test_renames_moves_and_reassigns(self, session):
        # given
        owner = await create_user(session)
        pet = await create_pet(session, owner)
        device = await create_device(session, owner)
        changes = DeviceChanges(name=" Hall feeder ", location=" Hall ", pet_id=pet.id)

        # when
        updated = await devices_service.update(session, viewer_of(owner), device.id, changes)

        # then
        assert (updated.name, updated.location, updated.pet_id) == ("Hall feeder", "Hall", pet.id)

    async def test_staff_can_read_but_not_change_or_delete(self, session):
        # given
        owner = await create_user(session)
        staff = await create_user(session, Role.STAFF, prefix="staff")
        device = await create_device(session, owner)

        # when
        read = await devices_service.get(session, viewer_of(staff), device.id)
        with pytest.raises(DeviceNotFound):
            await devices_service.update(
                session, viewer_of(staff), device.id, DeviceChanges(name="Staff's")
            )
        with pytest.raises(DeviceNotFound):
            await devices_service.delete(session, viewer_of(staff), device.id)

        # then
        assert read is not None and read.name == "Kitchen feeder"

    async def test_another_owner_can_neither_read_nor_delete(self, session):
        # given
        owner = await create_user(session)
        stranger = await create_user(session, prefix="stranger")
        device = await create_device(session, owner)

        # when
        read = await devices_service.get(session, viewer_of(stranger), device.id)
        with pytest.raises(DeviceNotFound):
            await devices_service.delete(session, viewer_of(stranger), device.id)

        # then
        assert read is None
        assert await devices_service.get(session, viewer_of(owner), device.id) is not None


class TestAuthenticate:
    async def test_the_devices_own_key_finds_it(self, session, settings):
        # given
        owner = await create_user(session)
        issued = await register_device(session, owner)

        # when
        found = await devices_service.authenticate(
            session,
            settings,
            device_key=issued.api_key,
            hardware_id=issued.device.hardware_id.lower(),
            kind=DeviceKind.FEEDER,
        )

        # then
        assert found.id == issued.device.id

    @pytest.mark.parametrize("key", [None, "", "0" * 48, "not-a-key"])
    async def test_a_missing_or_unknown_key_is_refused(self, session, settings, key):
        with pytest.raises(DeviceKeyInvalid) as raised:
            await devices_service.authenticate(session, settings, device_key=key, hardware_id=None)
        assert raised.value.code is DeviceErrorCode.DEVICE_KEY_INVALID

    async def test_one_devices_key_never_acts_for_another(self, session, settings):
        # given
        owner = await create_user(session)
        mine = await register_device(session, owner)
        other = await register_device(session, owner)

        # when / then
        with pytest.raises(DeviceKeyInvalid, match="does not belong"):
            await devices_service.authenticate(
                session, settings, device_key=mine.api_key, hardware_id=other.device.hardware_id
            )

    async def test_a_key_of_another_kind_is_refused(self, session, settings):
        # given
        owner = await create_user(session)
        collar = await register_device(session, owner, DeviceKind.COLLAR)

        # when / then
        with pytest.raises(DeviceKeyInvalid):
            await devices_service.authenticate(
                session,
                settings,
                device_key=collar.api_key,
                hardware_id=None,
                kind=DeviceKind.FEEDER,
            )

    async def test_the_fleet_key_is_refused_unless_the_setting_is_set(self, session, settings):
        # given
        owner = await create_user(session)
        feeder = await register_device(session, owner)
        hardware_id = feeder.device.hardware_id

        # when
        with pytest.raises(DeviceKeyInvalid):
            await devices_service.authenticate(
                session,
                settings,
                device_key=FLEET_KEY,
                hardware_id=hardware_id,
                kind=DeviceKind.FEEDER,
            )
        found = await devices_service.authenticate(
            session,
            with_fleet_key(settings),
            device_key=FLEET_KEY,
            hardware_id=hardware_id,
            kind=DeviceKind.FEEDER,
        )

        # then
        assert found.id == feeder.device.id

    async def test_the_fleet_key_needs_a_hardware_id_and_a_kind(self, session, settings):
        # given
        owner = await create_user(session)
        feeder = await register_device(session, owner)
        fleet = with_fleet_key(settings)

        # when / then
        with pytest.raises(DeviceKeyInvalid):
            await devices_service.authenticate(
                session, fleet, device_key=FLEET_KEY, hardware_id=None, kind=DeviceKind.FEEDER
            )
        with pytest.raises(DeviceKeyInvalid):
            await devices_service.authenticate(
                session, fleet, device_key=FLEET_KEY, hardware_id=feeder.device.hardware_id
            )
        with pytest.raises(DeviceKeyInvalid):
            await devices_service.authenticate(
                session,
                fleet,
                device_key=FLEET_KEY,
                hardware_id=feeder_hardware_id(),
                kind=DeviceKind.FEEDER,
            )


HEARTBEAT = FeederHeartbeat(
    device_time=dt.datetime(1970, 1, 1, 0, 5, tzinfo=dt.UTC),
    wifi_rssi=-61,
    uptime_seconds=3600,
    daily_feeds=2,
    hopper_percent=55,
    tof_ok=True,
    error_message="",
)


class TestRecordHeartbeat:
    async def test_updates_state_and_last_seen(self, session, settings):
        # given
        owner = await create_user(session)
        device = await create_device(session, owner)

        # when
        await devices_service.record_heartbeat(session, device, HEARTBEAT, RECEIVED_AT)

        # then
        assert device.last_seen_at == RECEIVED_AT
        assert device.online is True
        assert device.state == {
            "wifi_rssi": -61,
            "uptime_seconds": 3600,
            "daily_feeds": 2,
            "hopper_percent": 55,
            "tof_ok": True,
            "device_time": "1970-01-01T00:05:00+00:00",
        }
        assert devices_service.is_online(
            settings, device, RECEIVED_AT + settings.feeder_offline_after
        )
        later = RECEIVED_AT + settings.feeder_offline_after + dt.timedelta(seconds=1)
        assert not devices_service.is_online(settings, device, later)

    async def test_a_later_report_keeps_what_it_does_not_mention(self, session):
        # given
        owner = await create_user(session)
        device = await create_device(session, owner)
        await devices_service.record_heartbeat(session, device, HEARTBEAT, RECEIVED_AT)
        sparse = FeederHeartbeat(device_time=None, wifi_rssi=-70)

        # when
        await devices_service.record_heartbeat(session, device, sparse, RECEIVED_AT)

        # then
        assert device.state["wifi_rssi"] == -70
        assert device.state["hopper_percent"] == 55

    async def test_the_event_is_sent_only_after_commit(self, session, memory_bus):
        # given
        owner = await create_user(session)
        device = await create_device(session, owner)
        channel = events.device_status_channel(device.id)

        async with memory_bus.subscribe(channel) as messages:
            # when
            await devices_service.record_heartbeat(session, device, HEARTBEAT, RECEIVED_AT)
            await memory_bus.publish(channel, "marker")  # the heartbeat's event is only buffered
            await session.commit()
            await dispatch(session, memory_bus)
            received = [await asyncio.wait_for(anext(messages), EVENT_TIMEOUT_S) for _ in range(2)]

        # then
        assert received[0] == "marker"
        event = devices_service.DeviceStatusEvent.model_validate_json(received[1])
        assert (event.device_id, event.online, event.last_seen_at) == (device.id, True, RECEIVED_AT)
        assert event.state["hopper_percent"] == 55

    async def test_the_event_is_dropped_on_rollback(self, session, memory_bus):
        # given
        owner = await create_user(session)
        device = await create_device(session, owner)
        await session.commit()
        channel = events.device_status_channel(device.id)

        async with memory_bus.subscribe(channel) as messages:
            # when
            await devices_service.record_heartbeat(session, device, HEARTBEAT, RECEIVED_AT)
            await session.rollback()
            await dispatch(session, memory_bus)
            await memory_bus.publish(channel, "marker")
            received = await asyncio.wait_for(anext(messages), EVENT_TIMEOUT_S)

        # then
        assert received == "marker"


FIRST_TEN = PageArgs(limit=10, forward=True, cursor=None)
LISTED_AT = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


async def seen(session, device, ago: dt.timedelta):
    device.online = True
    device.last_seen_at = LISTED_AT - ago
    await session.flush()
    return device


async def listed(session, viewer, settings, **filters) -> list[int]:
    page, _ = await devices_service.list_for_viewer(
        session,
        viewer,
        FIRST_TEN,
        devices_service.DeviceFilter(**filters),
        settings=settings,
        now=LISTED_AT,
    )
    return [device.id for device in page.items]


class TestListForViewer:
    async def test_online_follows_each_kinds_threshold(self, session, settings, owner):
        # given: 100 s ago is past a feeder's 90 s but within other kinds' 120 s
        feeder = await seen(session, await create_device(session, owner), dt.timedelta(seconds=100))
        collar = await seen(
            session,
            await create_device(session, owner, kind=DeviceKind.COLLAR),
            dt.timedelta(seconds=100),
        )
        never = await create_device(session, owner, kind=DeviceKind.COLLAR)
        viewer = viewer_of(owner)
        # when
        online = await listed(session, viewer, settings, online=True)
        offline = await listed(session, viewer, settings, online=False)
        # then
        assert online == [collar.id]
        assert offline == [feeder.id, never.id]
        assert devices_service.is_online(settings, collar, LISTED_AT)
        assert not devices_service.is_online(settings, feeder, LISTED_AT)

    async def test_staff_filter_one_owner_by_kind(self, session, settings, owner, stranger):
        # given
        await create_device(session, owner)
        collar = await create_device(session, owner, kind=DeviceKind.COLLAR)
        await create_device(session, stranger, kind=DeviceKind.COLLAR)
        staff = await create_user(session, Role.STAFF, prefix="staff")
        # when
        collars = await listed(
            session, viewer_of(staff), settings, owner_id=owner.id, kind=DeviceKind.COLLAR
        )
        # then
        assert collars == [collar.id]

    async def test_an_owner_naming_another_owner_gets_nothing(
        self, session, settings, owner, stranger
    ):
        # given
        await create_device(session, stranger, kind=DeviceKind.COLLAR)
        await create_device(session, owner, kind=DeviceKind.COLLAR)
        # when
        theirs = await listed(session, viewer_of(owner), settings, owner_id=stranger.id)
        # then
        assert theirs == []

    async def test_without_an_owner_an_owner_gets_their_own(
        self, session, settings, owner, stranger
    ):
        # given
        mine = await create_device(session, owner, kind=DeviceKind.COLLAR)
        await create_device(session, stranger, kind=DeviceKind.COLLAR)
        # when
        devices = await listed(session, viewer_of(owner), settings)
        # then
        assert devices == [mine.id]
