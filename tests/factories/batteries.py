"""MAX300 batteries for live tests: registered over GraphQL (profile and broker login included),
the reference provider as its own process, and the edge agent as its own process on a
compressed clock."""

import datetime as dt
import json
import secrets
import subprocess
import sys
import time
import zoneinfo
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from tests.factories.collars import node_pk
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import NEVER_DUE, PROJECT_ROOT, free_port, pawgraph_env

ZONE = "Asia/Manila"
# A compressed day: 3600x runs a half-hour slot in 0.5 s and the whole day in 24 s. A slot whose
# window passed while the agent was not running is reported missed, as on the device: at 7200x
# (0.25 s) a loaded 2-core CI machine stalled that long and failed a slot now and then.
SPEED = 3600.0
# The agent's compressed clock starts this long before the schedule's midnight, so the schedule
# is delivered and stored before its first slot.
LEAD = dt.timedelta(hours=6)

REGISTER_BATTERY = """
mutation RegisterDevice($input: RegisterDeviceInput!) {
  registerDevice(input: $input) {
    device { id kind battery { maxChargeKw capacityKwh timeZone providerUrl } }
    mqttCredentials { username password }
    userErrors { field code message }
  }
}
"""
UPDATE_BATTERY = """
mutation UpdateDevice($input: UpdateDeviceInput!) {
  updateDevice(input: $input) {
    device { battery { fetchLocalTime } }
    userErrors { field code message }
  }
}
"""
BATTERY_STATUS = """
query Status($id: ID!) {
  node(id: $id) {
    ... on Device {
      online
      status {
        __typename online
        ... on BatteryStatus { stateOfChargePercent stateOfChargeKwh mode slot messageId }
      }
    }
  }
}
"""
FETCH = """
mutation Fetch($input: FetchBatteryScheduleInput!) {
  fetchBatterySchedule(input: $input) {
    outcome
    schedule { messageId status date }
    archived { id statusCode bodySha256 outcome reasons { slot reason } }
    reasons { slot reason }
    userErrors { field code message }
  }
}
"""
SCHEDULE = """
query Schedule($deviceId: ID!, $date: Date!) {
  batterySchedule(deviceId: $deviceId, date: $date) {
    messageId status sendCount reason
    slots { slot start mode rateKw status detail }
  }
}
"""
TIMELINE = """
query Timeline($messageId: String!) {
  batteryScheduleTimeline(messageId: $messageId) {
    schedule { status }
    events { messageId at status slot detail }
  }
}
"""
ARCHIVE = """
query Archive($deviceId: ID) {
  scheduleArchive(deviceId: $deviceId, first: 20) {
    edges { node { id statusCode bodySha256 bodySize body error outcome
                   reasons { slot reason } headers { name value } } }
  }
}
"""
UPDATED = """
subscription Updated($deviceId: ID!) {
  batteryScheduleUpdated(deviceId: $deviceId) {
    messageId date status slot slotStatus detail at
  }
}
"""


@dataclass(frozen=True)
class RegisteredBattery:
    id: str
    pk: int
    username: str
    password: str


def tomorrow(zone: str = ZONE) -> dt.date:
    return dt.datetime.now(zoneinfo.ZoneInfo(zone)).date() + dt.timedelta(days=1)


async def register_battery(
    owner: GraphQLClient,
    *,
    provider_url: str | None = None,
    fetch_local_time: str = NEVER_DUE,
    max_kw: float = 5.0,
    capacity_kwh: float = 10.0,
) -> RegisteredBattery:
    hardware_id = f"max300-{secrets.token_hex(5)}"
    battery: dict[str, Any] = {
        "maxChargeKw": max_kw,
        "maxDischargeKw": max_kw,
        "capacityKwh": capacity_kwh,
        "timeZone": ZONE,
        "fetchLocalTime": fetch_local_time,
        "providerUrl": provider_url,
    }
    result = await owner.execute(
        REGISTER_BATTERY,
        {"input": {"kind": "BATTERY", "name": f"battery {hardware_id}",
                   "hardwareId": hardware_id, "battery": battery}},
    )  # fmt: skip
    payload = result["registerDevice"]
    assert payload["userErrors"] == []
    credentials = payload["mqttCredentials"]
    device_id = payload["device"]["id"]
    return RegisteredBattery(
        device_id, node_pk(device_id), credentials["username"], credentials["password"]
    )


