import datetime as dt

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from strawberry import relay

from graphql_api.error_codes import ErrorCode
from graphql_api.pairing import service as pairing_service
from graphql_api.pairing.errors import PairingErrorCode
from graphql_api.pets.errors import PetErrorCode
from graphql_api.state import AppState
from tests.factories.accounts import viewer_of
from tests.factories.devices_db import feeder_hardware_id
from tests.factories.pets_db import create_pet
from tests.factories.schedules import create_owner

CLAIM = """
mutation Claim($input: ClaimDeviceInput!) {
  claimDevice(input: $input) {
    device { id kind name hardwareId pet { id } }
    userErrors { field code message }
  }
}
"""
PIN = "482913"


@pytest.fixture
def app_state(settings, engine, memory_bus) -> AppState:
    """Claim attempts commit in a short session of their own; here it shares the test's
    connection (as savepoints), so they stay invisible to other tests and roll back at the end."""
    return AppState(settings=settings, engine=engine, sessionmaker=None, bus=memory_bus)


@pytest.fixture
def make_context(app_state, session, make_context):
    app_state.sessionmaker = async_sessionmaker(
        bind=session.bind,
        class_=AsyncSession,
        join_transaction_mode="create_savepoint",
        expire_on_commit=False,
    )
    return make_context


async def waiting_unit(session, settings) -> str:
    hardware_id = feeder_hardware_id()
    now = dt.datetime.now(dt.UTC)
    await pairing_service.register(session, settings, hardware_id, PIN, 300, now)
    # Commit the setup: the claim's own savepoints then start after it (see app_state).
    await session.commit()
    return hardware_id


async def claim(schema, make_context, viewer, **fields):
    result = await schema.execute(
        CLAIM, variable_values={"input": fields}, context_value=make_context(viewer)
    )
    assert result.errors is None, result.errors
    return result.data["claimDevice"]


class TestClaimDevice:
    async def test_claims_the_unit_as_the_viewers_feeder(
        self, schema, make_context, session, settings
    ):
        # given
        owner = await create_owner(session)
        pet = await create_pet(session, owner)
        hardware_id = await waiting_unit(session, settings)
        viewer = viewer_of(owner)
        pet_id = str(relay.GlobalID("Pet", str(pet.id)))
        # when
        payload = await claim(
            schema, make_context, viewer, hardwareId=hardware_id, pin=PIN, name="Hall", petId=pet_id
        )
        # then
        assert payload["userErrors"] == []
        device = payload["device"]
        assert (device["kind"], device["name"], device["hardwareId"]) == (
            "FEEDER",
            "Hall",
            hardware_id,
        )
        assert device["pet"] == {"id": pet_id}

    async def test_a_wrong_pin_is_a_user_error(self, schema, make_context, session, settings):
        # given
        owner = await create_owner(session)
        hardware_id = await waiting_unit(session, settings)
        viewer = viewer_of(owner)
        # when
        payload = await claim(
            schema, make_context, viewer, hardwareId=hardware_id, pin="000000", name="Hall"
        )
        # then
        assert payload["device"] is None
        assert payload["userErrors"] == [
            {
                "field": ["pin"],
                "code": ErrorCode[PairingErrorCode.PAIRING_NOT_FOUND.value].value,
                "message": "No unit is waiting to pair with this hardware id and PIN.",
            }
        ]

    async def test_another_users_pet_is_not_found_and_nothing_is_claimed(
        self, schema, make_context, session, settings
    ):
        # given
        owner, stranger = await create_owner(session), await create_owner(session)
        pet = await create_pet(session, stranger)
        hardware_id = await waiting_unit(session, settings)
        viewer = viewer_of(owner)
        pet_id = str(relay.GlobalID("Pet", str(pet.id)))
        # when
        refused = await claim(
            schema, make_context, viewer, hardwareId=hardware_id, pin=PIN, name="H", petId=pet_id
        )
        retried = await claim(
            schema, make_context, viewer, hardwareId=hardware_id, pin=PIN, name="H"
        )
        # then
        assert refused["userErrors"][0]["code"] == ErrorCode[PetErrorCode.PET_NOT_FOUND.value].value
        assert retried["userErrors"] == []

    async def test_failed_attempts_count_towards_the_rate_limit(
        self, schema, make_context, session, settings
    ):
        # given
        owner = await create_owner(session)
        hardware_id = await waiting_unit(session, settings)
        viewer = viewer_of(owner)
        for _ in range(10):
            await claim(
                schema, make_context, viewer, hardwareId=hardware_id, pin="000000", name="H"
            )
        # when
        payload = await claim(
            schema, make_context, viewer, hardwareId=hardware_id, pin=PIN, name="H"
        )
        # then
        assert [error["code"] for error in payload["userErrors"]] == ["RATE_LIMITED"]
