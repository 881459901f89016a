"""Pets and devices through the live front door: CRUD, connections, keys, hubs and outlets, and
who may see and change what (another owner's things are not found; staff read but don't write)."""

import pytest
from gql.transport.exceptions import TransportQueryError

from tests.factories.devices import (
    RegisteredDevice,
    as_wire_bytes,
    device_state,
    feeder_hardware_id,
    feeder_headers,
    heartbeat_body,
    post_status,
    register_device,
    register_device_raw,
    register_hub,
    rotate_key,
)
from tests.factories.pets import create_pet
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
NODE_PET = """
query PetNode($id: ID!) {
  node(id: $id) { __typename id ... on Pet { name owner { email } devices { id } } }
}
"""
NODE_DEVICE = """
query DeviceNode($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Device { name kind hardwareId pet { id } parentHub { id } outlets { id hardwareId } }
  }
}
"""
NODE_USER = "query UserNode($id: ID!) { node(id: $id) { __typename id ... on User { email } } }"
ME = "query Me { me { id email } }"
DEVICES = """
query Devices($kind: DeviceKind, $first: Int, $after: String) {
  devices(kind: $kind, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id kind hardwareId } }
  }
}
"""
UPDATE_DEVICE = """
mutation UpdateDevice($input: UpdateDeviceInput!) {
  updateDevice(input: $input) {
    device { id name location pet { id } }
    userErrors { field code message }
  }
}
"""
DELETE_DEVICE = """
mutation DeleteDevice($input: DeviceIdInput!) {
  deleteDevice(input: $input) { deletedDeviceId userErrors { field code message } }
}
"""
ROTATE_DEVICE_KEY = """
mutation RotateDeviceKey($input: DeviceIdInput!) {
  rotateDeviceKey(input: $input) { apiKey userErrors { field code message } }
}
"""
READ_API_KEY = "query ReadKey($id: ID!) { node(id: $id) { ... on Device { apiKey } } }"
DEVICE_FIELDS = 'query DeviceFields { __type(name: "Device") { fields { name } } }'


def codes(payload: dict) -> list[str]:
    return [error["code"] for error in payload["userErrors"]]


async def heartbeat_status(owner: GraphQLClient, device: RegisteredDevice, key: str) -> int:
    """The status a heartbeat of ``device`` signed with ``key`` gets."""
    headers = feeder_headers(device, **{"X-API-Key": key})
    response = await post_status(owner.server, as_wire_bytes(heartbeat_body(device)), headers)
    return response.status_code


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
        outlets = (await owner.execute(NODE_DEVICE, {"id": hub.id}))["node"]["outlets"]
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
        assert hub["outlets"] == [{"id": first.id, "hardwareId": "FE"}]

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


