"""``deviceStatus`` over websockets on live servers: the snapshot, then each heartbeat the REST
shim accepts, for the owner and staff only, on either subprotocol and across processes."""

import pytest
from gql.transport.exceptions import TransportConnectionFailed, TransportQueryError
from gql.transport.websockets import WebsocketsTransport
from websockets.exceptions import ConnectionClosed

from tests.factories.devices import (
    as_wire_bytes,
    feeder_headers,
    heartbeat_body,
    post_heartbeat,
    post_status,
    register_device,
)
from tests.support.graphql_client import GraphQLClient, next_result
from tests.support.live_server import LiveServer

DEVICE_STATUS = """
subscription DeviceStatus($deviceId: ID!) {
  deviceStatus(deviceId: $deviceId) {
    deviceId online lastSeenAt deviceTime
    ... on FeederStatus { wifiRssi uptimeSeconds dailyFeeds hopperPercent tofOk }
  }
}
"""
FORBIDDEN_CLOSE_CODE = 4403


def on(server: LiveServer, client: GraphQLClient) -> GraphQLClient:
    """The same user, talking to another process."""
    return GraphQLClient(server, client.token)


def close_code(error: BaseException) -> int | None:
    """The websocket close code behind a gql transport error, if the server closed it."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ConnectionClosed) and cause.rcvd is not None:
            return cause.rcvd.code
        cause = cause.__cause__ or cause.__context__
    return None


class TestOwner:
    async def test_snapshot_first_then_each_heartbeat(self, owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        async with owner.subscribe(DEVICE_STATUS, {"deviceId": feeder.id}) as stream:
            snapshot = (await next_result(stream))["deviceStatus"]
            # when
            await post_heartbeat(owner.server, feeder, uptime=4242, wifi_rssi=-55, hopper_pct=20)
            live = (await next_result(stream))["deviceStatus"]
        # then
        assert snapshot["deviceId"] == feeder.id
        assert snapshot["online"] is False
        assert snapshot["lastSeenAt"] is None
        assert live["deviceId"] == feeder.id
        assert live["online"] is True
        assert live["lastSeenAt"] is not None
        assert (live["uptimeSeconds"], live["wifiRssi"], live["hopperPercent"]) == (4242, -55, 20)

    async def test_snapshot_is_the_last_reported_status(self, owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        await post_heartbeat(owner.server, feeder, uptime=17, tof_ok=False)
        # when
        async with owner.subscribe(DEVICE_STATUS, {"deviceId": feeder.id}) as stream:
            snapshot = (await next_result(stream))["deviceStatus"]
        # then
        assert snapshot["online"] is True
        assert snapshot["uptimeSeconds"] == 17
        assert snapshot["tofOk"] is False

    async def test_every_heartbeat_arrives_in_order(self, owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        async with owner.subscribe(DEVICE_STATUS, {"deviceId": feeder.id}) as stream:
            await next_result(stream)
            # when
            for uptime in (1, 2, 3):
                await post_heartbeat(owner.server, feeder, uptime=uptime)
            received = [
                (await next_result(stream))["deviceStatus"]["uptimeSeconds"] for _ in range(3)
            ]
        # then
        assert received == [1, 2, 3]

    async def test_other_devices_and_refused_heartbeats_are_not_sent(self, owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        other_feeder = await register_device(owner)
        async with owner.subscribe(DEVICE_STATUS, {"deviceId": feeder.id}) as stream:
            await next_result(stream)
            # when
            await post_heartbeat(owner.server, other_feeder, uptime=111)
            refused = await post_status(
                owner.server,
                as_wire_bytes(heartbeat_body(feeder, uptime=222, wifi_rssi=5)),
                feeder_headers(feeder),
            )
            await post_heartbeat(owner.server, feeder, uptime=333)
            next_status = (await next_result(stream))["deviceStatus"]
        # then
        assert refused.status_code == 400
        assert next_status["uptimeSeconds"] == 333

    async def test_legacy_graphql_ws_subprotocol_works(self, owner: GraphQLClient):
        # given
        feeder = await register_device(owner)
        async with owner.subscribe(
            DEVICE_STATUS,
            {"deviceId": feeder.id},
            subprotocol=WebsocketsTransport.APOLLO_SUBPROTOCOL,
        ) as stream:
            snapshot = (await next_result(stream))["deviceStatus"]
            # when
            await post_heartbeat(owner.server, feeder, uptime=77)
            live = (await next_result(stream))["deviceStatus"]
        # then
        assert snapshot["deviceId"] == feeder.id
        assert live["uptimeSeconds"] == 77

    async def test_lower_case_authorization_key_in_connection_init_works(
        self, owner: GraphQLClient
    ):
        # given
        feeder = await register_device(owner)
        # when
        async with owner.subscribe(
            DEVICE_STATUS, {"deviceId": feeder.id}, authorization_key="authorization"
        ) as stream:
            snapshot = (await next_result(stream))["deviceStatus"]
        # then
        assert snapshot["deviceId"] == feeder.id


class TestAcrossProcesses:
    async def test_subscriber_on_b_hears_a_heartbeat_posted_to_a(
        self, owner: GraphQLClient, server_a: LiveServer, server_b: LiveServer
    ):
        # given
        feeder = await register_device(owner)
        async with on(server_b, owner).subscribe(DEVICE_STATUS, {"deviceId": feeder.id}) as stream:
            await next_result(stream)
            # when
            await post_heartbeat(server_a, feeder, uptime=9001)
            live = (await next_result(stream))["deviceStatus"]
        # then
        assert live["deviceId"] == feeder.id
        assert live["uptimeSeconds"] == 9001

    async def test_subscriber_on_a_hears_a_heartbeat_posted_to_b(
        self, owner: GraphQLClient, server_b: LiveServer
    ):
        # given
        feeder = await register_device(owner)
        async with owner.subscribe(DEVICE_STATUS, {"deviceId": feeder.id}) as stream:
            await next_result(stream)
            # when
            await post_heartbeat(server_b, feeder, uptime=9002)
            live = (await next_result(stream))["deviceStatus"]
        # then
        assert live["uptimeSeconds"] == 9002


class TestStaff:
    async def test_staff_receives_an_owners_heartbeats(
        self, owner: GraphQLClient, staff: GraphQLClient
    ):
        # given
        feeder = await register_device(owner)
        async with staff.subscribe(DEVICE_STATUS, {"deviceId": feeder.id}) as stream:
            snapshot = (await next_result(stream))["deviceStatus"]
            # when
            await post_heartbeat(owner.server, feeder, uptime=31)
            live = (await next_result(stream))["deviceStatus"]
        # then
        assert snapshot["deviceId"] == feeder.id
        assert live["uptimeSeconds"] == 31


class TestRefused:
    @pytest.mark.parametrize(
        "subprotocol",
        [WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL, WebsocketsTransport.APOLLO_SUBPROTOCOL],
    )
    async def test_another_owner_gets_an_error_and_no_data(
        self, owner: GraphQLClient, other_owner: GraphQLClient, subprotocol: str
    ):
        # given
        feeder = await register_device(owner)
        # when
        with pytest.raises(TransportQueryError) as refused:
            async with other_owner.subscribe(
                DEVICE_STATUS, {"deviceId": feeder.id}, subprotocol=subprotocol
            ) as stream:
                await next_result(stream)
        # then
        assert refused.value.data is None
        assert [error["extensions"]["code"] for error in refused.value.errors] == [
            "DEVICE_NOT_FOUND"
        ]

    async def test_another_owner_is_told_the_same_as_for_a_missing_device(
        self, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        feeder = await register_device(owner)
        missing = await register_device(other_owner)
        await other_owner.execute(
            "mutation Delete($input: DeviceIdInput!) { deleteDevice(input: $input) "
            "{ userErrors { code } } }",
            {"input": {"id": missing.id}},
        )
        # when
        errors = []
        for device_id in (feeder.id, missing.id):
            with pytest.raises(TransportQueryError) as refused:
                async with other_owner.subscribe(DEVICE_STATUS, {"deviceId": device_id}) as stream:
                    await next_result(stream)
            errors.append(refused.value.errors)
        # then
        assert errors[0] == errors[1]

    async def test_anonymous_gets_an_error_and_no_data(
        self, owner: GraphQLClient, anonymous: GraphQLClient
    ):
        # given
        feeder = await register_device(owner)
        # when
        with pytest.raises(TransportQueryError) as refused:
            async with anonymous.subscribe(DEVICE_STATUS, {"deviceId": feeder.id}) as stream:
                await next_result(stream)
        # then
        assert refused.value.data is None
        assert [error["extensions"]["code"] for error in refused.value.errors] == [
            "NOT_AUTHENTICATED"
        ]

    async def test_invalid_token_in_connection_init_is_rejected(
        self, owner: GraphQLClient, anonymous: GraphQLClient
    ):
        # given
        feeder = await register_device(owner)
        impostor = anonymous.with_token(owner.token[:-4] + "AAAA")
        # when
        with pytest.raises(TransportConnectionFailed) as rejected:
            async with impostor.subscribe(DEVICE_STATUS, {"deviceId": feeder.id}) as stream:
                await next_result(stream)
        # then
        assert close_code(rejected.value) == FORBIDDEN_CLOSE_CODE
