import asyncio
import datetime as dt

import pytest
from strawberry import relay

from graphql_api.auth import Viewer
from graphql_api.error_codes import ErrorCode
from graphql_api.errors import CommonErrorCode
from graphql_api.pagination import PageArgs
from graphql_api.pets import service as pets_service
from graphql_api.pets.errors import PetErrorCode
from tests.factories.accounts import create_user, viewer_of
from tests.factories.devices_db import create_device
from tests.factories.pets_db import create_pet

CREATE_PET = """
mutation CreatePet($input: CreatePetInput!) {
  createPet(input: $input) {
    pet { id name species breed birthdate weightKg activityLevel neutered owner { email } }
    userErrors { field code message }
  }
}
"""

UPDATE_PET = """
mutation UpdatePet($input: UpdatePetInput!) {
  updatePet(input: $input) {
    pet { id name breed weightKg }
    userErrors { field code message }
  }
}
"""

DELETE_PET = """
mutation DeletePet($input: DeletePetInput!) {
  deletePet(input: $input) {
    deletedPetId
    userErrors { field code message }
  }
}
"""

PETS = """
query Pets($first: Int, $after: String, $last: Int, $before: String) {
  pets(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name } }
  }
}
"""

NODE = """
query Node($id: ID!) { node(id: $id) { id ... on Pet { name } } }
"""


def graphql_code(code) -> str:
    """How a domain code reads in the schema's ErrorCode enum (KeyError if it is not there)."""
    return ErrorCode[code.value].value


def pet_gid(pet) -> str:
    return str(relay.GlobalID("Pet", str(pet.id)))


def device_gid(device) -> str:
    return str(relay.GlobalID("Device", str(device.id)))


def only_user_error(payload: dict) -> dict:
    assert len(payload["userErrors"]) == 1, payload["userErrors"]
    return payload["userErrors"][0]


