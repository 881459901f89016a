"""Running the MQTT door: inside an API process, or alone (``pawgraph mqtt-bridge``)."""

import asyncio
import logging
import signal

from device_mqtt.bridge import DeviceBridge
from device_mqtt.routes import build_router
from graphql_api.settings import Settings
from graphql_api.state import AppState, open_app_state

logger = logging.getLogger(__name__)


def start_bridge(state: AppState) -> DeviceBridge | None:
    """Start the door when ``PAWGRAPH_MQTT_URL`` is set; otherwise say once that MQTT is off."""
    if state.settings.mqtt_url is None:
        # A warning, so it shows under uvicorn's default logging (which shows no app INFO):
        # collars and battery agents are unreachable until the setting is given.
        logger.warning(
            "MQTT is off: PAWGRAPH_MQTT_URL is not set, collars and battery agents are not served"
        )
        return None
    bridge = DeviceBridge(state, build_router())
    bridge.start()
    return bridge


async def stop_bridge(bridge: DeviceBridge | None) -> None:
    if bridge is not None:
        await bridge.stop()


async def run_standalone(settings: Settings) -> None:
    """The bridge as its own process, until SIGTERM or Ctrl-C."""
    if settings.mqtt_url is None:
        raise SystemExit("PAWGRAPH_MQTT_URL is not set: nothing to bridge")
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    # SIGTERM (systemd, Kubernetes) stops as cleanly as Ctrl-C: the door leaves its share group
    # without losing what it received (DeviceBridge.stop).
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopping.set)
    async with open_app_state(settings) as state:
        bridge = start_bridge(state)
        try:
            await stopping.wait()
        finally:
            await stop_bridge(bridge)