class TestAnotherOwnersDevice:
    async def test_update_is_not_found_and_changes_nothing(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        feeder = await register_device(owner, name="Kitchen")
        # when
        result = await other_owner.execute(
            UPDATE_DEVICE, {"input": {"id": feeder.id, "name": "Mine now"}}
        )
        # then
        assert result["updateDevice"]["device"] is None
        assert codes(result["updateDevice"]) == ["DEVICE_NOT_FOUND"]
        assert (await owner.execute(NODE_DEVICE, {"id": feeder.id}))["node"]["name"] == "Kitchen"

    async def test_delete_is_not_found_and_the_device_stays(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        feeder = await register_device(owner)
        # when
        result = await other_owner.execute(DELETE_DEVICE, {"input": {"id": feeder.id}})
        # then
        assert result["deleteDevice"]["deletedDeviceId"] is None
        assert codes(result["deleteDevice"]) == ["DEVICE_NOT_FOUND"]
        assert (await owner.execute(NODE_DEVICE, {"id": feeder.id}))["node"]["id"] == feeder.id

    async def test_node_is_null(self, owner: GraphQLClient, other_owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        pet = await create_pet(owner)
        # when
        device_node = await other_owner.execute(NODE_DEVICE, {"id": feeder.id})
        pet_node = await other_owner.execute(NODE_PET, {"id": pet["id"]})
        # then
        assert device_node["node"] is None
        assert pet_node["node"] is None

    async def test_it_is_not_in_the_devices_list(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        await register_device(owner)
        # when
        result = await other_owner.execute(DEVICES, {"first": 10})
        # then
        assert result["devices"]["totalCount"] == 0

    async def test_the_owners_feeder_reads_the_same_as_a_missing_one(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        feeder = await register_device(owner)
        mine = await register_device(other_owner)
        await other_owner.execute(DELETE_DEVICE, {"input": {"id": mine.id}})
        # when
        someone_elses = await other_owner.execute(UPDATE_DEVICE, {"input": {"id": feeder.id}})
        deleted = await other_owner.execute(UPDATE_DEVICE, {"input": {"id": mine.id}})
        # then
        assert someone_elses == deleted


class TestStaff:
    async def test_staff_reads_an_owners_device_and_pet(
        self, owner: GraphQLClient, staff: GraphQLClient
    ):
        # given
        pet = await create_pet(owner, "Rex")
        feeder = await register_device(owner, petId=pet["id"])
        # when
        device_node = await staff.execute(NODE_DEVICE, {"id": feeder.id})
        pet_node = await staff.execute(NODE_PET, {"id": pet["id"]})
        # then
        assert device_node["node"]["hardwareId"] == feeder.hardware_id
        assert device_node["node"]["pet"] == {"id": pet["id"]}
        assert pet_node["node"]["name"] == "Rex"

    async def test_staff_cannot_update_an_owners_device(
        self, owner: GraphQLClient, staff: GraphQLClient
    ):
        # given
        feeder = await register_device(owner, name="Kitchen")
        # when
        result = await staff.execute(UPDATE_DEVICE, {"input": {"id": feeder.id, "name": "Staff"}})
        # then
        assert codes(result["updateDevice"]) == ["DEVICE_NOT_FOUND"]
        assert (await owner.execute(NODE_DEVICE, {"id": feeder.id}))["node"]["name"] == "Kitchen"

    async def test_staff_cannot_rotate_an_owners_key(
        self, owner: GraphQLClient, staff: GraphQLClient
    ):
        # given
        feeder = await register_device(owner)
        # when
        result = await staff.execute(ROTATE_DEVICE_KEY, {"input": {"id": feeder.id}})
        # then
        assert codes(result["rotateDeviceKey"]) == ["DEVICE_NOT_FOUND"]
        assert await heartbeat_status(owner, feeder, feeder.api_key) == 200


class TestAssignPet:
    async def test_own_pet_is_assigned_both_ways(self, owner: GraphQLClient):
        # given
        pet = await create_pet(owner, "Rex")
        feeder = await register_device(owner)
        # when
        result = await owner.execute(
            UPDATE_DEVICE, {"input": {"id": feeder.id, "petId": pet["id"]}}
        )
        # then
        assert result["updateDevice"]["userErrors"] == []
        assert result["updateDevice"]["device"]["pet"] == {"id": pet["id"]}
        pet_node = await owner.execute(NODE_PET, {"id": pet["id"]})
        assert pet_node["node"]["devices"] == [{"id": feeder.id}]

    async def test_null_pet_unassigns(self, owner: GraphQLClient):
        # given
        pet = await create_pet(owner, "Rex")
        feeder = await register_device(owner, petId=pet["id"])
        # when
        result = await owner.execute(UPDATE_DEVICE, {"input": {"id": feeder.id, "petId": None}})
        # then
        assert result["updateDevice"]["device"]["pet"] is None

    async def test_another_owners_pet_is_not_found(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        their_pet = await create_pet(other_owner, "Theirs")
        feeder = await register_device(owner)
        # when
        result = await owner.execute(
            UPDATE_DEVICE, {"input": {"id": feeder.id, "petId": their_pet["id"]}}
        )
        # then
        assert result["updateDevice"]["device"] is None
        assert codes(result["updateDevice"]) == ["PET_NOT_FOUND"]
        assert result["updateDevice"]["userErrors"][0]["field"] == ["petId"]
        assert (await owner.execute(NODE_DEVICE, {"id": feeder.id}))["node"]["pet"] is None

    async def test_registering_with_another_owners_pet_is_not_found(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        their_pet = await create_pet(other_owner, "Theirs")
        # when
        payload = await register_device_raw(
            owner,
            kind="FEEDER",
            name="Feeder",
            hardwareId=feeder_hardware_id(),
            petId=their_pet["id"],
        )
        # then
        assert payload["device"] is None
        assert codes(payload) == ["PET_NOT_FOUND"]

    async def test_a_device_id_is_not_a_pet_id(self, owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        # when
        result = await owner.execute(
            UPDATE_DEVICE, {"input": {"id": feeder.id, "petId": feeder.id}}
        )
        # then
        assert codes(result["updateDevice"]) == ["INVALID_ID"]
        assert result["updateDevice"]["userErrors"][0]["field"] == ["petId"]


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
