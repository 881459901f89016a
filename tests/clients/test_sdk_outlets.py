"""Outlet and hub operations (clients/operations/outlets.graphql) through the generated SDK,
live: the hub's state and setup, threshold/sensor/ping commands, focus, base URLs."""

import secrets

from pawgraph_client import (
    FocusOutletInput,
    IssueHubBaseUrlInput,
    PingInput,
    ReadSensorsInput,
    RegisterDeviceInput,
    SetThresholdInput,
)
from pawgraph_client.enums import CommandKind, CommandStatus, DeviceKind, ErrorCode

from tests.clients.test_sdk import signed_in


async def register_hub(client):
    """A hub under a free hub id: 2 hex digits, unique among all hubs in the test database
    (other tests hold some), so a taken one is retried, bounded by the 256 there are."""
    for _ in range(256):
        registered = (
            await client.register_device(
                RegisterDeviceInput(
                    kind=DeviceKind.HUB, name="Hub", hardware_id=secrets.token_hex(1)
                )
            )
        ).register_device
        if not registered.user_errors:
            return registered.device
        assert [error.code for error in registered.user_errors] == [ErrorCode.HARDWARE_ID_TAKEN]
    raise AssertionError("no free hub id")


async def hub_with_outlet(client):
    hub = await register_hub(client)
    outlet = (
        await client.register_device(
            RegisterDeviceInput(
                kind=DeviceKind.OUTLET,
                name="Heater",
                hardware_id=secrets.token_hex(1).upper(),
                parent_hub_id=hub.id,
            )
        )
    ).register_device.device
    return hub, outlet


class TestOutletCommands:
    async def test_threshold_read_sensors_and_ping_are_queued(self, server_a):
        async with signed_in(server_a) as client:
            # given
            hub, outlet = await hub_with_outlet(client)
            # when
            threshold = (
                await client.set_threshold(SetThresholdInput(outlet_id=outlet.id, milliamps=1500))
            ).set_threshold
            sensors = (
                await client.read_sensors(ReadSensorsInput(outlet_id=outlet.id))
            ).read_sensors
            pinged = (await client.ping(PingInput(device_id=outlet.id))).ping
            hub_pinged = (await client.ping(PingInput(device_id=hub.id))).ping
            commands = (await client.commands(device_id=outlet.id)).commands
            # then
            assert threshold.user_errors == []
            assert threshold.command.kind is CommandKind.SET_THRESHOLD
            assert sensors.user_errors == [] and sensors.command.kind is CommandKind.READ_SENSORS
            assert sensors.command.status is CommandStatus.QUEUED
            assert pinged.user_errors == [] and pinged.command.kind is CommandKind.PING
            assert hub_pinged.command is None
            assert [error.code for error in hub_pinged.user_errors] == [
                ErrorCode.COMMAND_NOT_SUPPORTED
            ]
            assert {edge.node.id for edge in commands.edges} >= {
                threshold.command.id,
                sensors.command.id,
                pinged.command.id,
            }

    async def test_a_stranger_cannot_command_anothers_outlet(self, server_a):
        async with signed_in(server_a) as owner, signed_in(server_a) as stranger:
            # given
            hub, outlet = await hub_with_outlet(owner)
            # when
            sensors = (
                await stranger.read_sensors(ReadSensorsInput(outlet_id=outlet.id))
            ).read_sensors
            threshold = (
                await stranger.set_threshold(SetThresholdInput(outlet_id=outlet.id, milliamps=1))
            ).set_threshold
            pinged = (await stranger.ping(PingInput(device_id=outlet.id))).ping
            # then
            assert sensors.command is None
            assert [error.code for error in sensors.user_errors] == [ErrorCode.DEVICE_NOT_FOUND]
            assert threshold.command is None and [
                error.code for error in threshold.user_errors
            ] == [ErrorCode.DEVICE_NOT_FOUND]
            assert pinged.command is None and [error.code for error in pinged.user_errors] == [
                ErrorCode.DEVICE_NOT_FOUND
            ]


class TestHub:
    async def test_state_focus_setup_and_base_url(self, server_a):
        async with signed_in(server_a) as client, signed_in(server_a) as stranger:
            # given
            hub, outlet = await hub_with_outlet(client)
            # when
            focused = (
                await client.focus_outlet(FocusOutletInput(outlet_id=outlet.id))
            ).focus_outlet
            state = (await client.hub_state(hub_id=hub.id)).hub_state
            issued = (
                await client.issue_hub_base_url(IssueHubBaseUrlInput(hub_id=hub.id))
            ).issue_hub_base_url
            setup = (await client.hub_setup(hub_id=hub.id)).hub_setup
            refused = (
                await stranger.issue_hub_base_url(IssueHubBaseUrlInput(hub_id=hub.id))
            ).issue_hub_base_url
            # then
            assert focused.user_errors == [] and focused.outlet_state.outlet.id == outlet.id
            assert state.hub.id == hub.id
            assert [o.outlet.id for o in state.outlets] == [outlet.id]
            assert state.focused_outlet.outlet.id == outlet.id
            assert issued.user_errors == [] and issued.hub.id == hub.id and issued.base_url
            assert issued.base_url.startswith(setup.base_url_prefix)
            assert setup.hub.id == hub.id and setup.base_url is None  # no key given
            assert refused.base_url is None and [error.code for error in refused.user_errors] == [
                ErrorCode.HUB_NOT_FOUND
            ]
