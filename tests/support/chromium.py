"""Headless Chromium (Debian's ``chromium``) driven over the Chrome DevTools Protocol, with the
network cut off from everything but loopback.

Two locks on the network: Chromium sends every request to a proxy that does not exist (it goes
to loopback directly, its built-in proxy bypass), and host names other than ``localhost`` do not
resolve. Every request the page makes is recorded (``Page.requests``), so a test can assert that
nothing was even attempted elsewhere.
"""

import asyncio
import base64
import itertools
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

STARTUP_TIMEOUT_S = 30.0
# Flags for a headless run that talks to nothing on its own (no updates, sync, field trials).
_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--metrics-recording-only",
    "--window-size=1400,900",
    # Nothing leaves the machine: no proxy listens on port 9; loopback bypasses proxies.
    "--proxy-server=http://127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    "--remote-debugging-port=0",
]


def chromium_binary() -> str:
    """Debian's chromium; a missing one fails the test (scripts/debian-packages.txt)."""
    binary = shutil.which("chromium")
    if binary is None:
        raise RuntimeError("chromium is not installed (scripts/debian-packages.txt lists it)")
    return binary


class Page:
    """One tab, attached with a flat CDP session."""

    def __init__(self, browser: "Browser", session_id: str) -> None:
        self.browser = browser
        self.session_id = session_id
        self.requests: list[str] = []
        self.console: list[str] = []
        self.exceptions: list[str] = []

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        return await self.browser.send(method, session_id=self.session_id, **params)

    async def navigate(self, url: str, timeout: float = 30.0) -> None:
        loaded = self.browser.expect("Page.loadEventFired", self.session_id)
        await self.send("Page.navigate", url=url)
        await asyncio.wait_for(loaded, timeout)

    async def evaluate(self, expression: str) -> Any:
        reply = await self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in reply:
            raise RuntimeError(f"{expression!r} failed: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    async def wait_for(self, expression: str, timeout: float = 30.0) -> Any:
        """The value of ``expression`` once it is truthy; TimeoutError otherwise."""
        deadline = time.monotonic() + timeout
        while True:
            value = await self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"waited {timeout} s for {expression!r}")
            await asyncio.sleep(0.2)

    async def screenshot(self, path: Path) -> Path:
        reply = await self.send("Page.captureScreenshot", format="png")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(reply["data"]))
        return path

    def record(self, method: str, params: dict[str, Any]) -> None:
        if method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Runtime.consoleAPICalled":
            texts = [str(arg.get("value", arg.get("description", ""))) for arg in params["args"]]
            self.console.append(f"{params['type']}: {' '.join(texts)}")
        elif method == "Runtime.exceptionThrown":
            self.exceptions.append(json.dumps(params["exceptionDetails"])[:500])


class Browser:
    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection
        self.ids = itertools.count(1)
        self.pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.waiters: list[tuple[str, str | None, asyncio.Future[dict[str, Any]]]] = []
        self.pages: dict[str, Page] = {}
        self.reader = asyncio.create_task(self._read())

    async def send(self, method: str, session_id: str | None = None, **params: Any) -> dict:
        message_id = next(self.ids)
        reply: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.pending[message_id] = reply
        message = {"id": message_id, "method": method, "params": params}
        if session_id is not None:
            message["sessionId"] = session_id
        await self.connection.send(json.dumps(message))
        return await asyncio.wait_for(reply, 30)

    def expect(self, method: str, session_id: str | None) -> asyncio.Future[dict[str, Any]]:
        """A future for the next ``method`` event (registered before the action causing it)."""
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self.waiters.append((method, session_id, future))
        return future

    async def new_page(self) -> Page:
        target = await self.send("Target.createTarget", url="about:blank")
        attached = await self.send(
            "Target.attachToTarget", targetId=target["targetId"], flatten=True
        )
        page = Page(self, attached["sessionId"])
        self.pages[page.session_id] = page
        for domain in ("Page", "Network", "Runtime"):
            await page.send(f"{domain}.enable")
        return page

    async def _read(self) -> None:
        async for raw in self.connection:
            message = json.loads(raw)
            if "id" in message:
                future = self.pending.pop(message["id"], None)
                if future is not None and not future.done():
                    if "error" in message:
                        future.set_exception(RuntimeError(f"CDP error: {message['error']}"))
                    else:
                        future.set_result(message.get("result", {}))
                continue
            method, session_id = message.get("method"), message.get("sessionId")
            params = message.get("params", {})
            page = self.pages.get(session_id or "")
            if page is not None:
                page.record(method, params)
            for waiter in list(self.waiters):
                wanted, wanted_session, future = waiter
                if wanted == method and wanted_session in (None, session_id):
                    self.waiters.remove(waiter)
                    if not future.done():
                        future.set_result(params)


def _devtools_url(user_data_dir: Path, process: subprocess.Popen[bytes]) -> str:
    """Chromium writes its port and browser target to DevToolsActivePort once it listens."""
    marker = user_data_dir / "DevToolsActivePort"
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"chromium exited at startup with {process.returncode}")
        if marker.exists():
            lines = marker.read_text().split()
            if len(lines) >= 2:
                return f"ws://127.0.0.1:{lines[0]}{lines[1]}"
        time.sleep(0.1)
    raise RuntimeError("chromium did not open its DevTools port")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop Chromium and every helper process it forked (its own process group).

    Waiting for the main process alone is not enough: a renderer or the crash handler can still
    be writing into the profile while it is being deleted ("Directory not empty").
    """
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            continue
        if not _group_alive(process.pid):
            break
        time.sleep(0.2)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def _remove_profile(user_data_dir: Path) -> None:
    """A stray write can land between listing and removing a directory; try a few times."""
    for _ in range(20):
        shutil.rmtree(user_data_dir, ignore_errors=True)
        if not user_data_dir.exists():
            return
        time.sleep(0.1)
    raise RuntimeError(f"chromium profile {user_data_dir} could not be removed")


@asynccontextmanager
async def headless_chromium(log_path: Path) -> AsyncIterator[Browser]:
    """A fresh Chromium (its own profile, deleted afterwards), cut off from the network."""
    user_data_dir = Path(tempfile.mkdtemp(prefix="pawgraph-chromium-"))
    try:
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                [chromium_binary(), *_FLAGS, f"--user-data-dir={user_data_dir}", "about:blank"],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                url = await asyncio.to_thread(_devtools_url, user_data_dir, process)
                async with connect(url, max_size=None) as connection:
                    browser = Browser(connection)
                    try:
                        yield browser
                    finally:
                        browser.reader.cancel()
            finally:
                await asyncio.to_thread(_stop, process)
    finally:
        await asyncio.to_thread(_remove_profile, user_data_dir)
