"""Run by the MicroPython Unix port (tests/firmware/test_micropython.py): one hub cycle and one
feeder tick against a scripted transport, printed as JSON for CPython to compare.

argv: project root, this directory.
"""

import sys

sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])

import json  # noqa: E402

from firmware.feeder_unit import FeederUnit  # noqa: E402
from firmware.hub_unit import Hub  # noqa: E402
from firmware.petio_feeder import FeederClient  # noqa: E402
from firmware.smart_outlet_hub import HubClient, SimulatedOutlet  # noqa: E402
from firmware.transport import Response  # noqa: E402

ANSWERS = {
    "/api/devices/": b'{"success": true, "devices": ["FE", "03"]}',
    "/api/focus/": b'{"success": true, "device_id": "FE"}',
    "/api/commands/FE/": (
        b'{"success": true, "commands": [{"command": "relay_on", "socket": "a", "value": null}, '
        b'{"command":"relay_on","socket":"b","value":null}, '
        b'{"command": "set_threshold", "socket": "", "value": 1500}]}'
    ),
    "/api/device/command/": (
        b'{"status": "ok", "success": true, "has_command": true, "command": "feed_now", '
        b'"command_id": 42, "portion_size": 30.0}'
    ),
}


class ScriptedTransport:
    def __init__(self):
        self.calls = []

    def request(self, method, url, headers, body=None, timeout=5):
        path = url.split("//", 1)[1]
        path = path[path.find("/") :].split("?")[0]
        if path.startswith("/h/"):
            path = path[path.find("/api/") :]
        self.calls.append([method, path, body.decode() if body else None])
        return Response(200, ANSWERS.get(path, b'{"success": true}'))


transport = ScriptedTransport()
outlet = SimulatedOutlet("FE", load_a=1250)
hub = Hub(HubClient("http://hub.test/h/key/", transport), "02", [outlet], clock=lambda: 0)
hub.cycle()
client = FeederClient(
    "http://feeder.test", "ESP-0081CA63", "k", transport=transport, clock=lambda: 0
)
FeederUnit(client, clock=lambda: 100.0).tick()
print(
    json.dumps(
        {
            "implementation": sys.implementation.name,
            "calls": transport.calls,
            "relay": outlet.relay,
            "threshold": outlet.threshold_ma,
        }
    )
)
