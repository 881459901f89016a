"""Pets and devices through the live front door: CRUD, connections, keys, hubs and outlets, and
global IDs that round-trip through ``node``. Who may see and change what is in
``test_device_access.py``."""

import pytest
from gql.transport.exceptions import TransportQueryError

from tests.factories.devices import (
    device_state,
    feeder_hardware_id,
    register_device,
    register_device_raw,
    register_hub,
    rotate_key,
)
from tests.factories.pets import create_pet
from tests.live.documents import (
    DEVICES,
    ME,
    NODE_DEVICE,
    NODE_PET,
    NODE_USER,
    ROTATE_DEVICE_KEY,
    codes,
    heartbeat_status,
    nodes,
)
from tests.support.graphql_client import GraphQLClient

UPDATE_PET = """
mutation UpdatePet($input: UpdatePetInput!) {
  updatePet(input: $input) {
    pet { id name breed weightKg activityLevel neutered }
    userErrors { field code message }
  }
}
"""
DELETE_PET = """
mutation DeletePet($input: DeletePetInput!) {
  deletePet(input: $input) { deletedPetId userErrors { field code message } }
}
"""
PETS = """
query Pets($first: Int, $after: String) {
  pets(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name } }
  }
}
"""
READ_API_KEY = "query ReadKey($id: ID!) { node(id: $id) { ... on Device { apiKey } } }"
DEVICE_FIELDS = 'query DeviceFields { __type(name: "Device") { fields { name } } }'


class TestCreatePet:
    async def test_new_pet_has_every_field(self, owner: GraphQLClient):
        # when
        pet = await create_pet(
            owner,
            "Biscuit",
            species="CAT",
            breed="Siamese",
            birthdate="2020-04-01",
            weightKg=4.25,
            activityLevel="HIGH",
            neutered=True,
        )
        # then
        assert pet["name"] == "Biscuit"
        assert pet["species"] == "CAT"
        assert pet["breed"] == "Siamese"
        assert pet["birthdate"] == "2020-04-01"
        assert pet["weightKg"] == 4.25
        assert pet["activityLevel"] == "HIGH"
        assert pet["neutered"] is True

    async def test_impossible_weight_is_refused_with_the_field(self, owner: GraphQLClient):
        # given
        pet_input = {"name": "Heavy", "species": "DOG", "weightKg": 0}
        # when
        result = await owner.execute(
            "mutation Create($input: CreatePetInput!) { createPet(input: $input) "
            "{ pet { id } userErrors { field code } } }",
            {"input": pet_input},
        )
        # then
        assert result["createPet"] == {
            "pet": None,
            "userErrors": [{"field": ["weightKg"], "code": "INVALID_PET"}],
        }

    async def test_anonymous_cannot_create_a_pet(self, anonymous: GraphQLClient):
        # given
        pet_input = {"name": "Stray", "species": "CAT"}
        # when
        result = await anonymous.execute(
            "mutation Create($input: CreatePetInput!) { createPet(input: $input) "
            "{ pet { id } userErrors { code } } }",
            {"input": pet_input},
        )
        # then
        assert result["createPet"] == {"pet": None, "userErrors": [{"code": "NOT_AUTHENTICATED"}]}