class TestCreatePet:
    async def test_creates_the_viewers_pet(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        variables = {
            "input": {
                "name": "Rex",
                "species": "DOG",
                "breed": "Beagle",
                "birthdate": "2021-04-01",
                "weightKg": 11.5,
                "activityLevel": "HIGH",
            }
        }

        # when
        result = await schema.execute(
            CREATE_PET, variable_values=variables, context_value=make_context(viewer_of(owner))
        )

        # then
        assert result.errors is None
        payload = result.data["createPet"]
        assert payload["userErrors"] == []
        assert payload["pet"]["name"] == "Rex"
        assert payload["pet"]["weightKg"] == 11.5
        assert payload["pet"]["neutered"] is False
        assert payload["pet"]["owner"] == {"email": owner.email}
        assert relay.GlobalID.from_id(payload["pet"]["id"]).type_name == "Pet"

    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"name": ""}, "name"),
            ({"name": "n" * 61}, "name"),
            ({"birthdate": (dt.date.today() + dt.timedelta(days=2)).isoformat()}, "birthdate"),
            ({"weightKg": 0}, "weightKg"),
            ({"weightKg": 500.5}, "weightKg"),
        ],
    )
    async def test_invalid_input_is_a_user_error(
        self, schema, make_context, session, overrides, field
    ):
        # given
        owner = await create_user(session)
        variables = {"input": {"name": "Rex", "species": "DOG", **overrides}}

        # when
        result = await schema.execute(
            CREATE_PET, variable_values=variables, context_value=make_context(viewer_of(owner))
        )

        # then
        assert result.errors is None
        payload = result.data["createPet"]
        assert payload["pet"] is None
        error = only_user_error(payload)
        assert error["code"] == graphql_code(PetErrorCode.INVALID_PET)
        assert error["field"] == [field]

    async def test_an_anonymous_viewer_gets_not_authenticated(self, schema, make_context):
        # given
        variables = {"input": {"name": "Rex", "species": "DOG"}}

        # when
        result = await schema.execute(
            CREATE_PET, variable_values=variables, context_value=make_context()
        )

        # then
        error = only_user_error(result.data["createPet"])
        assert error["code"] == graphql_code(CommonErrorCode.NOT_AUTHENTICATED)

    async def test_a_suspended_viewer_gets_account_suspended(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        suspended = Viewer(owner.id, owner.role, suspended=True)
        variables = {"input": {"name": "Rex", "species": "DOG"}}

        # when
        result = await schema.execute(
            CREATE_PET, variable_values=variables, context_value=make_context(suspended)
        )

        # then
        error = only_user_error(result.data["createPet"])
        assert error["code"] == graphql_code(CommonErrorCode.ACCOUNT_SUSPENDED)

    async def test_an_unexpected_exception_is_masked_and_nothing_is_written(
        self, schema, make_context, session, monkeypatch
    ):
        # given
        owner = await create_user(session)
        owner_viewer = viewer_of(owner)
        await session.commit()  # the failing mutation rolls back to here
        real_create = pets_service.create

        async def create_then_fail(*args, **kwargs):
            await real_create(*args, **kwargs)
            raise RuntimeError("disk full at /var/lib/postgresql")

        monkeypatch.setattr(pets_service, "create", create_then_fail)
        variables = {"input": {"name": "Ghost", "species": "CAT"}}

        # when
        result = await schema.execute(
            CREATE_PET, variable_values=variables, context_value=make_context(owner_viewer)
        )

        # then
        assert [error.message for error in result.errors] == ["Unexpected error."]
        page, _ = await pets_service.list_for_viewer(
            session, owner_viewer, PageArgs(limit=10, forward=True, cursor=None)
        )
        assert page.items == []


class TestUpdatePet:
    async def test_changes_given_fields_and_clears_nulls(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        pet = await create_pet(session, owner)
        variables = {"input": {"id": pet_gid(pet), "name": "Mochi II", "weightKg": None}}

        # when
        result = await schema.execute(
            UPDATE_PET, variable_values=variables, context_value=make_context(viewer_of(owner))
        )

        # then
        payload = result.data["updatePet"]
        assert payload["userErrors"] == []
        assert payload["pet"]["name"] == "Mochi II"
        assert payload["pet"]["weightKg"] is None

    async def test_null_for_a_required_field_is_a_user_error(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        pet = await create_pet(session, owner)
        variables = {"input": {"id": pet_gid(pet), "species": None}}

        # when
        result = await schema.execute(
            UPDATE_PET, variable_values=variables, context_value=make_context(viewer_of(owner))
        )

        # then
        error = only_user_error(result.data["updatePet"])
        assert error["code"] == graphql_code(PetErrorCode.INVALID_PET)
        assert error["field"] == ["species"]

    async def test_another_owners_pet_is_not_found(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        stranger = await create_user(session, prefix="stranger")
        pet = await create_pet(session, owner)
        pet_id, owner_viewer = pet.id, viewer_of(owner)
        variables = {"input": {"id": pet_gid(pet), "name": "Stolen"}}
        await session.commit()  # the failing mutation rolls back to here

        # when
        result = await schema.execute(
            UPDATE_PET, variable_values=variables, context_value=make_context(viewer_of(stranger))
        )

        # then
        payload = result.data["updatePet"]
        assert payload["pet"] is None
        error = only_user_error(payload)
        assert error["code"] == graphql_code(PetErrorCode.PET_NOT_FOUND)
        assert (await pets_service.get(session, owner_viewer, pet_id)).name == "Mochi"

    async def test_a_device_id_is_an_invalid_id(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        device = await create_device(session, owner)
        variables = {"input": {"id": device_gid(device), "name": "Confused"}}

        # when
        result = await schema.execute(
            UPDATE_PET, variable_values=variables, context_value=make_context(viewer_of(owner))
        )

        # then
        error = only_user_error(result.data["updatePet"])
        assert error["code"] == graphql_code(CommonErrorCode.INVALID_ID)
        assert error["field"] == ["id"]

    async def test_a_malformed_id_is_a_request_error_not_a_masked_one(
        self, schema, make_context, session
    ):
        # given
        owner = await create_user(session)
        variables = {"input": {"id": "not-a-global-id", "name": "X"}}

        # when
        result = await schema.execute(
            UPDATE_PET, variable_values=variables, context_value=make_context(viewer_of(owner))
        )

        # then
        assert result.errors is not None
        assert result.errors[0].message != "Unexpected error."


class TestDeletePet:
    async def test_deletes_the_viewers_pet(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        pet = await create_pet(session, owner)
        context = make_context(viewer_of(owner))

        # when
        result = await schema.execute(
            DELETE_PET, variable_values={"input": {"id": pet_gid(pet)}}, context_value=context
        )

        # then
        payload = result.data["deletePet"]
        assert payload["userErrors"] == []
        assert payload["deletedPetId"] == pet_gid(pet)
        assert await pets_service.get(session, viewer_of(owner), pet.id) is None

    async def test_another_owners_pet_is_not_found_and_kept(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        stranger = await create_user(session, prefix="stranger")
        pet = await create_pet(session, owner)
        pet_id, owner_viewer = pet.id, viewer_of(owner)
        await session.commit()  # the failing mutation rolls back to here

        # when
        result = await schema.execute(
            DELETE_PET,
            variable_values={"input": {"id": pet_gid(pet)}},
            context_value=make_context(viewer_of(stranger)),
        )

        # then
        payload = result.data["deletePet"]
        assert payload["deletedPetId"] is None
        assert only_user_error(payload)["code"] == graphql_code(PetErrorCode.PET_NOT_FOUND)
        assert await pets_service.get(session, owner_viewer, pet_id) is not None


class TestPetsQuery:
    async def test_lists_only_the_viewers_pets(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        stranger = await create_user(session, prefix="stranger")
        mine = [await create_pet(session, owner, name=f"Mine {index}") for index in range(3)]
        await create_pet(session, stranger, name="Theirs")

        # when
        result = await schema.execute(
            PETS, variable_values={"first": 2}, context_value=make_context(viewer_of(owner))
        )

        # then
        assert result.errors is None
        pets = result.data["pets"]
        assert pets["totalCount"] == 3
        assert [edge["node"]["name"] for edge in pets["edges"]] == [pet.name for pet in mine[:2]]
        assert pets["pageInfo"]["hasNextPage"] is True
        assert pets["pageInfo"]["hasPreviousPage"] is False
        assert pets["pageInfo"]["endCursor"] == pets["edges"][-1]["cursor"]

    async def test_a_domain_error_surfaces_with_its_code(self, schema, make_context, session):
        # given
        owner = await create_user(session)

        # when
        result = await schema.execute(
            PETS,
            variable_values={"first": 2, "last": 2},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        assert result.data is None
        assert len(result.errors) == 1
        assert result.errors[0].extensions["code"] == graphql_code(CommonErrorCode.INVALID)
        assert "not both" in result.errors[0].message

    async def test_without_a_viewer_it_is_not_authenticated(self, schema, make_context):
        # when
        result = await schema.execute(PETS, context_value=make_context())

        # then
        assert result.errors[0].extensions["code"] == graphql_code(
            CommonErrorCode.NOT_AUTHENTICATED
        )

    async def test_an_unexpected_exception_is_masked(
        self, schema, make_context, session, monkeypatch
    ):
        # given
        owner = await create_user(session)

        async def broken(*args, **kwargs):
            raise RuntimeError("connection string postgresql://secret@db")

        monkeypatch.setattr(pets_service, "list_for_viewer", broken)

        # when
        result = await schema.execute(PETS, context_value=make_context(viewer_of(owner)))

        # then
        assert len(result.errors) == 1
        assert result.errors[0].message == "Unexpected error."
        assert "code" not in (result.errors[0].extensions or {})

    async def test_concurrent_requests_each_mask_their_own_errors(
        self, schema, make_context, session, monkeypatch
    ):
        # given: failing and succeeding requests interleave on one schema
        owner = await create_user(session)
        real_list = pets_service.list_for_viewer

        async def sometimes_broken(session, viewer, page, owner_id=None):
            await asyncio.sleep(0)
            if page.limit == 1:
                raise RuntimeError("internal detail")
            return await real_list(session, viewer, page, owner_id)

        monkeypatch.setattr(pets_service, "list_for_viewer", sometimes_broken)

        # when
        results = await asyncio.gather(
            *(
                schema.execute(
                    PETS,
                    variable_values={"first": 1 + index % 2},
                    context_value=make_context(viewer_of(owner)),
                )
                for index in range(10)
            )
        )

        # then
        for index, result in enumerate(results):
            if index % 2 == 0:
                assert [error.message for error in result.errors] == ["Unexpected error."]
            else:
                assert result.errors is None


class TestNode:
    async def test_resolves_the_viewers_pet_and_hides_anothers(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        stranger = await create_user(session, prefix="stranger")
        pet = await create_pet(session, owner)
        variables = {"id": pet_gid(pet)}

        # when
        own = await schema.execute(
            NODE, variable_values=variables, context_value=make_context(viewer_of(owner))
        )
        other = await schema.execute(
            NODE, variable_values=variables, context_value=make_context(viewer_of(stranger))
        )

        # then
        assert own.data["node"] == {"id": pet_gid(pet), "name": "Mochi"}
        assert other.errors is None
        assert other.data["node"] is None
