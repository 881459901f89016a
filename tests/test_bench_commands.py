"""Every benchmark starts the way its docstring says to run it (``--help``: imports and arguments,
no load). Nothing else runs them between `make bench`es: a stale import or a wrong command line in
a docstring (``bench/behaviour_analysis.py`` imported ``unit_of_work`` from where it no longer
was) otherwise shows only to whoever next measures."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = sorted(path for path in (ROOT / "bench").glob("*.py") if path.name != "__init__.py")
# What a docstring tells a reader to type: a module (-m bench.x) or a script (bench/x.py).
COMMAND = re.compile(r"\.venv/bin/python (-m bench\.\w+|bench/\w+\.py)")


def documented_command(path: Path) -> list[str]:
    docstring = ast.get_docstring(ast.parse(path.read_text())) or ""
    found = COMMAND.search(docstring)
    if found is None:
        raise AssertionError(f"{path.name}'s docstring says no `.venv/bin/python ...` to run it")
    return found.group(1).split()


@pytest.mark.parametrize("path", BENCHMARKS, ids=lambda path: path.stem)
def test_the_documented_command_starts(path: Path):
    # given
    command = documented_command(path)

    # when
    ran = subprocess.run(
        [sys.executable, *command, "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    # then
    assert ran.returncode == 0, ran.stderr[-2000:]
    assert "usage:" in ran.stdout


def test_each_docstring_names_its_own_file():
    for path in BENCHMARKS:
        command = documented_command(path)
        named = command[1].removeprefix("bench.") if command[0] == "-m" else Path(command[0]).stem
        assert named == path.stem, f"{path.name}'s docstring runs {' '.join(command)}"
