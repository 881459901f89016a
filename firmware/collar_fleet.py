"""Simulated Hetri collars for the fleet simulator: the real collar code (``collar_unit``) over
MQTT, each with its broker login, all in one background thread beside the HTTP devices.

    --collar <device id>:<password>   (username device-<id>, as registerDevice issued it)
"""

import random
import threading
import time
from urllib.parse import urlsplit

from firmware.collar_unit import CollarUnit

DEFAULT_TELEMETRY_INTERVAL_S = 5.0
_TICK_S = 0.05


def parse_collar(spec):
    """``<device id>:<password>`` -> (device id, username, password)."""
    device_id, separator, password = spec.strip().partition(":")
    if not separator or not device_id.isdigit() or not password:
        raise ValueError(f"collar {spec!r}: expected <device id>:<password>")
    return int(device_id), f"device-{int(device_id)}", password


def parse_broker(url):
    parts = urlsplit(url)
    if parts.scheme not in ("mqtt", "tcp") or not parts.hostname:
        raise ValueError(f"broker {url!r}: expected mqtt://host:port")
    return parts.hostname, parts.port or 1883


class CollarFleet:
    """Runs the collars' main loops round-robin in a thread until ``stop`` or ``duration``."""

    def __init__(self, collars, broker_url, interval=DEFAULT_TELEMETRY_INTERVAL_S, seed=None):
        host, port = parse_broker(broker_url)
        rng = random.Random(seed)
        self.units = [
            CollarUnit(
                device_id,
                username,
                password,
                server=host,
                port=port,
                telemetry_interval=interval,
                rng=random.Random(rng.random()),
            )
            for device_id, username, password in collars
        ]
        self._stop = threading.Event()
        self._thread = None

    def start(self, duration):
        deadline = time.monotonic() + duration
        self._thread = threading.Thread(target=self._loop, args=(deadline,), daemon=True)
        self._thread.start()

    def _loop(self, deadline):
        while not self._stop.is_set() and time.monotonic() < deadline:
            for unit in self.units:
                unit.run_once()
            self._stop.wait(_TICK_S)

    def stop(self):
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        for unit in self.units:
            unit.disconnect()

    def render(self):
        readings = sum(unit.published_readings for unit in self.units)
        commands = sum(unit.commands_run for unit in self.units)
        connected = sum(1 for unit in self.units if unit.connects)
        lines = [
            f"collars: {len(self.units)}, connected: {connected}, readings acked by the broker: "
            f"{readings}, commands run: {commands}"
        ]
        for unit in self.units:
            if not unit.connects and unit.last_error:
                lines.append(f"  collar {unit.device_id}: {unit.last_error}")
        return "\n".join(lines)

    @property
    def all_connected(self):
        return all(unit.connects for unit in self.units)
