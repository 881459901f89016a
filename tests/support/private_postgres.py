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
from collections.abc import Sequence
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
        self._own(self.root)

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = ["runuser", "-u", "postgres", "--", *args] if self._as_root else list(args)
        return subprocess.run(
            command, check=True, capture_output=True, text=True, timeout=120, cwd="/tmp"
        )

    def _own(self, *paths: Path) -> None:
        if self._as_root:
            for path in paths:
                shutil.chown(path, "postgres", "postgres")

    @property
    def admin_dsn(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def socket_dsn(self, database: str = "postgres") -> str:
        """The postgres superuser on the Unix socket (trust there, whatever TCP asks)."""
        return f"postgresql://postgres@/{database}?host={self.root}&port={self.port}"

    def psql(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Debian's psql run by the postgres user on the cluster's Unix socket, as an operator
        runs it once (``sudo -u postgres psql ...``); raises on a failed run."""
        return self._run(_bin("psql"), "-X", "-h", str(self.root), "-p", str(self.port), *args)

    def init(
        self, *, host_auth: str = "trust", conf_files: Sequence[Path] = ()
    ) -> "PrivatePostgres":
        """A new cluster, started. ``host_auth``: how TCP logins authenticate (the postgres
        superuser keeps trust on the Unix socket); ``conf_files`` go into ``conf.d/``, read
        after postgresql.conf, as Debian's packaging includes them."""
        self._run(
            _bin("initdb"), "-D", str(self.data), "-U", "postgres", "-N",
            "--auth-local=trust", f"--auth-host={host_auth}",
        )  # fmt: skip
        if conf_files:
            conf_d = self.data / "conf.d"
            conf_d.mkdir()
            for conf in conf_files:
                shutil.copy(conf, conf_d)
            with (self.data / "postgresql.conf").open("a") as main_conf:
                main_conf.write("include_dir = 'conf.d'\n")
            self._own(conf_d, *conf_d.iterdir())
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
