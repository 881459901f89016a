"""The device code under the real MicroPython Unix port, through its ``urequests`` transport."""

import json
import subprocess
import sys
from pathlib import Path

from firmware.petio_feeder import FeederClient, FeederStatus
from tests.firmware.fakes import RecordingTransport
from tests.support.live_server import PROJECT_ROOT

MICROPYTHON = Path(sys.executable).with_name("micropython")
MPY_ENV = Path(__file__).with_name("mpy_env")

INPUTS = {
    "base_url": "http://pawgraph.test/",
    "device_id": "ESP-0081CA63",
    "api_key": "fleet-constant",
    "device_key": "k" * 48,
    "now": 1_700_000_000,
    "status": {
        "wifi_rssi": -61,
        "uptime": 3600,
        "daily_feeds": 2,
        "hopper_mm": 120,
        "hopper_pct": 66,
        "tof_ok": True,
        "last_feed": 1_699_990_000,
        "error_message": "",
    },
}


def run_on_micropython(inputs: dict, workdir: Path) -> dict:
    inputs_path = workdir / "inputs.json"
    inputs_path.write_text(json.dumps(inputs))
    completed = subprocess.run(
        [
            str(MICROPYTHON),
            str(MPY_ENV / "heartbeat.py"),
            str(PROJECT_ROOT),
            str(MPY_ENV),
            str(inputs_path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr or completed.stdout
    return json.loads(completed.stdout)


def run_on_cpython(inputs: dict) -> RecordingTransport:
    transport = RecordingTransport()
    client = FeederClient(
        inputs["base_url"],
        inputs["device_id"],
        inputs["api_key"],
        inputs["device_key"],
        transport,
        lambda: inputs["now"],
    )
    client.heartbeat(FeederStatus(**inputs["status"]))
    return transport


class TestOnMicroPython:
    def test_heartbeat_goes_through_urequests_exactly_as_on_cpython(self, tmp_path):
        # given
        [expected] = run_on_cpython(INPUTS).sent
        # when
        result = run_on_micropython(INPUTS, tmp_path)
        # then
        assert result["implementation"] == "micropython"
        [call] = result["calls"]
        assert (call["method"], call["url"]) == (expected.method, expected.url)
        assert call["headers"] == expected.headers
        assert json.loads(call["data"]) == json.loads(expected.body)
        assert call["timeout"] == expected.timeout

    def test_reply_is_read_and_the_socket_released(self, tmp_path):
        # when
        result = run_on_micropython(INPUTS, tmp_path)
        # then
        assert (result["status"], result["ok"]) == (200, True)
        assert result["reply"]["status"] == "ok"
        assert result["closed"] == 1


def device_loops(interpreter: str) -> dict:
    completed = subprocess.run(
        [interpreter, str(MPY_ENV / "device_loops.py"), str(PROJECT_ROOT), str(MPY_ENV)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr or completed.stdout
    result = json.loads(completed.stdout)
    result["calls"] = [
        (method, path, json.loads(body) if body else None) for method, path, body in result["calls"]
    ]
    return result


class TestDeviceLoopsOnMicroPython:
    def test_a_hub_cycle_and_a_feeder_tick_do_exactly_what_they_do_on_cpython(self):
        # given
        expected = device_loops(sys.executable)
        # when
        result = device_loops(str(MICROPYTHON))
        # then
        assert (result["implementation"], expected["implementation"]) == ("micropython", "cpython")
        assert result["calls"] == expected["calls"]
        assert [path for _, path, _ in result["calls"]] == [
            "/api/devices/",
            "/api/breaker-data/",
            "/api/focus/",
            "/api/data/",
            "/api/commands/FE/",
            "/api/check-schedule/",
            "/api/device/command/",
            "/api/device/command/ack/",
            "/api/device/status/",
        ]
        # The compact relay_on for socket B was ignored; the spaced ones ran.
        assert (result["relay"], result["threshold"]) == ({"a": True, "b": False}, 1500)
