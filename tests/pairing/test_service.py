import contextlib
import datetime as dt
from collections.abc import AsyncIterator

import pytest
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.devices import service as devices_service
from graphql_api.devices.errors import DeviceKeyInvalid, HardwareIdTaken, InvalidHardwareId
from graphql_api.devices.models import DeviceKind
from graphql_api.pairing import service as pairing_service
from graphql_api.pairing.errors import (
    DeviceAlreadyPaired,
    InvalidPairingPin,
    InvalidPairingRequest,
    PairingKeyDelivered,
    PairingNotClaimed,
    PairingNotFound,
    PairingRateLimited,
)
from graphql_api.pairing.service import DeviceClaim
from tests.factories.accounts import viewer_of
from tests.factories.devices_db import feeder_hardware_id
from tests.factories.schedules import create_feeder, create_owner

NOW = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)
PIN = "482913"


@pytest.fixture
def attempt_session(session: AsyncSession):
    """Claim attempts commit in their own session: here a savepoint on the test's connection."""

    @contextlib.asynccontextmanager
    async def open_session() -> AsyncIterator[AsyncSession]:
        async with AsyncSession(bind=session.bind, join_transaction_mode="create_savepoint") as own:
            yield own

    return open_session


@pytest.fixture
def claim(session, settings, attempt_session):
    async def claim_as(owner, hardware_id: str, pin: str = PIN, now: dt.datetime = NOW, **fields):
        request = DeviceClaim(
            hardware_id=hardware_id, pin=pin, name=fields.pop("name", "Feeder"), **fields
        )
        return await pairing_service.claim(
            session,
            viewer_of(owner),
            request,
            settings=settings,
            now=now,
            attempt_session=attempt_session,
        )

    return claim_as


async def register(
    session, settings, hardware_id: str, pin: str = PIN, ttl: int | None = 300, now=NOW
):
    return await pairing_service.register(session, settings, hardware_id, pin, ttl, now)


class TestRegister:
    @pytest.mark.parametrize(("ttl", "expected"), [(None, 300), (5, 60), (300, 300), (3600, 600)])
    async def test_ttl_is_clamped_to_60_to_600_seconds(self, session, settings, ttl, expected):
        # given
        hardware_id = feeder_hardware_id()
        # when
        registration = await register(session, settings, hardware_id, ttl=ttl)
        # then
        assert registration.refusal is None
        assert registration.request.expires_at == NOW + dt.timedelta(seconds=expected)

    @pytest.mark.parametrize("pin", ["48291", "4829134", "48291a", "", " 48291"])
    async def test_a_pin_of_other_than_6_digits_is_refused(self, session, settings, pin):
        # when / then
        with pytest.raises(InvalidPairingPin) as raised:
            await register(session, settings, feeder_hardware_id(), pin)
        assert raised.value.http_status == 400

    async def test_a_malformed_device_id_is_refused_with_400(self, session, settings):
        # when / then
        with pytest.raises(InvalidPairingRequest) as raised:
            await register(session, settings, "ESP-12")
        assert raised.value.http_status == 400

    async def test_at_most_5_registrations_a_minute_per_unit(self, session, settings):
        # given
        hardware_id = feeder_hardware_id()
        for second in range(5):
            await register(session, settings, hardware_id, now=NOW + dt.timedelta(seconds=second))
        # when / then
        with pytest.raises(PairingRateLimited):
            await register(session, settings, hardware_id, now=NOW + dt.timedelta(seconds=30))
        later = await register(session, settings, hardware_id, now=NOW + dt.timedelta(seconds=61))
        assert later.refusal is None

    async def test_a_paired_unit_is_answered_409_and_its_request_kept(self, session, settings):
        # given
        owner = await create_owner(session)
        feeder = await create_feeder(session, owner)
        # when
        registration = await register(session, settings, feeder.hardware_id)
        # then
        assert isinstance(registration.refusal, DeviceAlreadyPaired)
        assert registration.refusal.http_status == 409
        assert registration.request.id is not None


class TestFleetKey:
    def test_without_a_configured_fleet_key_anything_passes(self, settings):
        # when / then
        pairing_service.check_fleet_key(settings, None)

    def test_a_configured_fleet_key_must_match(self, settings):
        # given
        configured = settings.model_copy(
            update={"petio_fleet_api_key": SecretStr("fleet-constant")}
        )
        # when / then
        pairing_service.check_fleet_key(configured, "fleet-constant")
        with pytest.raises(DeviceKeyInvalid):
            pairing_service.check_fleet_key(configured, "something-else")
        with pytest.raises(DeviceKeyInvalid):
            pairing_service.check_fleet_key(configured, None)


