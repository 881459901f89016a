"""The device code under the real MicroPython Unix port, through its ``requests`` transport."""

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
    def test_heartbeat_goes_through_requests_exactly_as_on_cpython(self, tmp_path):
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


def device_behaviour(interpreter: str) -> dict:
    completed = subprocess.run(
        [interpreter, str(MPY_ENV / "device_behaviour.py"), str(PROJECT_ROOT), str(MPY_ENV)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr or completed.stdout
    result = json.loads(completed.stdout)
    feeder = result["feeder"]
    feeder["calls"] = [
        (method, path, json.loads(body) if body else None) for method, path, body in feeder["calls"]
    ]
    result["hub"]["readings"] = [json.loads(body) for body in result["hub"]["readings"]]
    return result


class TestDeviceBehaviourOnMicroPython:
    def test_feeder_and_hub_behaviour_with_default_clocks_match_cpython(self):
        # given
        expected = device_behaviour(sys.executable)
        # when
        result = device_behaviour(str(MICROPYTHON))
        # then
        assert result["implementation"] == "micropython"
        assert result["feeder"] == expected["feeder"]
        assert result["hub"] == expected["hub"]
        feeder = result["feeder"]
        # 60 g: medium (chunks of 2, agitation), one stall recovered; then 30 g jammed for good
        assert feeder["moves"][:9] == [
            "stall",
            "back_off",
            "step",
            "step",
            "agitate",
            "step",
            "step",
            "agitate",
            "back_off",
        ]
        [_, _, _, first_ack, _, _, jam_log, jam_ack] = feeder["calls"]
        assert first_ack[2]["result"] == "ok"
        assert jam_log[2]["notes"] == jam_ack[2]["error_message"]
        assert jam_ack[2]["error_message"].startswith("jam: ")
        assert jam_log[2]["timestamp"] == "1970-01-01T00:00:00Z"  # NTP never answered
        assert feeder["serial"] == ["CAL set 14.0 g per compartment", "CAL 14.0 g per compartment"]
        assert feeder["led"][-1] == "error"
        # the hub: in sync, then rebooted (relay unknown, reported off), ACKed, short circuit
        assert [(r["relay_a"], r["current_a"]) for r in result["hub"]["readings"]] == [
            (True, 1250),
            (False, 1250),
            (True, 1250),
            (False, 65535),
        ]


class TestCollarOnMicroPython:
    def test_the_collar_loop_runs_unmodified_on_umqtt(self):
        # when
        completed = subprocess.run(
            [str(MICROPYTHON), str(MPY_ENV / "collar_loop.py"), str(PROJECT_ROOT), str(MPY_ENV)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        # then
        assert completed.returncode == 0, completed.stderr or completed.stdout
        result = json.loads(completed.stdout)
        log = result["log"]
        assert result["implementation"] == "micropython"
        assert log[0] == ["init", "collar-7", "broker.test", 1883, "device-7", 30]
        assert ["will", "devices/7/status/online", "false", True, 1] in log
        assert ["connect", False] in log
        assert ["subscribe", "devices/7/cmd/#", 1] in log
        published = [entry[1:] for entry in log if entry[0] == "publish"]
        assert published[0] == ["devices/7/status/online", "true", True, 1]
        readings = [
            json.loads(body) for topic, body, _, _ in published if topic.endswith("/telemetry")
        ]
        assert len(readings) == 3
        assert readings[0]["ts"] == "2025-12-04T17:00:00Z"
        assert [reading["seq"] for reading in readings] == [1, 2, 3]
        acks = [json.loads(body) for topic, body, _, _ in published if topic.endswith("/ack")]
        assert acks == [
            {"command_id": "41", "result": "accepted"},
            {"command_id": "41", "result": "ok"},
        ]
        assert result["dispensed"] == 1
        assert published[-1] == ["devices/7/status/online", "false", True, 1]
