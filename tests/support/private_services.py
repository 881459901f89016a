"""Services a test may stop: a private ``redis-server`` of its own on a free loopback port,
never the shared one. It fails the test when the program is missing."""

import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import redis

from tests.support.live_server import free_port

_START_TIMEOUT_S = 15.0


@dataclass
class PrivateRedis:
    """``redis-server`` on a free port, reading ``conf`` (a recipe's file) when given, else
    keeping nothing on disk (``--save ""``); :meth:`stop` and :meth:`start` keep the port, so
    clients see an outage and a return, not a different server."""

    log_dir: Path
    conf: Path | None = None
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def log_path(self) -> Path:
        return self.log_dir / f"redis-{self.port}.log"

    def start(self) -> "PrivateRedis":
        program = shutil.which("redis-server")
        if program is None:
            raise RuntimeError("redis-server is not installed (Debian package redis-server)")
        # Options after the file override it: this server's own port, on loopback.
        settings = [str(self.conf)] if self.conf else ["--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(
            [
                program,
                *settings,
                *("--port", str(self.port), "--bind", "127.0.0.1", "--daemonize", "no"),
            ],
            stdout=self.log_path.open("ab"),
            stderr=subprocess.STDOUT,
            cwd=self.log_dir,  # where a file of its own would go, never the checkout
        )
        deadline = time.monotonic() + _START_TIMEOUT_S
        while time.monotonic() < deadline:
            try:
                redis.Redis(port=self.port, socket_connect_timeout=0.5).ping()
                return self
            except redis.RedisError:
                time.sleep(0.05)
        raise RuntimeError(f"private redis-server on port {self.port} did not start")

    def stop(self) -> None:
        """An outage: the server goes away with every connection (SIGKILL, nothing flushed)."""
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None