async def set_fetch_time(owner: GraphQLClient, battery: RegisteredBattery, at: str) -> None:
    battery_input = {"maxChargeKw": 5.0, "maxDischargeKw": 5.0, "capacityKwh": 10.0,
                     "timeZone": ZONE, "fetchLocalTime": at}  # fmt: skip
    result = await owner.execute(
        UPDATE_BATTERY, {"input": {"id": battery.id, "battery": battery_input}}
    )
    assert result["updateDevice"]["userErrors"] == []
    assert result["updateDevice"]["device"]["battery"]["fetchLocalTime"] == at


class ProviderProcess:
    """``pawgraph provider-demo`` on a free port, until ``stop``."""

    def __init__(self, log_dir: Path, timeout_delay: float = 3.0) -> None:
        self.port = free_port()
        self.log_path = log_dir / "provider.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "graphql_api", "provider-demo", "--port", str(self.port),
             "--timeout-delay", str(timeout_delay), "--quiet"],
            cwd=PROJECT_ROOT, env=pawgraph_env(), stdout=self.log_path.open("wb"),
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"provider-demo exited:\n{self.log_path.read_text()}")
            try:
                httpx.get(f"{self.url}/tomorrow", timeout=1.0)
                return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("provider-demo did not answer")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def fault_url(self, fault: str) -> str:
        return f"{self.url}/faults/{fault}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class AgentProcess:
    """``python -m firmware.battery_agent`` for one battery, logging JSON lines to a file."""

    def __init__(self, battery: RegisteredBattery, broker_port: int, directory: Path) -> None:
        self.battery = battery
        self.broker_port = broker_port
        self.db_path = directory / f"agent-{battery.pk}.db"
        self.log_path = directory / f"agent-{battery.pk}.log"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, clock_start: dt.datetime, *, initial_soc_percent: float = 10.0) -> None:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "firmware.battery_agent",
             "--device-id", str(self.battery.pk), "--port", str(self.broker_port),
             "--username", self.battery.username, "--password", self.battery.password,
             "--db", str(self.db_path), "--zone", ZONE, "--capacity-kwh", "10",
             "--max-charge-kw", "5", "--max-discharge-kw", "5",
             "--initial-soc-percent", str(initial_soc_percent),
             "--clock-start", clock_start.isoformat(), "--speed", str(SPEED),
             "--heartbeat-interval", "0.5"],
            cwd=PROJECT_ROOT, env=pawgraph_env(), stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def wait_connected(self, count: int = 1, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.events("mqtt.connected")) >= count:
                return
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"agent exited:\n{self.log_path.read_text()}")
            time.sleep(0.05)
        raise RuntimeError(f"agent did not connect:\n{self.log_path.read_text()}")

    def terminate(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def lines(self) -> list[dict[str, Any]]:
        if not self.log_path.exists():
            return []
        found = []
        for line in self.log_path.read_text(errors="replace").splitlines():
            if line.startswith("{"):
                found.append(json.loads(line))
        return found

    def events(self, event: str) -> list[dict[str, Any]]:
        return [line for line in self.lines() if line.get("event") == event]


def server_log_lines(log: str) -> list[dict[str, Any]]:
    lines = []
    for line in log.splitlines():
        if line.startswith("{") and '"pawgraph.batteries"' in line:
            lines.append(json.loads(line))
    return lines


def midnight_minus_lead(date: dt.date) -> dt.datetime:
    return dt.datetime.combine(date, dt.time(), zoneinfo.ZoneInfo(ZONE)) - LEAD
