"""Run by the MicroPython Unix port and by CPython (tests/firmware/test_micropython.py): the
feeder's and the hub's own behaviour over simulated hardware, with the default clocks (no clock
injected: ``time.ticks_ms`` on MicroPython), printed as JSON for the two to be compared.

argv: project root, this directory.
"""

import sys

sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])

import json  # noqa: E402

from firmware import feeder_hardware  # noqa: E402
from firmware.feeder_unit import FeederUnit  # noqa: E402
from firmware.hub_unit import Hub  # noqa: E402
from firmware.outlet_rf import SimulatedOutlet  # noqa: E402
from firmware.petio_feeder import FeederClient  # noqa: E402
from firmware.smart_outlet_hub import HubClient  # noqa: E402
from firmware.transport import Response  # noqa: E402

WALL = 1700000000


def command(command_id, grams):
    return (
        '{"status": "ok", "success": true, "has_command": true, "command": "feed_now", '
        '"command_id": ' + str(command_id) + ', "portion_size": ' + str(grams) + "}"
    ).encode()


class ScriptedTransport:
    def __init__(self, answers):
        self.answers = answers
        self.calls = []

    def request(self, method, url, headers, body=None, timeout=5):
        path = url.split("//", 1)[1]
        path = path[path.find("/") :].split("?")[0]
        if path.startswith("/h/"):
            path = path[path.find("/api/") :]
        self.calls.append([method, path, body.decode() if body else None])
        queue = self.answers.get(path)
        if isinstance(queue, list):
            answer = queue.pop(0) if len(queue) > 1 else queue[0]
        else:
            answer = queue or b'{"success": true}'
        return Response(200, answer)


def feeder_run():
    ntp = feeder_hardware.SimulatedNtp(lambda: WALL, reachable=False)
    hardware = feeder_hardware.simulated(ntp=ntp)
    hardware.servo.jam(1)
    transport = ScriptedTransport(
        {
            "/api/device/command/": [command(1, 60.0), command(2, 30.0)],
            "/api/check-schedule/": b'{"should_feed": false}',
        }
    )
    client = FeederClient("http://feeder.test", "ESP-0081CA63", "k", transport=transport)
    unit = FeederUnit(client, boot_mute_s=0, cooldown_s=0, hardware=hardware)
    unit.tick()  # feed 60 g (medium), one stall recovered
    hardware.servo.jam(10)
    unit.next_command = unit.clock()
    unit.tick()  # feed 30 g: jammed for good
    hardware.serial.type("CAL 14")
    hardware.serial.type("CAL?")
    unit.tick()
    return {
        "moves": hardware.servo.moves,
        "events": unit.events,
        "calls": transport.calls,
        "serial": hardware.serial.output,
        "led": hardware.led.states,
        "uptime_ok": unit.status().uptime >= 0,
    }


def hub_run():
    lamp = SimulatedOutlet("FE", relay_a=True, load_a=1250)
    heater = SimulatedOutlet("03", relay_a=True, load_a=900)
    transport = ScriptedTransport(
        {
            "/api/devices/": b'{"success": true, "devices": ["FE", "03"]}',
            "/api/focus/": b'{"success": true, "device_id": "FE"}',
            "/api/commands/FE/": [
                b'{"success": true, "commands": []}',
                b'{"success": true, "commands": [{"command": "relay_on", "socket": "a", '
                b'"value": null}]}',
                b'{"success": true, "commands": []}',
            ],
        }
    )
    hub = Hub(HubClient("http://hub.test/h/key/", transport), "02", [lamp, heater])
    hub.cycle()
    hub.reboot()
    hub.cycle()
    hub.cycle()
    lamp.short_circuit("a")
    hub.cycle()
    return {"readings": [event[2] for event in hub.events if event[0] == "data"]}


print(
    json.dumps(
        {"implementation": sys.implementation.name, "feeder": feeder_run(), "hub": hub_run()}
    )
)
