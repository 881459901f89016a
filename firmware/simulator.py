"""Simulated PETio feeders and Smart-Outlet hubs talking to a pawgraph server.

    python -m firmware.simulator --base-url http://127.0.0.1:8000 \\
        --device ESP-0081CA63:<key> --device ESP-00A1B2C3:<key> --interval 5 --duration 60
    python -m firmware.simulator --hub 02:http://127.0.0.1:8000/h/<hub-key> --cycles 30
    python -m firmware.simulator --collar SN-12345:<key> --collar SN-67890:<key> --readings 30

Each feeder is a real ``FeederClient`` posting heartbeats, with its own drifting state (Wi-Fi
signal, uptime, feeds, hopper level); units are staggered across the interval, as a real fleet
booted at different times would be. Each hub is a real ``Hub`` running its 2-second cycle
(``firmware.hub_fleet``). Each Petty collar is a real ``PettyCollar`` posting a reading every
10 s (``--collar-interval``) with a 5 s timeout and no retries, from its own simulated dog
(``firmware.petty_collar``). A run stops at ``--duration`` seconds, or once every feeder has sent
``--count`` heartbeats and every hub has run ``--cycles`` cycles, whichever comes first, and
prints what was sent, accepted and refused (by HTTP status). Exit status 0 only when every
request sent was accepted.

A host tool (it uses ``argparse`` and ``random.Random``), written against the same transport as
the device code and importing nothing from the server.
"""

import argparse
import random
import sys
import time

from firmware import hub_fleet
from firmware.petio_feeder import FeederClient, FeederStatus
from firmware.petty_collar import POST_INTERVAL_S, PettyClient, PettyCollar, SimulatedDog
from firmware.sim_runner import Summary, run

__all__ = [
    "Summary",
    "build_collars",
    "build_fleet",
    "parse_collar",
    "parse_device",
    "read_devices_file",
    "run",
    "run_fleet",
]

# Real units send one every 60 s; a simulation is watched, so every 10 s unless told otherwise.
DEFAULT_INTERVAL_S = 10.0
DEFAULT_HUB_CYCLE_S = 2.0
DEFAULT_DURATION_S = 60.0
# ToF distance from the sensor to the food: an empty hopper reads about 180 mm, a full one 20 mm.
HOPPER_FULL_MM = 20
HOPPER_EMPTY_MM = 180
FEED_CHANCE = 0.05
TOF_FAULT_CHANCE = 0.02


def parse_device(spec):
    """``ESP-XXXXXXXX:<key>`` -> (device_id, key); ValueError naming the problem otherwise."""
    device_id, separator, key = spec.strip().partition(":")
    device_id = device_id.strip().upper()
    if not separator or not key.strip():
        raise ValueError(f"device {spec!r}: expected ESP-XXXXXXXX:<key>")
    digits = device_id[4:]
    if not device_id.startswith("ESP-") or len(digits) != 8 or not _is_hex(digits):
        raise ValueError(f"device {spec!r}: the id is ESP- and 8 hex digits")
    return device_id, key.strip()


def parse_collar(spec):
    """``SN-12345:<key>`` -> (collar_id, key); ValueError naming the problem otherwise."""
    collar_id, separator, key = spec.strip().partition(":")
    if not separator or not collar_id.strip() or not key.strip():
        raise ValueError(f"collar {spec!r}: expected <collar id>:<key>, e.g. SN-12345:<key>")
    return collar_id.strip(), key.strip()


def build_collars(base_url, collars, seed=None, timeout=5, bearer=False, transport=None):
    """One ``PettyCollar`` per (collar_id, key), each with its own dog, homes ~1 km apart."""
    rng = random.Random(seed)
    built = []
    for index, (collar_id, key) in enumerate(collars):
        client = PettyClient(
            base_url, collar_id, key, transport=transport, timeout=timeout, bearer=bearer
        )
        dog_rng = random.Random(rng.random())
        dog = SimulatedDog(dog_rng, -74.006 + 0.01 * index, 40.7128 + 0.005 * (index % 3))
        built.append(PettyCollar(client, dog))
    return built


