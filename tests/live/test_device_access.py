"""Who may see and change a device or pet, through the live front door: another owner finds
nothing (not-found and not-allowed look alike), staff read but do not write, and a device is
only ever assigned to its owner's pets."""

from tests.factories.devices import feeder_hardware_id, register_device, register_device_raw
from tests.factories.pets import create_pet
from tests.live.documents import (
    DELETE_DEVICE,
    DEVICES,
    NODE_DEVICE,
    NODE_PET,
    ROTATE_DEVICE_KEY,
    UPDATE_DEVICE,
    codes,
    heartbeat_status,
    nodes,
)
from tests.support.graphql_client import GraphQLClient


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
        assert nodes(pet_node["node"]["devices"]) == [{"id": feeder.id}]

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
