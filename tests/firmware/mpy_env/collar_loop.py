"""Run by the MicroPython Unix port (tests/firmware/test_micropython.py): the real collar code
(``firmware.collar_unit`` + ``collar_motion`` + ``mqtt_micropython``) over the recording
``umqtt.simple`` for a few simulated seconds, its MQTT calls printed as JSON.

argv: project root, this directory (for the recording ``umqtt``).
"""

import sys

sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])

import json  # noqa: E402

from umqtt import simple  # noqa: E402

from firmware.collar_unit import CollarUnit  # noqa: E402

now = [0.0]
unit = CollarUnit(
    7,
    "device-7",
    "secret",
    server="broker.test",
    port=1883,
    telemetry_interval=1.0,
    clock=lambda: now[0],
    wall_clock=lambda: 1_764_867_600,
)
for _ in range(30):
    unit.run_once()
    now[0] += 0.1
unit.disconnect()
print(json.dumps({"implementation": sys.implementation.name, "log": simple.log,
                  "dispensed": unit.dispenser.dispensed}))  # fmt: skip
