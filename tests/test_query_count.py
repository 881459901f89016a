"""No N+1: the SQL statements a list query runs must not grow with the length of the list.

Counted with a ``before_cursor_execute`` listener on the engine, the way Saleor's
``count_queries`` pins its DataLoaders.
"""

import pytest

from graphql_api.devices.models import DeviceKind
from tests.factories.accounts import create_user, viewer_of
from tests.factories.devices_db import create_device
from tests.factories.pets_db import create_pet
from tests.support.database import counting_statements

PETS_WITH_DEVICES = """
query Pets($first: Int!) {
  pets(first: $first) {
    edges { node { name owner { email } devices { name pet { name } } } }
  }
}
"""

DEVICES_WITH_RELATIONS = """
query Devices($first: Int!) {
  devices(first: $first) {
    edges { node { name pet { name } parentHub { name } outlets { name } } }
  }
}
"""


async def owner_with_pets(session, pet_count: int):
    owner = await create_user(session)
    for index in range(pet_count):
        pet = await create_pet(session, owner, name=f"Pet {index}")
        for kind in (DeviceKind.COLLAR, DeviceKind.FEEDER):
            await create_device(
                session, owner, kind=kind, name=f"{kind.value} of {index}", pet_id=pet.id
            )
    return owner


async def owner_with_hubs(session, hub_count: int):
    """Per hub: the hub, two outlets under it, and a collar on a pet (4 devices)."""
    owner = await create_user(session)
    for index in range(hub_count):
        hub = await create_device(session, owner, kind=DeviceKind.HUB, name=f"Hub {index}")
        for outlet_id in ("FE", "FD"):
            await create_device(
                session,
                owner,
                kind=DeviceKind.OUTLET,
                hardware_id=outlet_id,
                name=f"Outlet {outlet_id}",
                parent_id=hub.id,
            )
        pet = await create_pet(session, owner, name=f"Pet {index}")
        await create_device(
            session, owner, kind=DeviceKind.COLLAR, name=f"Collar {index}", pet_id=pet.id
        )
    return owner


async def statements_for(schema, make_context, engine, owner, query: str, first: int) -> int:
    with counting_statements(engine) as statements:
        result = await schema.execute(
            query, variable_values={"first": first}, context_value=make_context(viewer_of(owner))
        )
    assert result.errors is None, result.errors
    edges = next(iter(result.data.values()))["edges"]
    assert len(edges) == first
    return len(statements)


class TestPetsWithDevices:
    @pytest.mark.parametrize(("small", "large"), [(5, 50)])
    async def test_statement_count_does_not_grow_with_the_list(
        self, schema, make_context, session, engine, small, large
    ):
        # given
        few = await owner_with_pets(session, small)
        many = await owner_with_pets(session, large)

        # when
        for_few = await statements_for(schema, make_context, engine, few, PETS_WITH_DEVICES, small)
        for_many = await statements_for(
            schema, make_context, engine, many, PETS_WITH_DEVICES, large
        )

        # then
        assert for_few == for_many
        assert for_many <= 5  # page, owners, devices by pet, pets by id (+ nothing per row)


class TestDevicesWithRelations:
    @pytest.mark.parametrize(("small", "large"), [(5, 25)])
    async def test_statement_count_does_not_grow_with_the_list(
        self, schema, make_context, session, engine, small, large
    ):
        # given
        few = await owner_with_hubs(session, small)
        many = await owner_with_hubs(session, large)

        # when
        for_few = await statements_for(
            schema, make_context, engine, few, DEVICES_WITH_RELATIONS, 4 * small
        )
        for_many = await statements_for(
            schema, make_context, engine, many, DEVICES_WITH_RELATIONS, 4 * large
        )

        # then
        assert for_few == for_many
