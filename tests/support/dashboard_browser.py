"""The dashboard's browser, from pytest: a node process (clients/dashboard/test/driver.mjs)
runs playwright-core against Debian's Chromium, cut off from every host but loopback, and
takes one step per JSON line. A missing node, chromium or playwright-core fails the test.

Every wait is bounded (``timeout``, seconds) and none asserts on speed.
"""

import asyncio
import contextlib
import itertools
import json
import os
import shutil
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from tests.support.live_server import PROJECT_ROOT

DASHBOARD = PROJECT_ROOT / "clients" / "dashboard"
DRIVER = DASHBOARD / "test" / "driver.mjs"
CHROMIUM = "/usr/bin/chromium"
STARTUP_TIMEOUT_S = 60.0
# A bound, not a speed check: on a slow 2-core CI machine, with the suite's other worker running
# battery agents, the fleet page once took longer than 20 s to show its total.
STEP_TIMEOUT_S = 45.0
# The reply may take a little longer than the browser's own bound on a step.
REPLY_MARGIN_S = 15.0


class DriverError(RuntimeError):
    """A browser step failed (its JavaScript stack is the message)."""


def require_tools() -> str:
    """node's path; RuntimeError when node, chromium or playwright-core is missing."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is not installed (scripts/debian-packages.txt lists nodejs)")
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} is missing (scripts/debian-packages.txt lists chromium)")
    if not (DASHBOARD / "node_modules" / "playwright-core").is_dir():
        raise RuntimeError(f"playwright-core is missing: `make test` runs npm ci in {DASHBOARD}")
    return node


class DashboardBrowser:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.ids = itertools.count(1)
        self.lock = asyncio.Lock()

    async def _read(self, timeout: float) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = await asyncio.wait_for(self.process.stdout.readline(), timeout)
        if not line:
            raise DriverError(f"the driver exited with {await self.process.wait()}")
        return json.loads(line)

    async def step(self, op: str, timeout: float = STEP_TIMEOUT_S, **arguments: Any) -> Any:
        assert self.process.stdin is not None
        async with self.lock:
            request_id = next(self.ids)
            request = {"id": request_id, "op": op, "timeout": timeout * 1000, **arguments}
            self.process.stdin.write(json.dumps(request).encode() + b"\n")
            await self.process.stdin.drain()
            reply = await self._read(timeout + REPLY_MARGIN_S)
        assert reply["id"] == request_id, reply
        if not reply["ok"]:
            raise DriverError(f"{op} {arguments}: {reply['error']}")
        return reply["value"]

    async def open(self, page: str) -> "Tab":
        await self.step("open", page=page)
        return Tab(self, page)


class Tab:
    """One page of its own (a fresh browser context: its own session storage)."""

    def __init__(self, browser: DashboardBrowser, name: str) -> None:
        self.browser = browser
        self.name = name

    async def step(self, op: str, timeout: float = STEP_TIMEOUT_S, **arguments: Any) -> Any:
        return await self.browser.step(op, timeout, page=self.name, **arguments)

    async def goto(self, url: str) -> str:
        return await self.step("goto", url=url)

    async def fill(self, selector: str, value: object) -> None:
        await self.step("fill", selector=selector, value=str(value))

    async def select(self, selector: str, value: str) -> None:
        await self.step("select", selector=selector, value=value)

    async def click(self, selector: str) -> None:
        await self.step("click", selector=selector)

    async def wait_text(self, selector: str, text: str, timeout: float = STEP_TIMEOUT_S) -> str:
        """The text of the first ``selector`` element containing ``text``, once there is one."""
        return await self.step("waitText", timeout, selector=selector, text=text)

    async def wait_count(self, selector: str, count: int, timeout: float = STEP_TIMEOUT_S) -> int:
        """Waits until exactly ``count`` elements match ``selector``."""
        return await self.step("waitCount", timeout, selector=selector, count=count)

    async def texts(self, selector: str, timeout: float = STEP_TIMEOUT_S) -> list[str]:
        return await self.step("texts", timeout, selector=selector)

    async def attribute(self, selector: str, name: str) -> str | None:
        return await self.step("attribute", selector=selector, name=name)

    async def session_item(self, key: str) -> str | None:
        """An item of the page's sessionStorage."""
        return await self.step("sessionItem", key=key)

    async def screenshot(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        await self.step("screenshot", path=str(path))
        print(f"screenshot: {path}")
        return path

    async def requests(self) -> list[str]:
        return await self.step("requests")

    async def errors(self) -> list[str]:
        return await self.step("errors")

    async def close(self) -> None:
        await self.step("close")


@asynccontextmanager
async def dashboard_browser(log_path: Path) -> AsyncIterator[DashboardBrowser]:
    """The driver and its Chromium, stopped (and every process it started) afterwards."""
    node = require_tools()
    with log_path.open("wb") as log:
        process = await asyncio.create_subprocess_exec(
            node,
            str(DRIVER),
            cwd=DASHBOARD,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=log,
            env={**os.environ, "PAWGRAPH_CHROMIUM": CHROMIUM},
            start_new_session=True,
        )
        browser = DashboardBrowser(process)
        try:
            ready = await browser._read(STARTUP_TIMEOUT_S)
            if not ready.get("ok"):
                raise DriverError(f"the browser did not start: {ready}")
            yield browser
        finally:
            await _stop(process)


async def _stop(process: asyncio.subprocess.Process) -> None:
    """Closing stdin closes the browser; a driver that does not go is stopped with its group
    (SIGTERM first: playwright then closes the browser it launched)."""
    if process.stdin is not None and not process.stdin.is_closing():
        process.stdin.close()
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            await asyncio.wait_for(process.wait(), 20)
            return
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, sig)
    await process.wait()
