import datetime as dt

import pytest
from strawberry.relay import to_base64

from graphql_api.commands import service as commands_service
from graphql_api.commands.errors import CommandErrorCode
from graphql_api.commands.models import CommandKind
from graphql_api.devices.errors import DeviceErrorCode
from graphql_api.error_codes import ErrorCode
from tests.factories.accounts import viewer_of

COMMAND_FIELDS = """
  id kind args status reason groupId createdAt expiresAt sentAt finishedAt
  device { id } issuedBy { id } transitions { status at reason }
"""
FEED_NOW = f"""
mutation FeedNow($input: FeedNowInput!) {{
  feedNow(input: $input) {{ command {{ {COMMAND_FIELDS} }} userErrors {{ field code message }} }}
}}
"""
SET_RELAY = """
mutation SetRelay($input: SetRelayInput!) {
  setRelay(input: $input) { command { kind args device { id } } userErrors { field code } }
}
"""
SET_THRESHOLD = """
mutation SetThreshold($input: SetThresholdInput!) {
  setThreshold(input: $input) { command { kind args } userErrors { field code } }
}
"""
CUT_ALL_POWER = """
mutation CutAllPower($input: CutAllPowerInput!) {
  cutAllPower(input: $input) {
    groupId
    commands { kind args groupId device { id } }
    userErrors { field code }
  }
}
"""
PING = """
mutation Ping($input: PingInput!) {
  ping(input: $input) { command { kind status } userErrors { field code } }
}
"""
COMMANDS = """
query Commands($deviceId: ID, $status: CommandStatus, $groupId: String, $first: Int) {
  commands(deviceId: $deviceId, status: $status, groupId: $groupId, first: $first) {
    totalCount
    edges { node { id kind status transitions { status } } }
  }
}
"""
NODE = """
query Node($id: ID!) { node(id: $id) { ... on Command { id kind status } } }
"""


def gid(type_name: str, pk: int) -> str:
    return to_base64(type_name, pk)


def code(value) -> str:
    return ErrorCode[value.value].value


async def run(schema, make_context, viewer, document, variables):
    result = await schema.execute(
        document, variable_values=variables, context_value=make_context(viewer_of(viewer))
    )
    assert result.errors is None, result.errors
    return result.data


class TestFeedNow:
    async def test_queues_a_feed_for_the_owners_feeder(self, schema, make_context, owner, feeder):
        # given
        variables = {"input": {"deviceId": gid("Device", feeder.id), "grams": 30}}

        # when
        data = await run(schema, make_context, owner, FEED_NOW, variables)

        # then
        payload = data["feedNow"]
        assert payload["userErrors"] == []
        command = payload["command"]
        assert (command["kind"], command["args"], command["status"]) == (
            "FEED_NOW",
            {"grams": 30},
            "QUEUED",
        )
        assert command["device"]["id"] == gid("Device", feeder.id)
        assert command["issuedBy"]["id"] == gid("User", owner.id)
        assert [t["status"] for t in command["transitions"]] == ["QUEUED"]

    @pytest.mark.parametrize("grams", [0, 15, 170])
    async def test_a_bad_portion_is_a_user_error(self, schema, make_context, owner, feeder, grams):
        # given
        variables = {"input": {"deviceId": gid("Device", feeder.id), "grams": grams}}

        # when
        data = await run(schema, make_context, owner, FEED_NOW, variables)

        # then
        [error] = data["feedNow"]["userErrors"]
        assert (error["code"], error["field"]) == (
            code(CommandErrorCode.INVALID_COMMAND),
            ["grams"],
        )
        assert data["feedNow"]["command"] is None

    async def test_another_owners_feeder_is_not_found(self, schema, make_context, stranger, feeder):
        # given
        variables = {"input": {"deviceId": gid("Device", feeder.id), "grams": 30}}

        # when
        data = await run(schema, make_context, stranger, FEED_NOW, variables)

        # then
        [error] = data["feedNow"]["userErrors"]
        assert (error["code"], error["field"]) == (
            code(DeviceErrorCode.DEVICE_NOT_FOUND),
            ["deviceId"],
        )


