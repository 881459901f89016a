import hashlib

import pytest
from strawberry import relay

from graphql_api.devices import service as devices_service
from graphql_api.devices.errors import DeviceErrorCode
from graphql_api.devices.models import DeviceKind
from graphql_api.error_codes import ErrorCode
from graphql_api.errors import CommonErrorCode
from graphql_api.pets.errors import PetErrorCode
from tests.factories.accounts import create_user, viewer_of
from tests.factories.devices_db import create_device, feeder_hardware_id, register_device
from tests.factories.pets_db import create_pet

REGISTER_DEVICE = """
mutation RegisterDevice($input: RegisterDeviceInput!) {
  registerDevice(input: $input) {
    apiKey
    device { id kind name hardwareId online pet { name } parentHub { id } }
    userErrors { field code message }
  }
}
"""

ROTATE_KEY = """
mutation Rotate($input: DeviceIdInput!) {
  rotateDeviceKey(input: $input) {
    apiKey
    device { id }
    userErrors { field code message }
  }
}
"""

UPDATE_DEVICE = """
mutation UpdateDevice($input: UpdateDeviceInput!) {
  updateDevice(input: $input) {
    device { id name location pet { name } }
    userErrors { field code message }
  }
}
"""

DELETE_DEVICE = """
mutation DeleteDevice($input: DeviceIdInput!) {
  deleteDevice(input: $input) {
    deletedDeviceId
    userErrors { field code message }
  }
}
"""

DEVICES = """
query Devices($kind: DeviceKind, $first: Int) {
  devices(kind: $kind, first: $first) {
    totalCount
    edges {
      node { id kind name outlets { edges { node { hardwareId } } } parentHub { name } }
    }
  }
}
"""


def graphql_code(code) -> str:
    """How a domain code reads in the schema's ErrorCode enum (KeyError if it is not there)."""
    return ErrorCode[code.value].value


def gid(type_name: str, row) -> str:
    return str(relay.GlobalID(type_name, str(row.id)))


def only_user_error(payload: dict) -> dict:
    assert len(payload["userErrors"]) == 1, payload["userErrors"]
    return payload["userErrors"][0]


