"""The periodic offline sweep, run as a background task of each API process."""

import asyncio
import contextlib
import logging

from graphql_api import events
from graphql_api.alerts import offline
from graphql_api.db import utcnow
from graphql_api.state import AppState

logger = logging.getLogger(__name__)


async def sweep_once(state: AppState) -> list[int]:
    """One sweep in its own unit of work; returns the ids of the devices it took offline."""
    async with state.sessionmaker() as session:
        try:
            devices = await offline.mark_silent_devices_offline(session, state.settings, utcnow())
            await session.commit()
        except BaseException:
            await session.rollback()
            raise
        await events.dispatch_committed(session, state.bus)
    return [device.id for device in devices]


async def run_offline_sweeps(state: AppState) -> None:
    interval = state.settings.offline_check_interval.total_seconds()
    while True:
        try:
            await sweep_once(state)
        except Exception:  # a failed sweep (database away) must not end the loop
            logger.exception("offline sweep failed; retrying in %.0f s", interval)
        await asyncio.sleep(interval)


def start_offline_sweeps(state: AppState) -> asyncio.Task[None] | None:
    """Start the sweep loop, unless ``offline_check_interval`` is zero (sweeps turned off)."""
    if state.settings.offline_check_interval.total_seconds() <= 0:
        return None
    return asyncio.create_task(run_offline_sweeps(state), name="offline-sweeps")


async def stop_offline_sweeps(task: asyncio.Task[None] | None) -> None:
    if task is None:
        return
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
