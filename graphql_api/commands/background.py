"""The periodic command expiry sweep, run as a background task of each API process.

Every process runs it; the conditional UPDATEs in ``expire_due`` make sure each command is
settled by one of them only.
"""

import asyncio
import contextlib
import logging

from graphql_api import events
from graphql_api.commands import service as commands_service
from graphql_api.db import utcnow
from graphql_api.state import AppState

logger = logging.getLogger(__name__)


async def expire_once(state: AppState) -> int:
    """One sweep in its own unit of work; how many commands it settled."""
    async with state.sessionmaker() as session:
        try:
            settled = await commands_service.expire_due(session, utcnow(), settings=state.settings)
            await session.commit()
        except BaseException:
            await session.rollback()
            raise
        await events.dispatch_committed(session, state.bus)
    return settled


async def run_expiry_sweeps(state: AppState) -> None:
    interval = state.settings.command_expiry_interval.total_seconds()
    while True:
        try:
            await expire_once(state)
        except Exception:  # a failed sweep (database away) must not end the loop
            logger.exception("command expiry sweep failed; retrying in %.0f s", interval)
        await asyncio.sleep(interval)


def start_expiry_sweeps(state: AppState) -> asyncio.Task[None] | None:
    """Start the sweep loop, unless ``command_expiry_interval`` is zero (sweeps turned off)."""
    if state.settings.command_expiry_interval.total_seconds() <= 0:
        return None
    return asyncio.create_task(run_expiry_sweeps(state), name="command-expiry-sweeps")


async def stop_expiry_sweeps(task: asyncio.Task[None] | None) -> None:
    if task is None:
        return
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
