"""Run by the MicroPython Unix port (tests/firmware/test_petty_collar.py): a Petty collar's
dog lives an hour, then the collar posts one reading through the real ``URequestsTransport``;
the recorded call is printed as JSON for CPython to check.

argv: project root, this directory (for the recording ``requests``).
"""

import sys

sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])

import json  # noqa: E402
import random  # noqa: E402

import requests as urequests  # noqa: E402  (the recording stand-in)

from firmware.petty_collar import PettyClient, PettyCollar, SimulatedDog  # noqa: E402

random.seed(3)
dog = SimulatedDog(random)
for _ in range(360):
    dog.step(10)
collar = PettyCollar(
    PettyClient("http://pawgraph.test", "SN-12345", "k" * 48), dog, wall_clock=lambda: 1755527400
)
response = collar.beat()
print(
    json.dumps(
        {
            "implementation": sys.implementation.name,
            "calls": urequests.calls,
            "status": response.status,
        }
    )
)
