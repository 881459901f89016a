"""deploy/systemd's units as systemd reads them: ``systemd-analyze verify`` (Debian's systemd)
finds no unknown key, bad value or missing program in them. They are verified as installed
units would be, with their /opt/pawgraph and /etc/pawgraph paths moved to this checkout's venv
and a scratch environment file (systemd checks that ExecStart's program is executable)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

UNITS = Path(__file__).resolve().parents[1] / "deploy/systemd"
INSTALLED = {
    "/opt/pawgraph/.venv/bin/": f"{Path(sys.executable).parent}/",
    "/opt/pawgraph": str(UNITS.parents[1]),
}


def installed_copies(directory: Path, environment_file: Path) -> None:
    for unit in UNITS.glob("*.service"):
        text = unit.read_text().replace("/etc/pawgraph/pawgraph.env", str(environment_file))
        for path, here in INSTALLED.items():
            text = text.replace(path, here)
        (directory / unit.name).write_text(text)


def verify(*units: Path) -> subprocess.CompletedProcess[str]:
    program = shutil.which("systemd-analyze")
    if program is None:
        raise RuntimeError("systemd-analyze is missing: install Debian's systemd")
    return subprocess.run(
        [program, "verify", "--man=no", *map(str, units)],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def installed(tmp_path: Path) -> Path:
    environment_file = tmp_path / "pawgraph.env"
    environment_file.touch()
    installed_copies(tmp_path, environment_file)
    return tmp_path


def test_the_units_verify_clean(installed: Path):
    # when: the migration unit and an API instance (the template with its port)
    verified = verify(
        installed / "pawgraph-migrate.service", installed / "pawgraph-api@8001.service"
    )

    # then
    assert (verified.returncode, verified.stderr) == (0, "")


@pytest.mark.parametrize(
    ("mistake", "complaint"),
    [
        (("RestartSec=1", "RestartSecs=1"), "Unknown key 'RestartSecs'"),
        (("bin/pawgraph serve", "bin/pawgraf serve"), "is not executable"),
    ],
)
def test_verification_sees_a_mistake(installed: Path, mistake: tuple[str, str], complaint: str):
    # given: the API unit with a typo, as a review might miss it
    unit = installed / "pawgraph-api@.service"
    unit.write_text(unit.read_text().replace(*mistake))

    # when
    verified = verify(installed / "pawgraph-api@8001.service")

    # then
    assert complaint in verified.stderr
