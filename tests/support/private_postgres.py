"""A PostgreSQL cluster of the test's own, on a free port, that a test may stop and start.

Never the shared server: outage tests stop this one. Built with Debian's ``initdb``/``pg_ctl``
(package postgresql); run as the ``postgres`` user when the tests run as root, since PostgreSQL
refuses to run as root.
"""

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.support.live_server import free_port


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(f"{name} not found under /usr/lib/postgresql/*/bin: install postgresql")
    return found[-1]


class PrivatePostgres:
    def __init__(self) -> None:
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="pawgraph-pg-"))
        self.data = self.root / "data"
        self._as_root = os.geteuid() == 0
        if self._as_root:
            shutil.chown(self.root, "postgres", "postgres")

    def _run(self, *args: str) -> None:
        command = ["runuser", "-u", "postgres", "--", *args] if self._as_root else list(args)
        subprocess.run(command, check=True, capture_output=True, timeout=120, cwd="/tmp")

    @property
    def admin_dsn(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def init(self) -> "PrivatePostgres":
        self._run(_bin("initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-N")
        return self.start()

    def start(self) -> "PrivatePostgres":
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.root}"
        )
        self._run(
            _bin("pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.root / "log"),
            "-w", "start",
        )  # fmt: skip
        return self

    def stop(self) -> None:
        self._run(_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def destroy(self) -> None:
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass  # already stopped
        shutil.rmtree(self.root, ignore_errors=True)
