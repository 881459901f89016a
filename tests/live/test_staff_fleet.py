"""Staff and admins see the whole fleet and act on any device, through the live front door;
owners still see and command only their own, and every command names who issued it."""

import pytest
from gql.transport.exceptions import TransportQueryError

from tests.factories.devices import register_device
from tests.live.documents import ME, codes, heartbeat_status
from tests.support.graphql_client import GraphQLClient

FLEET = """
query Fleet($kind: DeviceKind, $online: Boolean, $ownerId: ID, $first: Int, $last: Int) {
  devices(kind: $kind, online: $online, ownerId: $ownerId, first: $first, last: $last) {
    totalCount
    edges { node { id kind online } }
  }
}
"""
DEVICE_STATUS = """
query DeviceStatus($id: ID!) {
  node(id: $id) { ... on Device { id kind status { deviceId online lastSeenAt } } }
}
"""
PING = """
mutation Ping($input: PingInput!) {
  ping(input: $input) {
    command { id kind status issuedBy { id } device { id } }
    userErrors { field code message }
  }
}
"""
DEVICE_COMMANDS = """
query DeviceCommands($deviceId: ID!) {
  commands(deviceId: $deviceId, first: 10) { edges { node { id kind issuedBy { id } } } }
}
"""


async def user_id(client: GraphQLClient) -> str:
    return (await client.execute(ME))["me"]["id"]


def ids(result: dict) -> list[str]:
    return [edge["node"]["id"] for edge in result["devices"]["edges"]]


class TestStaffFleet:
    async def test_staff_list_one_owners_devices(self, owner: GraphQLClient, staff: GraphQLClient):
        # given
        feeder = await register_device(owner)
        collar = await register_device(owner, kind="COLLAR")
        owner_id = await user_id(owner)
        # when
        result = await staff.execute(FLEET, {"ownerId": owner_id, "first": 10})
        # then
        assert result["devices"]["totalCount"] == 2
        assert ids(result) == [feeder.id, collar.id]

    async def test_staff_filter_by_kind_and_online(
        self, owner: GraphQLClient, staff: GraphQLClient
    ):
        # given: a feeder that just reported, and a collar never heard from
        feeder = await register_device(owner)
        collar = await register_device(owner, kind="COLLAR")
        assert await heartbeat_status(owner, feeder, feeder.api_key) == 200
        owner_id = await user_id(owner)
        # when
        collars = await staff.execute(FLEET, {"ownerId": owner_id, "kind": "COLLAR", "first": 10})
        online = await staff.execute(FLEET, {"ownerId": owner_id, "online": True, "first": 10})
        offline = await staff.execute(FLEET, {"ownerId": owner_id, "online": False, "first": 10})
        # then
        assert ids(collars) == [collar.id]
        assert ids(online) == [feeder.id]
        assert online["devices"]["edges"][0]["node"]["online"] is True
        assert ids(offline) == [collar.id]
        assert offline["devices"]["edges"][0]["node"]["online"] is False

    async def test_staff_see_every_owners_devices_without_an_owner(
        self, owner: GraphQLClient, other_owner: GraphQLClient, staff: GraphQLClient
    ):
        # given
        mine = await register_device(owner, kind="COLLAR")
        theirs = await register_device(other_owner, kind="COLLAR")
        # when: the newest collars of the whole fleet
        result = await staff.execute(FLEET, {"kind": "COLLAR", "last": 50})
        # then
        assert {mine.id, theirs.id} <= set(ids(result))
        assert result["devices"]["totalCount"] >= 2

    async def test_staff_read_any_collars_status(self, owner: GraphQLClient, staff: GraphQLClient):
        # given
        collar = await register_device(owner, kind="COLLAR")
        # when
        result = await staff.execute(DEVICE_STATUS, {"id": collar.id})
        # then
        assert result["node"]["status"] == {
            "deviceId": collar.id,
            "online": False,
            "lastSeenAt": None,
        }


class TestOwnersStayInTheirLane:
    async def test_an_owner_lists_only_their_own(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        mine = await register_device(owner, kind="COLLAR")
        await register_device(other_owner, kind="COLLAR")
        # when
        result = await owner.execute(FLEET, {"first": 10})
        # then
        assert ids(result) == [mine.id]

    async def test_an_owner_filtering_by_another_owner_gets_nothing(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        await register_device(other_owner, kind="COLLAR")
        await register_device(owner, kind="COLLAR")
        other_id = await user_id(other_owner)
        # when
        result = await owner.execute(FLEET, {"ownerId": other_id, "first": 10})
        # then
        assert result["devices"] == {"totalCount": 0, "edges": []}

    async def test_an_owner_cannot_read_another_owners_collar_status(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        collar = await register_device(other_owner, kind="COLLAR")
        # when
        result = await owner.execute(DEVICE_STATUS, {"id": collar.id})
        # then
        assert result["node"] is None

    async def test_an_owner_id_that_is_not_a_user_is_refused(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        collar = await register_device(other_owner, kind="COLLAR")
        # when
        with pytest.raises(TransportQueryError) as refused:
            await owner.execute(FLEET, {"ownerId": collar.id, "first": 10})
        # then
        assert refused.value.errors[0]["extensions"]["code"] == "INVALID_ID"


class TestStaffCommands:
    async def test_staff_ping_an_owners_collar_and_the_command_names_them(
        self, owner: GraphQLClient, staff: GraphQLClient
    ):
        # given
        collar = await register_device(owner, kind="COLLAR")
        staff_id = await user_id(staff)
        # when
        result = await staff.execute(PING, {"input": {"deviceId": collar.id}})
        # then
        assert result["ping"]["userErrors"] == []
        command = result["ping"]["command"]
        assert command["issuedBy"] == {"id": staff_id}
        assert command["device"] == {"id": collar.id}
        seen_by_owner = await owner.execute(DEVICE_COMMANDS, {"deviceId": collar.id})
        assert seen_by_owner["commands"]["edges"] == [
            {"node": {"id": command["id"], "kind": "PING", "issuedBy": {"id": staff_id}}}
        ]

    async def test_the_owners_own_command_names_the_owner(self, owner: GraphQLClient):
        # given
        collar = await register_device(owner, kind="COLLAR")
        # when
        result = await owner.execute(PING, {"input": {"deviceId": collar.id}})
        # then
        assert result["ping"]["command"]["issuedBy"] == {"id": await user_id(owner)}

    async def test_another_owner_cannot_command_it(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        collar = await register_device(owner, kind="COLLAR")
        # when
        result = await other_owner.execute(PING, {"input": {"deviceId": collar.id}})
        # then
        assert result["ping"]["command"] is None
        assert codes(result["ping"]) == ["DEVICE_NOT_FOUND"]
        seen_by_owner = await owner.execute(DEVICE_COMMANDS, {"deviceId": collar.id})
        assert seen_by_owner["commands"]["edges"] == []
