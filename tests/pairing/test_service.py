import contextlib
import datetime as dt
from collections.abc import AsyncIterator

import pytest
from pydantic import SecretStr
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.devices import service as devices_service
from graphql_api.devices.errors import DeviceKeyInvalid, HardwareIdTaken, InvalidHardwareId
from graphql_api.devices.models import DeviceKind
from graphql_api.errors import RateLimited
from graphql_api.pairing import service as pairing_service
from graphql_api.pairing.errors import (
    DeviceAlreadyPaired,
    InvalidPairingPin,
    InvalidPairingRequest,
    PairingKeyDelivered,
    PairingNotClaimed,
    PairingNotFound,
)
from graphql_api.pairing.service import DeviceClaim
from graphql_api.ratelimit import Attempts, MemoryCounter, RateLimiter
from tests.factories.accounts import viewer_of
from tests.factories.devices_db import feeder_hardware_id
from tests.factories.schedules import create_feeder, create_owner

NOW = dt.datetime(2026, 6, 1, 9, 0, tzinfo=dt.UTC)
PIN = "482913"


@pytest.fixture
def attempt_session(session: AsyncSession):
    """Claim attempts commit in their own unit of work: here a savepoint on the test's
    connection, committed when the block ends as the real one is."""

    @contextlib.asynccontextmanager
    async def open_session() -> AsyncIterator[AsyncSession]:
        async with AsyncSession(bind=session.bind, join_transaction_mode="create_savepoint") as own:
            yield own
            await own.commit()

    return open_session


@pytest.fixture
def limiter() -> RateLimiter:
    return RateLimiter(MemoryCounter())


@pytest.fixture
def claim(session, settings, attempt_session, limiter):
    async def claim_as(
        owner,
        hardware_id: str,
        pin: str = PIN,
        now: dt.datetime = NOW,
        client_ip: str = "203.0.113.7",
        **fields,
    ):
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
            attempts=Attempts(limiter, client_ip),
        )

    return claim_as


async def register(
    session,
    settings,
    hardware_id: str,
    pin: str = PIN,
    ttl: int | None = 300,
    now=NOW,
    attempts: Attempts | None = None,
):
    return await pairing_service.register(session, settings, hardware_id, pin, ttl, now, attempts)


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

    async def test_at_most_5_registrations_a_minute_per_unit_and_address(
        self, session, settings, limiter
    ):
        # given: a stranger used up their budget for this unit
        hardware_id = feeder_hardware_id()
        stranger = Attempts(limiter, "198.51.100.66")
        for second in range(5):
            await register(session, settings, hardware_id, f"00000{second}", attempts=stranger)
        # when / then: the stranger is refused, the unit itself is not
        with pytest.raises(RateLimited) as raised:
            await register(session, settings, hardware_id, "000009", attempts=stranger)
        unit = await register(
            session, settings, hardware_id, attempts=Attempts(limiter, "192.0.2.10")
        )
        assert raised.value.retry_after >= 1
        assert unit.refusal is None

    async def test_the_same_pin_again_renews_its_request(self, session, settings):
        # given
        hardware_id = feeder_hardware_id()
        first = await register(session, settings, hardware_id, ttl=60)
        # when
        again = await register(
            session, settings, hardware_id, ttl=300, now=NOW + dt.datetime.resolution
        )
        # then
        assert again.request.id == first.request.id
        assert again.request.expires_at > NOW + dt.timedelta(seconds=299)

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

    async def test_a_strangers_later_registration_never_displaces_the_units(
        self, session, settings, claim
    ):
        # given: the unit shows 111111; a stranger who knows the chip id registers 222222
        owner, stranger = await create_owner(session), await create_owner(session)
        hardware_id = feeder_hardware_id()
        await register(session, settings, hardware_id, "111111")
        await register(session, settings, hardware_id, "222222", now=NOW + dt.timedelta(seconds=1))
        # when
        with pytest.raises(PairingNotFound):
            await claim(stranger, hardware_id, "222222", now=NOW + dt.timedelta(seconds=2))
        device = await claim(owner, hardware_id, "111111", now=NOW + dt.timedelta(seconds=3))
        # then: the owner's claim with the PIN on the screen wins
        assert device.owner_id == owner.id
        stolen = await pairing_service.fetch_key(
            session, settings, hardware_id, "222222", NOW + dt.timedelta(seconds=4)
        )
        assert isinstance(stolen.refusal, PairingNotClaimed)

    async def test_a_registration_nobody_polls_any_more_holds_nothing(
        self, session, settings, claim
    ):
        # given: a stranger registered a minute ago and went quiet; then the unit registers
        owner = await create_owner(session)
        hardware_id = feeder_hardware_id()
        await register(session, settings, hardware_id, "222222", now=NOW - dt.timedelta(minutes=1))
        await register(session, settings, hardware_id, "111111")
        # when
        device = await claim(owner, hardware_id, "111111", now=NOW + dt.timedelta(seconds=3))
        # then
        assert device.owner_id == owner.id

    async def test_wrong_claims_from_anyone_use_up_the_pin(self, session, settings, claim):
        # given: five wrong guesses from five accounts and addresses
        owner = await create_owner(session)
        hardware_id = feeder_hardware_id()
        await register(session, settings, hardware_id)
        for guess in range(pairing_service.MAX_PIN_FAILURES):
            guesser = await create_owner(session)
            with pytest.raises(PairingNotFound):
                await claim(guesser, hardware_id, f"00000{guess}", client_ip=f"198.51.100.{guess}")
        # when / then: the right PIN is used up too
        with pytest.raises(PairingNotFound):
            await claim(owner, hardware_id)

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
        # given: ten wrong claims, each for a different unit (no PIN is used up)
        owner = await create_owner(session)
        for attempt in range(10):
            hardware_id = feeder_hardware_id()
            await register(session, settings, hardware_id)
            with pytest.raises(PairingNotFound):
                await claim(owner, hardware_id, "000000", client_ip=f"198.51.100.{attempt}")
        # when / then: even the right PIN is refused now
        with pytest.raises(RateLimited):
            await claim(owner, hardware_id, client_ip="198.51.100.99")


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

    async def test_wrong_pins_are_limited_per_address(self, session, settings, limiter):
        # given
        hardware_id = feeder_hardware_id()
        await register(session, settings, hardware_id)
        guesser = Attempts(limiter, "198.51.100.7")
        limit = limiter.limits["pair_polls_wrong_pin_per_ip"].count
        for guess in range(limit):
            await pairing_service.fetch_key(
                session, settings, hardware_id, f"{guess:06d}", NOW, guesser
            )
        # when / then
        with pytest.raises(RateLimited):
            await pairing_service.fetch_key(session, settings, hardware_id, PIN, NOW, guesser)


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
