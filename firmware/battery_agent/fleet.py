"""Simulated MAX300 agents for ``pawgraph simulate``: N real agents (the edge code, simulated
controller), one thread each, each with its own SQLite file, for a bounded time.

    --battery <device id>:<password>   (username device-<id>, as registerDevice issued it)
"""

import datetime as dt
import os
import threading
import time

from firmware.battery_agent.agent import AgentConfig, BatteryAgent
from firmware.battery_agent.clock import CompressedClock, RealClock
from firmware.battery_agent.controller import SimulatedController
from firmware.battery_agent.store import AgentStore


def parse_battery(spec: str) -> tuple[int, str, str]:
    """``<device id>:<password>`` -> (device id, username, password)."""
    device_id, separator, password = spec.strip().partition(":")
    if not separator or not device_id.isdigit() or not password:
        raise ValueError(f"battery {spec!r}: expected <device id>:<password>")
    return int(device_id), f"device-{int(device_id)}", password


class BatteryFleet:
    def __init__(
        self,
        batteries: list[tuple[int, str, str]],
        host: str,
        port: int,
        *,
        state_dir: str,
        zone: str = "UTC",
        speed: float = 1.0,
        clock_start: dt.datetime | None = None,
        capacity_kwh: float = 10.0,
        max_kw: float = 5.0,
        heartbeat_interval: float = 30.0,
    ) -> None:
        os.makedirs(state_dir, exist_ok=True)
        self.agents = []
        for device_id, username, password in batteries:
            clock = CompressedClock(clock_start, speed, zone) if clock_start else RealClock(zone)
            store = AgentStore(os.path.join(state_dir, f"battery-{device_id}.db"))
            saved = store.get("soc_kwh")
            soc = float(saved) if saved is not None else capacity_kwh * 0.1
            controller = SimulatedController(capacity_kwh, max_kw, max_kw, soc)
            config = AgentConfig(device_id, host, port, username, password, heartbeat_interval)
            self.agents.append(BatteryAgent(config, store, controller, clock))
        self._threads: list[threading.Thread] = []
        self._deadline = 0.0

    def start(self, duration: float) -> None:
        self._deadline = time.monotonic() + duration
        for agent in self.agents:
            thread = threading.Thread(target=self._run, args=(agent,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _run(self, agent: BatteryAgent) -> None:
        agent.start()
        try:
            agent.run(deadline=lambda: self._deadline)
        finally:
            agent.stop()

    def stop(self) -> None:
        self._deadline = 0.0
        for thread in self._threads:
            thread.join(timeout=10)

    @property
    def all_connected(self) -> bool:
        return all(agent.ever_connected for agent in self.agents)

    def render(self) -> str:
        lines = [f"batteries: {len(self.agents)}"]
        for agent in self.agents:
            state = agent.controller.state()
            lines.append(
                f"  battery {agent.config.device_id}: "
                f"{'connected' if agent.ever_connected else 'never connected'}, "
                f"{agent.slots_run} slots run, soc {state['soc_percent']} %"
            )
        return "\n".join(lines)
