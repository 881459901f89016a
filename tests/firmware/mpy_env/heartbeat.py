"""Run by the MicroPython Unix port (tests/firmware/test_micropython.py): one heartbeat through
the real ``FeederClient`` and ``URequestsTransport``, printed as JSON for CPython to compare.

argv: project root, this directory (for the recording ``requests``), a JSON file of the call's
inputs (a file: the Unix-port wrapper crashes on arguments longer than 255 bytes).
"""

import sys

sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])

import json  # noqa: E402

import requests  # noqa: E402

from firmware.petio_feeder import FeederClient, FeederStatus  # noqa: E402

with open(sys.argv[3]) as inputs_file:
    inputs = json.load(inputs_file)
client = FeederClient(
    inputs["base_url"],
    inputs["device_id"],
    inputs["api_key"],
    device_key=inputs["device_key"],
    clock=lambda: inputs["now"],
)
response = client.heartbeat(FeederStatus(**inputs["status"]))
print(
    json.dumps(
        {
            "implementation": sys.implementation.name,
            "calls": requests.calls,
            "closed": len(requests.closed),
            "status": response.status,
            "ok": response.ok,
            "reply": response.json(),
        }
    )
)