class TestClaim:
    async def test_claiming_creates_the_viewer_feeder(self, session, settings, claim):
        # given
        owner = await create_owner(session)
        hardware_id = feeder_hardware_id()
        await register(session, settings, hardware_id)
        # when
        device = await claim(owner, hardware_id.lower(), name="Hallway")
        # then
        assert (device.owner_id, device.kind, device.hardware_id) == (
            owner.id,
            DeviceKind.FEEDER,
            hardware_id,
        )
        assert device.name == "Hallway"

    async def test_a_wrong_pin_is_refused(self, session, settings, claim):
        # given
        owner = await create_owner(session)
        hardware_id = feeder_hardware_id()
        await register(session, settings, hardware_id)
        # when / then
        with pytest.raises(PairingNotFound) as raised:
            await claim(owner, hardware_id, "111111")
        assert raised.value.field == ["pin"]

    async def test_a_pin_works_once(self, session, settings, claim):
        # given
        owner, other = await create_owner(session), await create_owner(session)
        hardware_id = feeder_hardware_id()
        await register(session, settings, hardware_id)
        await claim(owner, hardware_id)
        # when / then
        with pytest.raises(PairingNotFound):
            await claim(other, hardware_id)

    async def test_an_expired_pin_is_refused(self, session, settings, claim):
        # given
        owner = await create_owner(session)
        hardware_id = feeder_hardware_id()
        await register(session, settings, hardware_id, ttl=60)
        # when / then
        with pytest.raises(PairingNotFound):
            await claim(owner, hardware_id, now=NOW + dt.timedelta(seconds=61))

    async def test_only_the_newest_pin_of_a_unit_counts(self, session, settings, claim):
        # given
        owner = await create_owner(session)
        hardware_id = feeder_hardware_id()
        await register(session, settings, hardware_id, "111111")
        await register(session, settings, hardware_id, "222222", now=NOW + dt.timedelta(seconds=1))
        # when / then
        with pytest.raises(PairingNotFound):
            await claim(owner, hardware_id, "111111", now=NOW + dt.timedelta(seconds=2))

    async def test_a_malformed_hardware_id_is_a_field_error(self, session, claim):
        # given
        owner = await create_owner(session)
        # when / then
        with pytest.raises(InvalidHardwareId) as raised:
            await claim(owner, "not-a-chip")
        assert raised.value.field == ["hardwareId"]

    async def test_a_unit_paired_to_another_account_cannot_be_claimed(
        self, session, settings, claim
    ):
        # given
        first_owner, claimer = await create_owner(session), await create_owner(session)
        feeder = await create_feeder(session, first_owner)
        await register(session, settings, feeder.hardware_id)
        # when / then
        with pytest.raises(HardwareIdTaken):
            await claim(claimer, feeder.hardware_id)

    async def test_the_owner_re_pairs_their_own_unit_that_lost_its_key(
        self, session, settings, claim
    ):
        # given
        owner = await create_owner(session)
        feeder = await create_feeder(session, owner)
        await register(session, settings, feeder.hardware_id)
        # when
        device = await claim(owner, feeder.hardware_id, name="Renamed")
        # then
        assert (device.id, device.name) == (feeder.id, "Renamed")

    async def test_at_most_10_attempts_per_10_minutes_per_user(self, session, settings, claim):
        # given
        owner = await create_owner(session)
        hardware_id = feeder_hardware_id()
        await register(session, settings, hardware_id)
        for attempt in range(10):
            with pytest.raises(PairingNotFound):
                await claim(owner, hardware_id, "000000", now=NOW + dt.timedelta(seconds=attempt))
        # when / then: even the right PIN is refused now, until the window has passed
        with pytest.raises(PairingRateLimited):
            await claim(owner, hardware_id, now=NOW + dt.timedelta(seconds=20))
        later = NOW + dt.timedelta(seconds=10, minutes=10)
        await register(session, settings, hardware_id, now=later)
        device = await claim(owner, hardware_id, now=later)
        assert device.hardware_id == hardware_id


class TestFetchKey:
    async def test_not_claimed_yet_until_claimed_then_the_key_once(self, session, settings, claim):
        # given
        owner = await create_owner(session)
        hardware_id = feeder_hardware_id()
        await register(session, settings, hardware_id)
        before = await pairing_service.fetch_key(session, settings, hardware_id, PIN, NOW)
        await claim(owner, hardware_id)
        # when
        fetched = await pairing_service.fetch_key(session, settings, hardware_id, PIN, NOW)
        again = await pairing_service.fetch_key(session, settings, hardware_id, PIN, NOW)
        # then
        assert isinstance(before.refusal, PairingNotClaimed)
        assert len(fetched.api_key) == 48
        assert isinstance(again.refusal, PairingKeyDelivered)
        assert again.api_key is None
        device = await devices_service.authenticate(
            session,
            settings,
            device_key=fetched.api_key,
            hardware_id=hardware_id,
            kind=DeviceKind.FEEDER,
        )
        assert device.owner_id == owner.id

    async def test_unknown_units_and_wrong_pins_look_alike(self, session, settings, claim):
        # given
        owner = await create_owner(session)
        hardware_id = feeder_hardware_id()
        await register(session, settings, hardware_id)
        await claim(owner, hardware_id)
        # when
        unknown = await pairing_service.fetch_key(session, settings, feeder_hardware_id(), PIN, NOW)
        wrong_pin = await pairing_service.fetch_key(session, settings, hardware_id, "000000", NOW)
        # then
        assert type(unknown.refusal) is type(wrong_pin.refusal) is PairingNotClaimed

    async def test_ten_wrong_pins_kill_the_request(self, session, settings, claim):
        # given
        owner = await create_owner(session)
        hardware_id = feeder_hardware_id()
        await register(session, settings, hardware_id)
        await claim(owner, hardware_id)
        for _ in range(10):
            await pairing_service.fetch_key(session, settings, hardware_id, "000000", NOW)
        # when
        fetched = await pairing_service.fetch_key(session, settings, hardware_id, PIN, NOW)
        # then
        assert isinstance(fetched.refusal, PairingNotClaimed)


class TestUnpair:
    async def test_unpairing_deletes_the_device_so_its_key_stops_working(self, session, settings):
        # given
        owner = await create_owner(session)
        issued = await devices_service.register(
            session,
            viewer_of(owner),
            devices_service.DeviceRegistration(
                kind=DeviceKind.FEEDER, name="F", hardware_id=feeder_hardware_id()
            ),
        )
        # when
        await pairing_service.unpair(session, issued.device)
        # then
        with pytest.raises(DeviceKeyInvalid):
            await devices_service.authenticate(
                session, settings, device_key=issued.api_key, hardware_id=None
            )
        again = await register(session, settings, issued.device.hardware_id)
        assert again.refusal is None