class TestUpdatePet:
    async def test_given_fields_change_and_others_stay(self, owner: GraphQLClient):
        # given
        pet = await create_pet(owner, "Rex", breed="Beagle", weightKg=10.0)
        # when
        result = await owner.execute(
            UPDATE_PET, {"input": {"id": pet["id"], "name": "Rexy", "weightKg": None}}
        )
        # then
        payload = result["updatePet"]
        assert payload["userErrors"] == []
        assert payload["pet"]["name"] == "Rexy"
        assert payload["pet"]["breed"] == "Beagle"
        assert payload["pet"]["weightKg"] is None

    async def test_another_owners_pet_is_not_found_and_unchanged(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        pet = await create_pet(owner, "Rex")
        # when
        result = await other_owner.execute(UPDATE_PET, {"input": {"id": pet["id"], "name": "Mine"}})
        # then
        assert result["updatePet"]["pet"] is None
        assert codes(result["updatePet"]) == ["PET_NOT_FOUND"]
        assert result["updatePet"]["userErrors"][0]["field"] == ["id"]
        unchanged = await owner.execute(NODE_PET, {"id": pet["id"]})
        assert unchanged["node"]["name"] == "Rex"


class TestDeletePet:
    async def test_deleted_pet_is_gone(self, owner: GraphQLClient):
        # given
        pet = await create_pet(owner, "Ghost")
        # when
        result = await owner.execute(DELETE_PET, {"input": {"id": pet["id"]}})
        # then
        assert result["deletePet"] == {"deletedPetId": pet["id"], "userErrors": []}
        assert (await owner.execute(NODE_PET, {"id": pet["id"]}))["node"] is None

    async def test_deleting_a_pet_unassigns_its_devices(self, owner: GraphQLClient):
        # given
        pet = await create_pet(owner, "Ghost")
        feeder = await register_device(owner, petId=pet["id"])
        # when
        await owner.execute(DELETE_PET, {"input": {"id": pet["id"]}})
        # then
        device = await owner.execute(NODE_DEVICE, {"id": feeder.id})
        assert device["node"]["pet"] is None

    async def test_another_owners_pet_is_not_found_and_kept(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        pet = await create_pet(owner, "Rex")
        # when
        result = await other_owner.execute(DELETE_PET, {"input": {"id": pet["id"]}})
        # then
        assert result["deletePet"]["deletedPetId"] is None
        assert codes(result["deletePet"]) == ["PET_NOT_FOUND"]
        assert (await owner.execute(NODE_PET, {"id": pet["id"]}))["node"]["name"] == "Rex"


class TestPetsConnection:
    async def test_pages_forward_with_a_total_count(self, owner: GraphQLClient):
        # given
        created = [await create_pet(owner, name) for name in ("Ada", "Bea", "Cy")]
        # when
        first_page = (await owner.execute(PETS, {"first": 2}))["pets"]
        cursor = first_page["pageInfo"]["endCursor"]
        second_page = (await owner.execute(PETS, {"first": 2, "after": cursor}))["pets"]
        # then
        assert first_page["totalCount"] == 3
        assert [edge["node"]["name"] for edge in first_page["edges"]] == ["Ada", "Bea"]
        assert first_page["pageInfo"]["hasNextPage"] is True
        assert [edge["node"]["id"] for edge in second_page["edges"]] == [created[2]["id"]]
        assert second_page["pageInfo"]["hasNextPage"] is False
        assert second_page["totalCount"] == 3

    async def test_lists_only_the_viewers_pets(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        await create_pet(owner, "Ada")
        # when
        result = await other_owner.execute(PETS, {"first": 10})
        # then
        assert result["pets"]["totalCount"] == 0
        assert result["pets"]["edges"] == []

    async def test_page_size_above_the_maximum_is_refused(self, owner: GraphQLClient):
        # when
        with pytest.raises(TransportQueryError) as refused:
            await owner.execute(PETS, {"first": 100_000})
        # then
        assert "first" in str(refused.value)


class TestRegisterDevice:
    async def test_api_key_is_returned_once_and_cannot_be_read_later(self, owner: GraphQLClient):
        # given
        hardware_id = feeder_hardware_id()
        # when
        payload = await register_device_raw(
            owner, kind="FEEDER", name="Kitchen feeder", hardwareId=hardware_id
        )
        # then
        assert payload["userErrors"] == []
        assert payload["device"]["hardwareId"] == hardware_id
        assert len(payload["apiKey"]) == 48
        fields = (await owner.execute(DEVICE_FIELDS))["__type"]["fields"]
        assert not [field["name"] for field in fields if "key" in field["name"].lower()]
        with pytest.raises(TransportQueryError):
            await owner.execute(READ_API_KEY, {"id": payload["device"]["id"]})

    async def test_issued_key_authenticates_the_device(self, owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        # when
        status = await heartbeat_status(owner, feeder, feeder.api_key)
        # then
        assert status == 200

    async def test_chip_id_is_normalised_to_upper_case(self, owner: GraphQLClient):
        # given
        hardware_id = feeder_hardware_id()
        # when
        payload = await register_device_raw(
            owner, kind="FEEDER", name="Feeder", hardwareId=hardware_id.lower()
        )
        # then
        assert payload["device"]["hardwareId"] == hardware_id

    async def test_malformed_chip_id_is_refused(self, owner: GraphQLClient):
        # when
        payload = await register_device_raw(
            owner, kind="FEEDER", name="Feeder", hardwareId="ESP-XYZ"
        )
        # then
        assert payload["device"] is None
        assert payload["apiKey"] is None
        assert codes(payload) == ["INVALID_HARDWARE_ID"]
        assert payload["userErrors"][0]["field"] == ["hardwareId"]

    async def test_same_feeder_twice_is_taken(self, owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        # when
        payload = await register_device_raw(
            owner, kind="FEEDER", name="Again", hardwareId=feeder.hardware_id
        )
        # then
        assert payload["apiKey"] is None
        assert codes(payload) == ["HARDWARE_ID_TAKEN"]

    async def test_devices_connection_filters_by_kind(self, owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        await register_hub(owner)
        # when
        result = await owner.execute(DEVICES, {"kind": "FEEDER", "first": 10})
        # then
        assert result["devices"]["totalCount"] == 1
        assert [edge["node"]["id"] for edge in result["devices"]["edges"]] == [feeder.id]


class TestRotateDeviceKey:
    async def test_old_key_stops_working_and_new_key_works(self, owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        # when
        rotated = await rotate_key(owner, feeder)
        # then
        assert rotated.api_key != feeder.api_key
        assert await heartbeat_status(owner, feeder, feeder.api_key) == 403
        assert await heartbeat_status(owner, feeder, rotated.api_key) == 200

    async def test_another_owner_cannot_rotate_and_the_key_keeps_working(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        feeder = await register_device(owner)
        # when
        result = await other_owner.execute(ROTATE_DEVICE_KEY, {"input": {"id": feeder.id}})
        # then
        assert result["rotateDeviceKey"]["apiKey"] is None
        assert codes(result["rotateDeviceKey"]) == ["DEVICE_NOT_FOUND"]
        assert await heartbeat_status(owner, feeder, feeder.api_key) == 200


class TestOutlets:
    async def test_outlet_without_a_hub_is_refused(self, owner: GraphQLClient):
        # when
        payload = await register_device_raw(owner, kind="OUTLET", name="Heater", hardwareId="FE")
        # then
        assert payload["device"] is None
        assert codes(payload) == ["PARENT_HUB_REQUIRED"]
        assert payload["userErrors"][0]["field"] == ["parentHubId"]

    async def test_outlet_under_a_feeder_is_refused(self, owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        # when
        payload = await register_device_raw(
            owner, kind="OUTLET", name="Heater", hardwareId="FE", parentHubId=feeder.id
        )
        # then
        assert codes(payload) == ["PARENT_HUB_REQUIRED"]

    async def test_outlet_under_another_owners_hub_is_refused(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        hub = await register_hub(owner)
        # when
        payload = await register_device_raw(
            other_owner, kind="OUTLET", name="Heater", hardwareId="FE", parentHubId=hub.id
        )
        # then
        assert codes(payload) == ["PARENT_HUB_REQUIRED"]
        outlets = nodes((await owner.execute(NODE_DEVICE, {"id": hub.id}))["node"]["outlets"])
        assert outlets == []

    async def test_same_outlet_id_under_two_hubs_is_fine(self, owner: GraphQLClient):
        # given
        first_hub = await register_hub(owner)
        second_hub = await register_hub(owner)
        # when
        first = await register_device(owner, "OUTLET", "FE", parentHubId=first_hub.id)
        second = await register_device(owner, "OUTLET", "FE", parentHubId=second_hub.id)
        # then
        outlet = (await owner.execute(NODE_DEVICE, {"id": second.id}))["node"]
        assert outlet["parentHub"] == {"id": second_hub.id}
        hub = (await owner.execute(NODE_DEVICE, {"id": first_hub.id}))["node"]
        assert nodes(hub["outlets"]) == [{"id": first.id, "hardwareId": "FE"}]

    async def test_same_outlet_id_twice_under_one_hub_is_taken(self, owner: GraphQLClient):
        # given
        hub = await register_hub(owner)
        await register_device(owner, "OUTLET", "FE", parentHubId=hub.id)
        # when
        payload = await register_device_raw(
            owner, kind="OUTLET", name="Twin", hardwareId="fe", parentHubId=hub.id
        )
        # then
        assert payload["device"] is None
        assert codes(payload) == ["HARDWARE_ID_TAKEN"]
        assert payload["userErrors"][0]["field"] == ["hardwareId"]


class TestNode:
    async def test_pet_device_and_user_ids_round_trip(self, owner: GraphQLClient):
        # given
        pet = await create_pet(owner)
        feeder = await register_device(owner)
        me = (await owner.execute(ME))["me"]
        # when
        pet_node = (await owner.execute(NODE_PET, {"id": pet["id"]}))["node"]
        device_node = (await owner.execute(NODE_DEVICE, {"id": feeder.id}))["node"]
        user_node = (await owner.execute(NODE_USER, {"id": me["id"]}))["node"]
        # then
        assert (pet_node["__typename"], pet_node["id"]) == ("Pet", pet["id"])
        assert pet_node["owner"] == {"email": me["email"]}
        assert (device_node["__typename"], device_node["id"]) == ("Device", feeder.id)
        assert (user_node["__typename"], user_node["id"]) == ("User", me["id"])

    async def test_state_is_readable_before_any_heartbeat(self, owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        # when
        state = await device_state(owner, feeder)
        # then
        assert state["online"] is False
        assert state["lastSeenAt"] is None
        assert state["status"]["wifiRssi"] is None
