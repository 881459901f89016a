"""The firmware against a live server: heartbeats through the REST shim, seen over GraphQL."""

import asyncio
import datetime as dt
import secrets
import sys
from dataclasses import dataclass

import pytest

from firmware import simulator
from firmware.petio_feeder import FeederClient, FeederStatus
from tests.factories.accounts import signed_up
from tests.firmware.fakes import status
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import PROJECT_ROOT, pawgraph_env, run_cli

REGISTER_FEEDER = """
mutation RegisterDevice($input: RegisterDeviceInput!) {
  registerDevice(input: $input) {
    device { id hardwareId online }
    apiKey
    userErrors { field code message }
  }
}
"""
FEEDER_STATUS = """
query DeviceById($id: ID!) {
  node(id: $id) {
    ... on Device {
      online
      lastSeenAt
      status {
        online deviceTime
        ... on FeederStatus {
          wifiRssi uptimeSeconds dailyFeeds lastFeedAt hopperMm hopperPercent tofOk errorMessage
        }
      }
    }
  }
}
"""
NOW = 1_700_000_000  # the unit's clock: 2023-11-14T22:13:20Z
# Far above what the bounded runs below need; they stop on their count.
RUN_DURATION_S = 60.0


@dataclass
class Feeder:
    owner: GraphQLClient
    node_id: str
    hardware_id: str
    api_key: str


async def registered_feeder(anonymous: GraphQLClient) -> Feeder:
    owner = await signed_up(anonymous, "feeder-owner")
    hardware_id = "ESP-" + secrets.token_hex(4).upper()
    variables = {"input": {"kind": "FEEDER", "name": "Kitchen feeder", "hardwareId": hardware_id}}
    result = (await owner.execute(REGISTER_FEEDER, variables))["registerDevice"]
    assert result["userErrors"] == []
    return Feeder(owner, result["device"]["id"], hardware_id, result["apiKey"])


async def device_status(feeder: Feeder) -> dict:
    return (await feeder.owner.execute(FEEDER_STATUS, {"id": feeder.node_id}))["node"]


@pytest.fixture
async def feeder(anonymous) -> Feeder:
    return await registered_feeder(anonymous)


def heartbeat(client: FeederClient, status: FeederStatus):
    # The firmware client is blocking, as on the unit; keep it off the test's event loop.
    return asyncio.to_thread(client.heartbeat, status)


class TestHeartbeat:
    async def test_accepted_and_visible_over_graphql(self, server_a, feeder):
        # given
        client = FeederClient(
            server_a.base_url, feeder.hardware_id, feeder.api_key, clock=lambda: NOW
        )
        # when
        response = await heartbeat(client, status(last_feed=NOW - 600))
        # then
        assert response.status == 200
        assert response.json()["status"] == "ok" and response.json()["success"] is True
        device = await device_status(feeder)
        assert device["online"] is True and device["lastSeenAt"] is not None
        reported = device["status"]
        assert reported["online"] is True
        assert (reported["wifiRssi"], reported["uptimeSeconds"], reported["dailyFeeds"]) == (
            -61,
            3600,
            2,
        )
        assert (reported["hopperMm"], reported["hopperPercent"], reported["tofOk"]) == (
            120,
            66,
            True,
        )
        assert dt.datetime.fromisoformat(reported["deviceTime"]) == dt.datetime.fromtimestamp(
            NOW, dt.UTC
        )
        assert dt.datetime.fromisoformat(reported["lastFeedAt"]) == dt.datetime.fromtimestamp(
            NOW - 600, dt.UTC
        )

    async def test_paired_unit_is_known_by_its_device_key(self, server_a, feeder):
        # given: a paired unit sends the fleet constant as X-API-Key, its own key as X-Device-Key
        client = FeederClient(
            server_a.base_url, feeder.hardware_id, "fleet-constant", feeder.api_key
        )
        # when
        response = await heartbeat(client, status())
        # then
        assert response.status == 200
        assert (await device_status(feeder))["online"] is True

    async def test_wrong_key_is_refused_with_403_and_nothing_written(self, server_a, feeder):
        # given
        client = FeederClient(server_a.base_url, feeder.hardware_id, "not-" + feeder.api_key)
        # when
        response = await heartbeat(client, status())
        # then
        assert response.status == 403
        body = response.json()
        assert (body["status"], body["success"], body["error"]) == (
            "error",
            False,
            "DEVICE_KEY_INVALID",
        )
        device = await device_status(feeder)
        assert device["online"] is False and device["lastSeenAt"] is None

    async def test_a_key_cannot_speak_for_another_unit(self, server_a, anonymous, feeder):
        # given
        other = await registered_feeder(anonymous)
        client = FeederClient(server_a.base_url, other.hardware_id, feeder.api_key)
        # when
        response = await heartbeat(client, status())
        # then
        assert response.status == 403
        assert (await device_status(other))["online"] is False
        assert (await device_status(feeder))["online"] is False


class TestSimulator:
    async def test_bounded_run_has_every_heartbeat_accepted(self, server_a, anonymous):
        # given
        feeders = [await registered_feeder(anonymous) for _ in range(2)]
        devices = [(feeder.hardware_id, feeder.api_key) for feeder in feeders]
        fleet = simulator.build_fleet(server_a.base_url, devices, seed=7)
        # when
        summary = await asyncio.to_thread(simulator.run_fleet, fleet, 0.2, RUN_DURATION_S, 3)
        # then
        assert (summary.sent, summary.accepted, summary.refused, summary.unreachable) == (
            6,
            6,
            {},
            0,
        )
        for feeder in feeders:
            device = await device_status(feeder)
            assert device["online"] is True
            assert device["status"]["uptimeSeconds"] > 0
            assert -90 <= device["status"]["wifiRssi"] <= -35

    async def test_wrong_key_is_reported_as_refused(self, server_a, feeder):
        # given
        fleet = simulator.build_fleet(server_a.base_url, [(feeder.hardware_id, "wrong-key")])
        # when
        summary = await asyncio.to_thread(simulator.run_fleet, fleet, 0.2, RUN_DURATION_S, 2)
        # then
        assert (summary.sent, summary.accepted, summary.refused) == (2, 0, {403: 2})
        assert "refused 403: 2" in summary.render()
        assert (await device_status(feeder))["online"] is False


class TestCommandLine:
    async def test_pawgraph_simulate(self, server_a, feeder):
        # given
        device = f"{feeder.hardware_id}:{feeder.api_key}"
        arguments = [
            "--base-url",
            server_a.base_url,
            "--device",
            device,
            "--interval",
            "0.2",
            "--duration",
            str(RUN_DURATION_S),
            "--count",
            "2",
        ]
        # when
        completed = await asyncio.to_thread(run_cli, "simulate", *arguments)
        # then
        assert "heartbeats sent: 2, accepted: 2, refused: 0, unreachable: 0" in completed.stdout
        assert (await device_status(feeder))["online"] is True

    async def test_python_m_firmware_simulator_exits_1_on_refusal(self, server_a, feeder):
        # given
        arguments = [
            "--base-url",
            server_a.base_url,
            "--device",
            f"{feeder.hardware_id}:wrong",
            "--interval",
            "0.2",
            "--duration",
            str(RUN_DURATION_S),
            "--count",
            "1",
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
        assert process.returncode == 1
        assert "refused 403: 1" in stdout.decode()