def _is_hex(text):
    return all(character in "0123456789ABCDEF" for character in text)


def read_devices_file(path):
    """One ``ESP-XXXXXXXX:<key>`` per line; blank lines and ``#`` comments are skipped."""
    with open(path) as lines:
        specs = [line.strip() for line in lines]
    return [parse_device(spec) for spec in specs if spec and not spec.startswith("#")]


class SimulatedFeeder:
    """One unit: its client and the state its next heartbeat reports."""

    def __init__(self, client, rng, now):
        self.client = client
        self.rng = rng
        self.booted_at = now - rng.randint(60, 3 * 86400)
        self.wifi_rssi = rng.randint(-75, -45)
        self.hopper_pct = rng.randint(35, 100)
        self.daily_feeds = rng.randint(0, 2)
        self.last_feed = None

    def next_status(self, now):
        rng = self.rng
        self.wifi_rssi = max(-90, min(-35, self.wifi_rssi + rng.randint(-3, 3)))
        if rng.random() < FEED_CHANCE:
            self.daily_feeds += 1
            self.last_feed = time.time()
            self.hopper_pct -= rng.randint(3, 8)
        if self.hopper_pct < 10:
            # Owners refill before the hopper runs dry.
            self.hopper_pct = 100
        tof_ok = rng.random() >= TOF_FAULT_CHANCE
        return FeederStatus(
            wifi_rssi=self.wifi_rssi,
            uptime=int(now - self.booted_at),
            daily_feeds=self.daily_feeds,
            hopper_mm=self._hopper_mm() if tof_ok else 0,
            hopper_pct=self.hopper_pct if tof_ok else 0,
            tof_ok=tof_ok,
            last_feed=self.last_feed,
            error_message="" if tof_ok else "ToF read timeout",
        )

    def _hopper_mm(self):
        span = HOPPER_EMPTY_MM - HOPPER_FULL_MM
        return HOPPER_FULL_MM + span * (100 - self.hopper_pct) // 100

    def beat(self, now):
        return self.client.heartbeat(self.next_status(now))


def build_fleet(
    base_url, devices, fleet_api_key=None, seed=None, timeout=5, transport=None, now=None
):
    """One ``SimulatedFeeder`` per (device_id, key).

    Without ``fleet_api_key`` each unit sends its pawgraph key as ``X-API-Key``; with it, units
    behave as paired ones: the fleet constant in ``X-API-Key`` and their key in ``X-Device-Key``.
    """
    rng = random.Random(seed)
    now = time.monotonic() if now is None else now
    fleet = []
    for device_id, key in devices:
        client = FeederClient(
            base_url,
            device_id,
            api_key=fleet_api_key or key,
            device_key=key if fleet_api_key else None,
            transport=transport,
            timeout=timeout,
        )
        fleet.append(SimulatedFeeder(client, random.Random(rng.random()), now))
    return fleet


def run_fleet(fleet, interval, duration, count=None, clock=time.monotonic, sleep=time.sleep):
    """Send heartbeats until ``duration`` seconds pass or every unit has sent ``count``."""
    return run(fleet, (), interval, duration, count, None, clock, sleep)


def simulate(
    base_url,
    devices=(),
    hubs=(),
    interval=DEFAULT_INTERVAL_S,
    duration=DEFAULT_DURATION_S,
    count=None,
    cycles=None,
    hub_cycle=DEFAULT_HUB_CYCLE_S,
    fleet_api_key=None,
    seed=None,
    timeout=5.0,
    observer=None,
    collars=(),
    collar_interval=POST_INTERVAL_S,
    readings=None,
    bearer=False,
):
    """Build the feeders, hubs and collars and run them (``run``); the CLI's and ``pawgraph
    simulate``'s one entry point. ValueError for an empty or unbounded run."""
    if hub_cycle <= 0:
        raise ValueError("the hub cycle must be positive")
    fleet = build_fleet(base_url, devices, fleet_api_key=fleet_api_key, seed=seed, timeout=timeout)
    simulated_hubs = hub_fleet.build_hubs(hubs, seed=seed, timeout=timeout, cycle_s=hub_cycle)
    simulated_collars = build_collars(base_url, collars, seed=seed, timeout=timeout, bearer=bearer)
    return run(
        fleet,
        simulated_hubs,
        interval,
        duration,
        count,
        cycles,
        observer=observer,
        collars=simulated_collars,
        collar_interval=collar_interval,
        readings=readings,
    )


