"""A fleet of simulated PETio feeders posting heartbeats to a pawgraph server.

    python -m firmware.simulator --base-url http://127.0.0.1:8000 \\
        --device ESP-0081CA63:<key> --device ESP-00A1B2C3:<key> --interval 5 --duration 60

Each unit is a real ``FeederClient`` with its own drifting state (Wi-Fi signal, uptime, feeds,
hopper level). Units are staggered across the interval, as a real fleet booted at different
times would be. A run stops at ``--duration`` seconds or once every unit has sent ``--count``
heartbeats, whichever comes first, and prints how many were sent, accepted and refused (by HTTP
status). Exit status 0 only when every heartbeat sent was accepted.

A host tool (it uses ``argparse`` and ``random.Random``), written against the same transport as
the device code and importing nothing from the server.
"""

import argparse
import random
import sys
import time

from firmware.petio_feeder import FeederClient, FeederStatus
from firmware.transport import TransportError

DEFAULT_INTERVAL_S = 60.0
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


class Summary:
    """What a run did: heartbeats sent, accepted (2xx), refused (by status), unreachable."""

    def __init__(self):
        self.sent = 0
        self.accepted = 0
        self.refused = {}
        self.refusal_messages = {}
        self.unreachable = 0
        self.last_transport_error = None

    def record(self, response):
        self.sent += 1
        if response.ok:
            self.accepted += 1
            return
        self.refused[response.status] = self.refused.get(response.status, 0) + 1
        if response.status not in self.refusal_messages:
            body = response.json()
            message = body.get("message") if isinstance(body, dict) else None
            fallback = response.body[:120].decode("utf-8", "replace")
            self.refusal_messages[response.status] = message or fallback

    def record_failure(self, error):
        self.sent += 1
        self.unreachable += 1
        self.last_transport_error = str(error)

    @property
    def all_accepted(self):
        return self.sent > 0 and self.accepted == self.sent

    def render(self):
        refused = sum(self.refused.values())
        lines = [
            f"heartbeats sent: {self.sent}, accepted: {self.accepted}, refused: {refused}, "
            f"unreachable: {self.unreachable}"
        ]
        for status in sorted(self.refused):
            message = self.refusal_messages[status]
            lines.append(f"  refused {status}: {self.refused[status]} ({message})")
        if self.last_transport_error:
            lines.append(f"  last transport error: {self.last_transport_error}")
        return "\n".join(lines)


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
    if not fleet:
        raise ValueError("the fleet has no units")
    if interval <= 0 or duration <= 0 or (count is not None and count < 1):
        raise ValueError("interval and duration must be positive, count at least 1")
    summary = Summary()
    start = clock()
    deadline = start + duration
    due = [start + index * interval / len(fleet) for index in range(len(fleet))]
    sent = [0] * len(fleet)
    while True:
        waiting = [index for index in range(len(fleet)) if count is None or sent[index] < count]
        if not waiting:
            break
        index = min(waiting, key=lambda candidate: due[candidate])
        if due[index] >= deadline:
            break
        pause = due[index] - clock()
        if pause > 0:
            sleep(pause)
        _beat(fleet[index], clock(), summary)
        sent[index] += 1
        due[index] += interval
    return summary


def _beat(unit, now, summary):
    try:
        summary.record(unit.beat(now))
    except TransportError as error:
        summary.record_failure(error)


def _arguments(argv):
    parser = argparse.ArgumentParser(
        prog="python -m firmware.simulator",
        description="Simulated PETio feeders posting heartbeats to a pawgraph server.",
    )
    parser.add_argument("--base-url", default="http://127.0.0.1:8000", help="pawgraph server")
    parser.add_argument(
        "--device", action="append", default=[], metavar="ESP-XXXXXXXX:KEY", help="a unit; repeat"
    )
    parser.add_argument("--devices-file", help="a file of ESP-XXXXXXXX:KEY lines")
    parser.add_argument(
        "--interval", type=float, default=DEFAULT_INTERVAL_S, help="seconds between heartbeats"
    )
    parser.add_argument(
        "--duration", type=float, default=DEFAULT_DURATION_S, help="stop after these seconds"
    )
    parser.add_argument("--count", type=int, help="stop once every unit has sent this many")
    parser.add_argument("--fleet-api-key", help="send as X-API-Key, device keys as X-Device-Key")
    parser.add_argument("--seed", type=int, help="make the simulated values reproducible")
    parser.add_argument("--timeout", type=float, default=5.0, help="per-request timeout, seconds")
    arguments = parser.parse_args(argv)
    try:
        arguments.devices = [parse_device(spec) for spec in arguments.device]
        if arguments.devices_file:
            arguments.devices += read_devices_file(arguments.devices_file)
    except (OSError, ValueError) as error:
        parser.error(str(error))
    if not arguments.devices:
        parser.error("give at least one --device or --devices-file")
    return arguments


def main(argv=None):
    arguments = _arguments(argv)
    fleet = build_fleet(
        arguments.base_url,
        arguments.devices,
        fleet_api_key=arguments.fleet_api_key,
        seed=arguments.seed,
        timeout=arguments.timeout,
    )
    try:
        summary = run_fleet(fleet, arguments.interval, arguments.duration, arguments.count)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(summary.render())
    return 0 if summary.all_accepted else 1


if __name__ == "__main__":
    sys.exit(main())
