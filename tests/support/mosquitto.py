"""A private Mosquitto for tests: a free loopback port, a generated config, the dynamic-security
plugin with a fresh admin account, persistence in a temporary directory. Never the shared broker
on 1883. Starting fails loudly (the tests fail, they do not skip) when Mosquitto is missing."""

import getpass
import json
import secrets
import shlex
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from device_mqtt.broker_admin import SERVICE_ROLE, service_acls
from tests.support.live_server import PROJECT_ROOT, free_port
from tests.support.processes import stop_process

MOSQUITTO = "/usr/sbin/mosquitto"
DYNSEC_PLUGIN_DIRS = ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib")
STARTUP_TIMEOUT_S = 10.0


def dynsec_plugin() -> str:
    for directory in DYNSEC_PLUGIN_DIRS:
        candidate = Path(directory) / "mosquitto_dynamic_security.so"
        if candidate.exists():
            return str(candidate)
    raise RuntimeError("mosquitto_dynamic_security.so not found: apt-get install mosquitto")


@dataclass
class PrivateMosquitto:
    directory: Path
    port: int = field(default_factory=free_port)
    admin_username: str = "pawgraph"
    admin_password: str = field(default_factory=lambda: secrets.token_urlsafe(18))
    process: subprocess.Popen[bytes] | None = None

    @property
    def config_path(self) -> Path:
        return self.directory / "mosquitto.conf"

    @property
    def log_path(self) -> Path:
        return self.directory / "mosquitto.log"

    @property
    def admin_url(self) -> str:
        return f"mqtt://{self.admin_username}:{self.admin_password}@127.0.0.1:{self.port}"

    def prepare(self) -> None:
        """Write the config and initialise dynamic security with the admin account."""
        dynsec = self._init_dynamic_security()
        self._grant_service_role(dynsec)
        self.config_path.write_text(
            "\n".join(
                [
                    f"listener {self.port} 127.0.0.1",
                    # Started as root, Mosquitto would drop to user "mosquitto", which cannot
                    # read this private directory.
                    f"user {getpass.getuser()}",
                    "allow_anonymous false",
                    f"plugin {dynsec_plugin()}",
                    f"plugin_opt_config_file {dynsec}",
                    "persistence true",
                    f"persistence_location {self.directory}/",
                    "autosave_interval 1",
                    "max_queued_messages 100000",
                    f"log_dest file {self.log_path}",
                    "log_type error",
                    "log_type warning",
                    "log_type notice",
                    "log_type information",
                    "",
                ]
            )
        )

    def _init_dynamic_security(self) -> Path:
        """The plugin's file in ``directory``, with the admin account (``mosquitto_ctrl dynsec
        init``)."""
        if shutil.which("mosquitto_ctrl") is None or not Path(MOSQUITTO).exists():
            raise RuntimeError("mosquitto or mosquitto_ctrl missing: apt-get install mosquitto")
        self.directory.mkdir(parents=True, exist_ok=True)
        dynsec = self.directory / "dynamic-security.json"
        subprocess.run(
            ["mosquitto_ctrl", "dynsec", "init", str(dynsec), self.admin_username,
             self.admin_password],
            check=True, capture_output=True, timeout=10,
        )  # fmt: skip
        return dynsec

    def _grant_service_role(self, dynsec: Path) -> None:
        # What README's MQTT setup does with mosquitto_ctrl, written before the broker starts.
        config = json.loads(dynsec.read_text())
        config["roles"].append({"rolename": SERVICE_ROLE, "acls": service_acls("pawgraph")})
        for client in config["clients"]:
            if client["username"] == self.admin_username:
                client["roles"].append({"rolename": SERVICE_ROLE})
        dynsec.write_text(json.dumps(config, indent=1))

    def start(self) -> None:
        if not self.config_path.exists():
            self.prepare()
        self.process = subprocess.Popen(
            [MOSQUITTO, "-c", str(self.config_path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                error = self.process.stderr.read().decode() if self.process.stderr else ""
                raise RuntimeError(f"private mosquitto exited: {error}\n{self.log()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"private mosquitto did not listen on {self.port}:\n{self.log()}")

    def stop(self) -> None:
        """A clean stop (SIGTERM): Mosquitto writes its persistence file on the way out."""
        if self.process is None:
            return
        stop_process(self.process)
        self.process = None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


RECIPE = PROJECT_ROOT / "deploy/mosquitto/pawgraph.conf"
README = PROJECT_ROOT / "README.md"


@dataclass
class RecipeMosquitto(PrivateMosquitto):
    """Mosquitto as deploy/ sets it up: a main config like Debian's stock one (pid file,
    persistence, log, then ``include_dir``) and the recipe's file in its ``conf.d``, with only
    its ports (both on loopback here), certificate and data paths moved into ``directory``;
    the devices' listener uses a self-signed certificate for 127.0.0.1. ``port`` is the API
    processes' listener, ``device_port`` the devices' (TLS). pawgraph's account gets its role
    from README.md's own ``mosquitto_ctrl`` commands, run once the broker is up."""

    device_port: int = field(default_factory=free_port)

    @property
    def certificate(self) -> Path:
        return self.directory / "certs/fullchain.pem"

    def prepare(self) -> None:
        self._init_dynamic_security()
        self._self_signed_certificate()
        included = self.directory / "conf.d"
        included.mkdir(exist_ok=True)
        (included / "pawgraph.conf").write_text(self._recipe())
        self.config_path.write_text(
            f"pid_file {self.directory}/mosquitto.pid\n"
            "persistence true\n"
            f"persistence_location {self.directory}/\n"
            f"log_dest file {self.log_path}\n"
            f"include_dir {included}\n"
            # Started as root, Mosquitto would drop to user "mosquitto", which cannot read this
            # private directory.
            f"user {getpass.getuser()}\n"
        )

    def _recipe(self) -> str:
        recipe = RECIPE.read_text()
        moves = {
            "listener 8883\n": f"listener {self.device_port} 127.0.0.1\n",
            "listener 1883 127.0.0.1\n": f"listener {self.port} 127.0.0.1\n",
            "/etc/mosquitto/certs/": f"{self.certificate.parent}/",
            "/var/lib/mosquitto/": f"{self.directory}/",
            "/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so": dynsec_plugin(),
        }
        for recipe_text, here in moves.items():
            if recipe_text not in recipe:
                raise AssertionError(f"{RECIPE.name} no longer says {recipe_text!r}")
            recipe = recipe.replace(recipe_text, here)
        return recipe

    def _self_signed_certificate(self) -> None:
        self.certificate.parent.mkdir(exist_ok=True)
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
             "-keyout", str(self.certificate.parent / "privkey.pem"),
             "-out", str(self.certificate)],
            check=True, capture_output=True, timeout=30,
        )  # fmt: skip

    def set_up_pawgraphs_account(self) -> list[str]:
        """README.md's ``mosquitto_ctrl -u pawgraph ...`` lines, against this broker (the
        password and address added): the commands run."""
        commands = [
            shlex.split(line)
            for line in README.read_text().splitlines()
            if line.startswith(f"mosquitto_ctrl -u {self.admin_username} dynsec ")
        ]
        for command in commands:
            connection = ["-P", self.admin_password, "-h", "127.0.0.1", "-p", str(self.port)]
            subprocess.run(
                [command[0], *command[1:3], *connection, *command[3:]],
                check=True, capture_output=True, timeout=10,
            )  # fmt: skip
        return [" ".join(command[4:6]) for command in commands]