def _arguments(argv):
    parser = argparse.ArgumentParser(
        prog="python -m firmware.simulator",
        description="Simulated PETio feeders and Smart-Outlet hubs talking to a pawgraph server.",
    )
    parser.add_argument(
        "--base-url", help="pawgraph server (default http://127.0.0.1:8000); hubs too"
    )
    parser.add_argument(
        "--device", action="append", default=[], metavar="ESP-XXXXXXXX:KEY", help="a unit; repeat"
    )
    parser.add_argument("--devices-file", help="a file of ESP-XXXXXXXX:KEY lines")
    parser.add_argument(
        "--hub", action="append", default=[], metavar="CC:BASE_URL", help="a hub; repeat"
    )
    parser.add_argument(
        "--collar", action="append", default=[], metavar="SN-12345:KEY", help="a collar; repeat"
    )
    parser.add_argument(
        "--collar-interval", type=float, default=POST_INTERVAL_S, help="seconds between readings"
    )
    parser.add_argument("--readings", type=int, help="stop once every collar has posted this many")
    parser.add_argument("--bearer", action="store_true", help="collars send Bearer <key>")
    parser.add_argument(
        "--interval", type=float, default=DEFAULT_INTERVAL_S, help="seconds between heartbeats"
    )
    parser.add_argument(
        "--hub-cycle", type=float, default=DEFAULT_HUB_CYCLE_S, help="seconds between hub cycles"
    )
    parser.add_argument(
        "--duration", type=float, default=DEFAULT_DURATION_S, help="stop after these seconds"
    )
    parser.add_argument("--count", type=int, help="stop once every feeder has sent this many")
    parser.add_argument("--cycles", type=int, help="stop once every hub has run this many")
    parser.add_argument("--fleet-api-key", help="send as X-API-Key, device keys as X-Device-Key")
    parser.add_argument("--seed", type=int, help="make the simulated values reproducible")
    parser.add_argument("--timeout", type=float, default=5.0, help="per-request timeout, seconds")
    arguments = parser.parse_args(argv)
    try:
        arguments.devices = [parse_device(spec) for spec in arguments.device]
        if arguments.devices_file:
            arguments.devices += read_devices_file(arguments.devices_file)
        arguments.hubs = [hub_fleet.parse_hub(spec, arguments.base_url) for spec in arguments.hub]
        arguments.collars = [parse_collar(spec) for spec in arguments.collar]
    except (OSError, ValueError) as error:
        parser.error(str(error))
    if not arguments.devices and not arguments.hubs and not arguments.collars:
        parser.error("give at least one --device, --devices-file, --hub or --collar")
    return arguments


def main(argv=None):
    arguments = _arguments(argv)
    try:
        summary = simulate(
            arguments.base_url or "http://127.0.0.1:8000",
            arguments.devices,
            arguments.hubs,
            interval=arguments.interval,
            duration=arguments.duration,
            count=arguments.count,
            cycles=arguments.cycles,
            hub_cycle=arguments.hub_cycle,
            fleet_api_key=arguments.fleet_api_key,
            seed=arguments.seed,
            timeout=arguments.timeout,
            collars=arguments.collars,
            collar_interval=arguments.collar_interval,
            readings=arguments.readings,
            bearer=arguments.bearer,
        )
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(summary.render())
    return 0 if summary.all_accepted else 1


if __name__ == "__main__":
    sys.exit(main())