class TestRegisterDevice:
    async def test_registers_and_shows_the_key_once(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        pet = await create_pet(session, owner, name="Rex")
        hardware_id = feeder_hardware_id()
        variables = {
            "input": {
                "kind": "FEEDER",
                "name": "Kitchen feeder",
                "hardwareId": hardware_id.lower(),
                "petId": gid("Pet", pet),
            }
        }

        # when
        result = await schema.execute(
            REGISTER_DEVICE, variable_values=variables, context_value=make_context(viewer_of(owner))
        )

        # then
        assert result.errors is None
        payload = result.data["registerDevice"]
        assert payload["userErrors"] == []
        assert len(payload["apiKey"]) == 48
        device = payload["device"]
        assert (device["kind"], device["hardwareId"], device["online"]) == (
            "FEEDER",
            hardware_id,
            False,
        )
        assert device["pet"] == {"name": "Rex"}
        device_id = int(relay.GlobalID.from_id(device["id"]).node_id)
        stored = await devices_service.get(session, viewer_of(owner), device_id)
        assert stored.api_key_hash == hashlib.sha256(payload["apiKey"].encode()).hexdigest()

    async def test_a_device_id_as_pet_id_is_an_invalid_id(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        other_device = await create_device(session, owner)
        variables = {
            "input": {
                "kind": "COLLAR",
                "name": "Collar",
                "hardwareId": "SN-1",
                "petId": gid("Device", other_device),
            }
        }

        # when
        result = await schema.execute(
            REGISTER_DEVICE, variable_values=variables, context_value=make_context(viewer_of(owner))
        )

        # then
        payload = result.data["registerDevice"]
        assert payload["device"] is None and payload["apiKey"] is None
        error = only_user_error(payload)
        assert error["code"] == graphql_code(CommonErrorCode.INVALID_ID)
        assert error["field"] == ["petId"]

    async def test_another_owners_pet_is_not_found(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        stranger = await create_user(session, prefix="stranger")
        pet = await create_pet(session, owner)
        variables = {
            "input": {
                "kind": "COLLAR",
                "name": "Collar",
                "hardwareId": "SN-2",
                "petId": gid("Pet", pet),
            }
        }

        # when
        result = await schema.execute(
            REGISTER_DEVICE,
            variable_values=variables,
            context_value=make_context(viewer_of(stranger)),
        )

        # then
        error = only_user_error(result.data["registerDevice"])
        assert error["code"] == graphql_code(PetErrorCode.PET_NOT_FOUND)
        assert error["field"] == ["petId"]

    @pytest.mark.parametrize(
        ("overrides", "code", "field"),
        [
            ({"hardwareId": "ESP-XYZ"}, DeviceErrorCode.INVALID_HARDWARE_ID, "hardwareId"),
            ({"name": " "}, DeviceErrorCode.INVALID_DEVICE, "name"),
            (
                {"kind": "OUTLET", "hardwareId": "FE"},
                DeviceErrorCode.PARENT_HUB_REQUIRED,
                "parentHubId",
            ),
        ],
    )
    async def test_invalid_input_is_a_user_error(
        self, schema, make_context, session, overrides, code, field
    ):
        # given
        owner = await create_user(session)
        variables = {
            "input": {
                "kind": "FEEDER",
                "name": "Feeder",
                "hardwareId": feeder_hardware_id(),
                **overrides,
            }
        }

        # when
        result = await schema.execute(
            REGISTER_DEVICE, variable_values=variables, context_value=make_context(viewer_of(owner))
        )

        # then
        error = only_user_error(result.data["registerDevice"])
        assert error["code"] == graphql_code(code)
        assert error["field"] == [field]

    async def test_a_taken_hardware_id_is_a_conflict(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        existing = await create_device(session, owner)
        variables = {
            "input": {"kind": "FEEDER", "name": "Twin", "hardwareId": existing.hardware_id}
        }

        # when
        result = await schema.execute(
            REGISTER_DEVICE, variable_values=variables, context_value=make_context(viewer_of(owner))
        )

        # then
        error = only_user_error(result.data["registerDevice"])
        assert error["code"] == graphql_code(DeviceErrorCode.HARDWARE_ID_TAKEN)

    async def test_an_outlet_under_the_owners_hub(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        hub = await create_device(session, owner, kind=DeviceKind.HUB, name="Garage hub")
        variables = {
            "input": {
                "kind": "OUTLET",
                "name": "Heater",
                "hardwareId": "fe",
                "parentHubId": gid("Device", hub),
            }
        }

        # when
        result = await schema.execute(
            REGISTER_DEVICE, variable_values=variables, context_value=make_context(viewer_of(owner))
        )

        # then
        payload = result.data["registerDevice"]
        assert payload["userErrors"] == []
        assert payload["device"]["hardwareId"] == "FE"
        assert payload["device"]["parentHub"] == {"id": gid("Device", hub)}


class TestRotateDeviceKey:
    async def test_issues_a_new_key(self, schema, make_context, session, settings):
        # given
        owner = await create_user(session)
        issued = await register_device(session, owner)
        variables = {"input": {"id": gid("Device", issued.device)}}

        # when
        result = await schema.execute(
            ROTATE_KEY, variable_values=variables, context_value=make_context(viewer_of(owner))
        )

        # then
        payload = result.data["rotateDeviceKey"]
        assert payload["userErrors"] == []
        assert payload["apiKey"] != issued.api_key
        found = await devices_service.authenticate(
            session, settings, device_key=payload["apiKey"], hardware_id=None
        )
        assert found.id == issued.device.id

    async def test_another_owners_device_is_not_found(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        stranger = await create_user(session, prefix="stranger")
        device = await create_device(session, owner)
        variables = {"input": {"id": gid("Device", device)}}

        # when
        result = await schema.execute(
            ROTATE_KEY, variable_values=variables, context_value=make_context(viewer_of(stranger))
        )

        # then
        payload = result.data["rotateDeviceKey"]
        assert payload["apiKey"] is None
        assert only_user_error(payload)["code"] == graphql_code(DeviceErrorCode.DEVICE_NOT_FOUND)

    async def test_a_pet_id_is_an_invalid_id(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        pet = await create_pet(session, owner)

        # when
        result = await schema.execute(
            ROTATE_KEY,
            variable_values={"input": {"id": gid("Pet", pet)}},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        error = only_user_error(result.data["rotateDeviceKey"])
        assert error["code"] == graphql_code(CommonErrorCode.INVALID_ID)
        assert error["field"] == ["id"]


class TestUpdateDevice:
    async def test_renames_moves_and_assigns(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        pet = await create_pet(session, owner, name="Rex")
        device = await create_device(session, owner)
        variables = {
            "input": {
                "id": gid("Device", device),
                "name": "Hall feeder",
                "location": "Hall",
                "petId": gid("Pet", pet),
            }
        }

        # when
        result = await schema.execute(
            UPDATE_DEVICE, variable_values=variables, context_value=make_context(viewer_of(owner))
        )

        # then
        payload = result.data["updateDevice"]
        assert payload["userErrors"] == []
        assert payload["device"]["name"] == "Hall feeder"
        assert payload["device"]["location"] == "Hall"
        assert payload["device"]["pet"] == {"name": "Rex"}

    async def test_null_pet_unassigns(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        pet = await create_pet(session, owner)
        device = await create_device(session, owner, pet_id=pet.id)
        variables = {"input": {"id": gid("Device", device), "petId": None}}

        # when
        result = await schema.execute(
            UPDATE_DEVICE, variable_values=variables, context_value=make_context(viewer_of(owner))
        )

        # then
        assert result.data["updateDevice"]["device"]["pet"] is None

    async def test_a_device_id_as_pet_id_is_an_invalid_id(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        device = await create_device(session, owner)
        variables = {"input": {"id": gid("Device", device), "petId": gid("Device", device)}}

        # when
        result = await schema.execute(
            UPDATE_DEVICE, variable_values=variables, context_value=make_context(viewer_of(owner))
        )

        # then
        error = only_user_error(result.data["updateDevice"])
        assert error["code"] == graphql_code(CommonErrorCode.INVALID_ID)
        assert error["field"] == ["petId"]


class TestDeleteDevice:
    async def test_deletes_and_the_key_stops_working(self, schema, make_context, session, settings):
        # given
        owner = await create_user(session)
        issued = await register_device(session, owner)
        variables = {"input": {"id": gid("Device", issued.device)}}

        # when
        result = await schema.execute(
            DELETE_DEVICE, variable_values=variables, context_value=make_context(viewer_of(owner))
        )

        # then
        payload = result.data["deleteDevice"]
        assert payload["userErrors"] == []
        assert payload["deletedDeviceId"] == variables["input"]["id"]
        with pytest.raises(devices_service.DeviceKeyInvalid):
            await devices_service.authenticate(
                session, settings, device_key=issued.api_key, hardware_id=None
            )

    async def test_another_owners_device_is_not_found_and_kept(self, schema, make_context, session):
        # given
        owner = await create_user(session)
        stranger = await create_user(session, prefix="stranger")
        device = await create_device(session, owner)
        device_id, owner_viewer = device.id, viewer_of(owner)
        variables = {"input": {"id": gid("Device", device)}}
        await session.commit()  # the failing mutation rolls back to here

        # when
        result = await schema.execute(
            DELETE_DEVICE,
            variable_values=variables,
            context_value=make_context(viewer_of(stranger)),
        )

        # then
        payload = result.data["deleteDevice"]
        assert payload["deletedDeviceId"] is None
        assert only_user_error(payload)["code"] == graphql_code(DeviceErrorCode.DEVICE_NOT_FOUND)
        assert await devices_service.get(session, owner_viewer, device_id) is not None


class TestDevicesQuery:
    async def test_lists_the_viewers_devices_of_a_kind_with_relations(
        self, schema, make_context, session
    ):
        # given
        owner = await create_user(session)
        stranger = await create_user(session, prefix="stranger")
        hub = await create_device(session, owner, kind=DeviceKind.HUB, name="Hub")
        await create_device(
            session, owner, kind=DeviceKind.OUTLET, hardware_id="FE", parent_id=hub.id
        )
        await create_device(
            session, owner, kind=DeviceKind.OUTLET, hardware_id="FD", parent_id=hub.id
        )
        await create_device(session, owner, kind=DeviceKind.FEEDER)
        await create_device(session, stranger, kind=DeviceKind.HUB)

        # when
        hubs = await schema.execute(
            DEVICES, variable_values={"kind": "HUB"}, context_value=make_context(viewer_of(owner))
        )
        outlets = await schema.execute(
            DEVICES,
            variable_values={"kind": "OUTLET"},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        assert hubs.errors is None and outlets.errors is None
        assert hubs.data["devices"]["totalCount"] == 1
        hub_node = hubs.data["devices"]["edges"][0]["node"]
        hub_outlets = [edge["node"]["hardwareId"] for edge in hub_node["outlets"]["edges"]]
        assert hub_outlets == ["FE", "FD"]
        assert outlets.data["devices"]["totalCount"] == 2
        assert {edge["node"]["parentHub"]["name"] for edge in outlets.data["devices"]["edges"]} == {
            "Hub"
        }

    async def test_a_page_above_the_maximum_is_a_coded_error(
        self, schema, make_context, session, settings
    ):
        # given
        owner = await create_user(session)

        # when
        result = await schema.execute(
            DEVICES,
            variable_values={"first": settings.max_page_size + 1},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        assert len(result.errors) == 1
        assert result.errors[0].extensions["code"] == graphql_code(CommonErrorCode.INVALID)
        assert result.errors[0].path == ["devices"]
