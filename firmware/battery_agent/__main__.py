"""python -m firmware.battery_agent --device-id 7 --port 1883 --db agent.db [...]

Runs one agent until killed (or ``--duration`` seconds). ``--clock-start`` and ``--speed`` put
it on a compressed clock, so a test or a demo runs a whole day in seconds."""

import argparse
import datetime as dt
import signal
import time

from firmware.battery_agent.agent import AgentConfig, BatteryAgent
from firmware.battery_agent.clock import CompressedClock, RealClock
from firmware.battery_agent.controller import SimulatedController
from firmware.battery_agent.store import AgentStore


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="battery_agent", description=__doc__)
    parser.add_argument("--device-id", type=int, required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=1883)
    parser.add_argument("--username")
    parser.add_argument("--password")
    parser.add_argument("--db", required=True, help="the agent's SQLite file")
    parser.add_argument("--zone", default="UTC", help="the site's time zone")
    parser.add_argument("--capacity-kwh", type=float, default=10.0)
    parser.add_argument("--max-charge-kw", type=float, default=5.0)
    parser.add_argument("--max-discharge-kw", type=float, default=5.0)
    parser.add_argument("--initial-soc-percent", type=float, default=10.0)
    parser.add_argument("--clock-start", help="site-local ISO time to start a compressed clock at")
    parser.add_argument("--speed", type=float, default=1.0, help="compressed clock speed")
    parser.add_argument("--heartbeat-interval", type=float, default=30.0)
    parser.add_argument("--duration", type=float, help="stop after this many seconds")
    return parser.parse_args(argv)


def build_agent(args: argparse.Namespace) -> BatteryAgent:
    store = AgentStore(args.db)
    saved = store.get("soc_kwh")
    soc = float(saved) if saved is not None else args.capacity_kwh * args.initial_soc_percent / 100
    controller = SimulatedController(
        args.capacity_kwh, args.max_charge_kw, args.max_discharge_kw, soc
    )
    clock = (
        CompressedClock(dt.datetime.fromisoformat(args.clock_start), args.speed, args.zone)
        if args.clock_start
        else RealClock(args.zone)
    )
    config = AgentConfig(
        device_id=args.device_id,
        host=args.host,
        port=args.port,
        username=args.username,
        password=args.password,
        heartbeat_interval=args.heartbeat_interval,
    )
    return BatteryAgent(config, store, controller, clock)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> None:
    # SIGTERM stops it as Ctrl-C does: cleanly, saying offline first.
    signal.signal(signal.SIGTERM, _interrupt)
    args = parse_args(argv)
    agent = build_agent(args)
    agent.start()
    try:
        agent.run(until=time.monotonic() + args.duration if args.duration else None)
    except KeyboardInterrupt:
        pass
    finally:
        agent.stop()


if __name__ == "__main__":
    main()
