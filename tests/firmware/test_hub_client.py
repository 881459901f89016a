"""The hub firmware against a live server: one cycle through the real shim's bytes, and the
simulator's hubs from the command line (``pawgraph simulate --hub``)."""

import asyncio
import subprocess
import sys

import pytest

from firmware.hub_unit import Hub
from firmware.smart_outlet_hub import HubClient, SimulatedOutlet
from tests.factories.accounts import signed_up
from tests.factories.devices import register_device
from tests.factories.outlets import HubWire, LiveHub, live_hub
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import PROJECT_ROOT, LiveServer, pawgraph_env, run_cli

pytestmark = pytest.mark.live

SET_RELAY = """
mutation SetRelay($input: SetRelayInput!) { setRelay(input: $input) { userErrors { code } } }
"""
SET_THRESHOLD = """
mutation SetThreshold($input: SetThresholdInput!) {
  setThreshold(input: $input) { userErrors { code } }
}
"""
FOCUS_OUTLET = """
mutation FocusOutlet($input: FocusOutletInput!) {
  focusOutlet(input: $input) { userErrors { code } }
}
"""
HUB_STATE = """
query HubState($hubId: ID!) {
  hubState(hubId: $hubId) { breakerCurrentMilliamps outlets { outlet { hardwareId } relayA } }
}
"""
RUN_DURATION_S = "60"


@pytest.fixture
async def owner(anonymous: GraphQLClient) -> GraphQLClient:
    return await signed_up(anonymous, "hub-owner")


def local_base_url(server: LiveServer, hub: LiveHub) -> str:
    return server.base_url + HubWire(server, hub.base_url).prefix.removesuffix("/api")


async def mutate(owner: GraphQLClient, document: str, **fields) -> None:
    result = await owner.execute(document, {"input": fields})
    assert all(payload["userErrors"] == [] for payload in result.values())


class TestOneCycle:
    async def test_the_hub_reads_and_runs_the_commands_the_shim_sends(self, server_a, owner):
        # given
        hub, (outlet,) = await live_hub(owner)
        await mutate(owner, FOCUS_OUTLET, outletId=outlet.id)
        await mutate(owner, SET_RELAY, outletId=outlet.id, socket="B", on=True)
        await mutate(owner, SET_THRESHOLD, outletId=outlet.id, milliamps=1500)
        socket = SimulatedOutlet("FE", load_b=700)
        device = Hub(HubClient(local_base_url(server_a, hub)), hub.device.hardware_id, [socket])

        # when
        await asyncio.to_thread(device.cycle)
        await asyncio.to_thread(device.cycle)

        # then
        assert device.traffic.sent() == 10 and device.traffic.accepted() == 10
        commands = [event[2:] for event in device.events if event[0] == "command"]
        assert commands == [("relay_on", "b", 0, True), ("set_threshold", "", 1500, True)]
        assert (socket.relay, socket.threshold_ma) == ({"a": False, "b": True}, 1500)
        state = (await owner.execute(HUB_STATE, {"hubId": hub.device.id}))["hubState"]
        assert state["breakerCurrentMilliamps"] == 700
        assert state["outlets"] == [{"outlet": {"hardwareId": "FE"}, "relayA": False}]


class TestCommandLine:
    async def test_pawgraph_simulate_runs_a_hub_for_its_cycles(self, server_a, owner):
        # given
        hub, _ = await live_hub(owner, ("FE", "03"))
        spec = f"{hub.device.hardware_id}:{local_base_url(server_a, hub)}"
        arguments = ["--hub", spec, "--hub-cycle", "0.2", "--cycles", "2"]

        # when
        completed = await asyncio.to_thread(
            run_cli, "simulate", *arguments, "--duration", RUN_DURATION_S
        )

        # then: nobody watches and nothing is chosen: devices, breaker and focus each cycle
        assert "hub cycles: 2, requests: 6, accepted: 6, refused: 0" in completed.stdout
        state = (await owner.execute(HUB_STATE, {"hubId": hub.device.id}))["hubState"]
        assert state["breakerCurrentMilliamps"] > 280

    async def test_a_wrong_hub_key_exits_1_with_the_refusals(self, server_a, owner):
        # given
        hub, _ = await live_hub(owner)
        wrong = server_a.base_url + "/h/" + "0" * 48
        arguments = ["--hub", f"{hub.device.hardware_id}:{wrong}", "--cycles", "1"]

        # when
        with pytest.raises(subprocess.CalledProcessError) as failed:
            await asyncio.to_thread(run_cli, "simulate", *arguments, "--duration", RUN_DURATION_S)

        # then
        assert failed.value.returncode == 1
        assert "refused devices 404: 1" in failed.value.stdout

    async def test_python_m_firmware_simulator_runs_feeders_and_hubs_together(
        self, server_a, owner
    ):
        # given
        hub, _ = await live_hub(owner)
        feeder = await register_device(owner)
        arguments = [
            "--base-url",
            server_a.base_url,
            "--device",
            f"{feeder.hardware_id}:{feeder.api_key}",
            "--hub",
            f"{hub.device.hardware_id}:{local_base_url(server_a, hub)}",
            "--interval",
            "0.2",
            "--count",
            "2",
            "--hub-cycle",
            "0.2",
            "--cycles",
            "2",
            "--duration",
            RUN_DURATION_S,
        ]

        # when
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "firmware.simulator",
            *arguments,
            cwd=PROJECT_ROOT,
            env=pawgraph_env(),
            stdout=asyncio.subprocess.PIPE,
        )
        stdout, _ = await asyncio.wait_for(process.communicate(), 120)

        # then
        assert process.returncode == 0, stdout.decode()
        assert "heartbeats sent: 2, accepted: 2, refused: 0" in stdout.decode()
        assert "hub cycles: 2, requests: 6, accepted: 6, refused: 0" in stdout.decode()
