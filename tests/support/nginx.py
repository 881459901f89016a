"""Debian's nginx with the deploy recipe's site (deploy/nginx/pawgraph.conf.template), on a free
loopback port, in a directory of its own: what an operator runs, started by a test."""

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from string import Template

import httpx

from tests.support.live_server import PROJECT_ROOT, free_port
from tests.support.processes import stop_process

TEMPLATE = PROJECT_ROOT / "deploy" / "nginx" / "pawgraph.conf.template"
_START_TIMEOUT_S = 15.0


@dataclass
class Nginx:
    base_url: str
    process: subprocess.Popen[bytes]
    access_log: Path
    error_log: Path

    def stop(self) -> None:
        stop_process(self.process)


def _servers(ports: list[int]) -> str:
    return "\n    ".join(f"server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;" for port in ports)


def render_site(
    upstream_ports: list[int], live_ports: list[int], listen: str, directory: Path
) -> str:
    """The recipe's template with its five variables filled, as ``envsubst`` does."""
    return Template(TEMPLATE.read_text()).safe_substitute(
        PAWGRAPH_LISTEN=listen,
        PAWGRAPH_UPSTREAMS=_servers(upstream_ports),
        PAWGRAPH_LIVE_UPSTREAMS=_servers(live_ports),
        PAWGRAPH_ACCESS_LOG=str(directory / "access.log"),
        PAWGRAPH_ERROR_LOG=str(directory / "site-error.log"),
    )


def _main_config(directory: Path, site: Path) -> str:
    # The parts Debian's /etc/nginx/nginx.conf would hold, pointed at the test's directory.
    user = "user root;\n" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"    {kind}_temp_path {directory / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"{user}worker_processes 1;\npid {directory / 'nginx.pid'};\n"
        f"error_log {directory / 'error.log'} info;\ndaemon off;\n"
        "events { worker_connections 512; }\n"
        f"http {{\n{temp}\n    include {site};\n}}\n"
    )


def start_nginx(
    directory: Path, upstream_ports: list[int], live_ports: list[int] | None = None
) -> Nginx:
    """The recipe's site in front of ``upstream_ports``, its subscriptions sent to
    ``live_ports`` (by default the same processes)."""
    program = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(program).exists():
        raise RuntimeError("nginx is not installed (Debian package nginx)")
    port = free_port()
    access_log = directory / "access.log"
    site = directory / "pawgraph.conf"
    live = upstream_ports if live_ports is None else live_ports
    site.write_text(render_site(upstream_ports, live, f"127.0.0.1:{port}", directory))
    config = directory / "nginx.conf"
    config.write_text(_main_config(directory, site))
    error_log = directory / "error.log"
    subprocess.run(
        [program, "-t", "-q", "-c", str(config), "-p", str(directory), "-e", str(error_log)],
        check=True,
        capture_output=True,
        timeout=30,
    )
    process = subprocess.Popen(
        [program, "-c", str(config), "-p", str(directory), "-e", str(error_log)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    nginx = Nginx(f"http://127.0.0.1:{port}", process, access_log, error_log)
    deadline = time.monotonic() + _START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited at startup:\n{error_log.read_text()}")
        try:
            httpx.get(f"{nginx.base_url}/healthz", timeout=1.0)
            return nginx
        except httpx.HTTPError:
            time.sleep(0.1)
    nginx.stop()
    raise RuntimeError("nginx did not start listening")