class TestOutletCommands:
    async def test_set_relay_names_the_socket(self, schema, make_context, owner, outlet):
        # given
        variables = {"input": {"outletId": gid("Device", outlet.id), "socket": "B", "on": True}}

        # when
        data = await run(schema, make_context, owner, SET_RELAY, variables)

        # then
        command = data["setRelay"]["command"]
        assert (command["kind"], command["args"]) == ("RELAY_ON", {"socket": "b"})

    async def test_set_relay_on_a_feeder_is_not_supported(
        self, schema, make_context, owner, feeder
    ):
        # given
        variables = {"input": {"outletId": gid("Device", feeder.id), "socket": "A", "on": False}}

        # when
        data = await run(schema, make_context, owner, SET_RELAY, variables)

        # then
        [error] = data["setRelay"]["userErrors"]
        assert (error["code"], error["field"]) == (
            code(CommandErrorCode.COMMAND_NOT_SUPPORTED),
            ["outletId"],
        )

    async def test_a_threshold_must_be_positive(self, schema, make_context, owner, outlet):
        # given
        variables = {"input": {"outletId": gid("Device", outlet.id), "milliamps": 0}}

        # when
        data = await run(schema, make_context, owner, SET_THRESHOLD, variables)

        # then
        [error] = data["setThreshold"]["userErrors"]
        assert (error["code"], error["field"]) == (
            code(CommandErrorCode.INVALID_COMMAND),
            ["milliamps"],
        )

    async def test_cut_all_power_returns_the_group(self, schema, make_context, owner, hub, outlet):
        # given
        variables = {"input": {"hubId": gid("Device", hub.id)}}

        # when
        data = await run(schema, make_context, owner, CUT_ALL_POWER, variables)

        # then
        payload = data["cutAllPower"]
        assert [c["args"]["socket"] for c in payload["commands"]] == ["a", "b"]
        assert {c["groupId"] for c in payload["commands"]} == {payload["groupId"]}
        grouped = await run(schema, make_context, owner, COMMANDS, {"groupId": payload["groupId"]})
        assert grouped["commands"]["totalCount"] == 2

    async def test_ping_an_outlet(self, schema, make_context, owner, outlet):
        # given
        variables = {"input": {"deviceId": gid("Device", outlet.id)}}

        # when
        data = await run(schema, make_context, owner, PING, variables)

        # then
        assert data["ping"]["command"] == {"kind": "PING", "status": "QUEUED"}


class TestCommandsQuery:
    async def test_lists_a_devices_commands_by_status(
        self, schema, make_context, session, owner, feeder
    ):
        # given
        now = dt.datetime.now(dt.UTC)
        issue = commands_service.issue
        first = await issue(
            session, viewer_of(owner), feeder.id, CommandKind.FEED_NOW, {"grams": 10}, now
        )
        await issue(session, viewer_of(owner), feeder.id, CommandKind.CALIBRATE, {}, now)
        await commands_service.fetch_pending(session, feeder, now, limit=1)
        variables = {"deviceId": gid("Device", feeder.id), "status": "SENT"}

        # when
        data = await run(schema, make_context, owner, COMMANDS, variables)

        # then
        [edge] = data["commands"]["edges"]
        assert edge["node"]["id"] == gid("Command", first.id)
        assert [t["status"] for t in edge["node"]["transitions"]] == ["QUEUED", "SENT"]

    async def test_another_owners_device_is_not_found(self, schema, make_context, stranger, feeder):
        # when
        result = await schema.execute(
            COMMANDS,
            variable_values={"deviceId": gid("Device", feeder.id)},
            context_value=make_context(viewer_of(stranger)),
        )

        # then
        [error] = result.errors
        assert error.extensions["code"] == DeviceErrorCode.DEVICE_NOT_FOUND.value

    async def test_another_owners_command_is_absent_as_a_node(
        self, schema, make_context, session, owner, stranger, feeder
    ):
        # given
        command = await commands_service.issue(
            session, viewer_of(owner), feeder.id, CommandKind.CALIBRATE, {}, dt.datetime.now(dt.UTC)
        )
        variables = {"id": gid("Command", command.id)}

        # when
        mine = await run(schema, make_context, owner, NODE, variables)
        theirs = await run(schema, make_context, stranger, NODE, variables)

        # then
        assert mine["node"]["kind"] == "CALIBRATE"
        assert theirs["node"] is None
