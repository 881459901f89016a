"""Real API processes for end-to-end tests: uvicorn subprocesses on free loopback ports."""

import json
import os
import shlex
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from graphql_api import ws_protocol
from tests.support.processes import stop_process

PROJECT_ROOT = Path(__file__).resolve().parents[2]
STARTUP_TIMEOUT_S = 30.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class LiveServer:
    base_url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def graphql_url(self) -> str:
        return f"{self.base_url}/graphql"

    @property
    def ws_url(self) -> str:
        return self.graphql_url.replace("http://", "ws://", 1)

    def stop(self) -> None:
        stop_process(self.process)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def pawgraph_env(**settings: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PAWGRAPH_")}
    env.update({f"PAWGRAPH_{key.upper()}": value for key, value in settings.items()})
    return env


def run_cli(*args: str, **settings: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graphql_api", *args],
        cwd=PROJECT_ROOT,
        env=pawgraph_env(**settings),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


# Two xdist workers each run two or three servers beside in-process engines: small pools keep
# the suite well inside PostgreSQL's default 100 connections.
SERVER_POOL = {"database_pool_size": "5", "database_max_overflow": "10"}
# Every test client comes from 127.0.0.1, so the per-address limits would count the whole
# suite as one guesser: test servers raise them unless a test sets its own (test_rate_limits).
LOOPBACK_RATE_LIMITS = json.dumps(
    {
        name: "100000/1m"
        for name in (
            "login_per_ip",
            "register_per_ip",
            "pin_claims_per_ip",
            "pair_register_per_ip",
            "pair_polls_wrong_pin_per_ip",
            "bad_device_keys_per_ip",
            "mutations_per_user",
        )
    }
)

# Every battery in a worker's database is seen by every server on it, and at the deadline
# (20:00 site time by default) a server's daily job fetches tomorrow's schedule for each battery
# that has none: a server started for another module would fetch the battery tests' batteries
# beside the fetches those tests make. Only in the local day's last second, here.
NEVER_DUE = "23:59:59"
SUITE_SETTINGS = {
    **SERVER_POOL,
    "rate_limits": LOOPBACK_RATE_LIMITS,
    "schedule_missing_deadline": NEVER_DUE,
}


def start_server(
    log_dir: Path,
    name: str,
    port: int | None = None,
    app: str = "graphql_api.app:create_app",
    *,
    log_level: str = "warning",
    **settings: str,
) -> LiveServer:
    """An API process on ``port`` (a free one by default; a restarted process reuses its own);
    ``app`` is the factory uvicorn imports (``graphql_api.server:create_served_app`` is what
    ``pawgraph serve`` runs); ``log_level="info"`` also writes uvicorn's access log."""
    settings = {**SUITE_SETTINGS, **settings}
    port = port or free_port()
    command = [
        *("-m", "uvicorn", app, "--factory", "--host", "127.0.0.1", "--port", str(port)),
        *("--log-level", log_level),
        # The websocket protocol `pawgraph serve` runs.
        *("--ws", ws_protocol.IMPORT_PATH),
    ]
    return _spawn(log_dir, name, port, command, pawgraph_env(**settings))


def start_cli_server(log_dir: Path, name: str, port: int, **settings: str) -> LiveServer:
    """A server as a user starts one: ``pawgraph serve`` (its logging, its secret handling),
    listening on ``port`` (PAWGRAPH_PORT)."""
    env = pawgraph_env(port=str(port), **settings)
    return _spawn(log_dir, name, port, ["-m", "graphql_api", "serve"], env)


API_UNIT = PROJECT_ROOT / "deploy/systemd/pawgraph-api@.service"
INSTALLED_CLI = "/opt/pawgraph/.venv/bin/pawgraph"


def unit_command(port: int) -> list[str]:
    """The API unit's ``ExecStart`` for instance ``port``: the arguments for this checkout's
    Python, which runs ``pawgraph`` in place of the installed one."""
    unit = API_UNIT.read_text().replace("\\\n", " ")
    (line,) = [line for line in unit.splitlines() if line.startswith("ExecStart=")]
    command = shlex.split(line.removeprefix("ExecStart=").replace("%i", str(port)))
    if command[0] != INSTALLED_CLI:
        raise AssertionError(f"{API_UNIT.name} runs {command[0]}, not {INSTALLED_CLI}")
    return ["-m", "graphql_api", *command[1:]]


def start_unit_server(
    log_dir: Path, name: str, port: int | None = None, **settings: str
) -> LiveServer:
    """An API process as deploy/systemd starts one in production, on ``port`` (a free one by
    default), with the suite's settings unless ``settings`` say otherwise."""
    settings = {**SUITE_SETTINGS, **settings}
    port = port or free_port()
    return _spawn(log_dir, name, port, unit_command(port), pawgraph_env(**settings))


def _spawn(
    log_dir: Path, name: str, port: int, arguments: list[str], env: dict[str, str]
) -> LiveServer:
    """This Python with ``arguments``, serving on ``port``, once it answers /healthz."""
    log_path = log_dir / f"{name}.log"
    log_file = log_path.open("ab")
    process = subprocess.Popen(
        [sys.executable, *arguments],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    server = LiveServer(base_url=f"http://127.0.0.1:{port}", process=process, log_path=log_path)
    return _healthy(server, name)


def _healthy(server: LiveServer, name: str) -> LiveServer:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"server {name} exited at startup:\n{server.log()}")
        try:
            if httpx.get(f"{server.base_url}/healthz", timeout=1.0).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"server {name} did not become healthy:\n{server.log()}")
