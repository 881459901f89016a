"""Bounded polling for live tests: wait for a device or a server to get somewhere."""

import asyncio
import time
from collections.abc import Callable


async def until(condition: Callable[[], object], timeout: float, what: str) -> None:
    """Until ``condition()`` is truthy, checking every 50 ms; fails (saying ``what`` was not
    reached) after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what}: not reached in {timeout:g} s"
        await asyncio.sleep(0.05)
