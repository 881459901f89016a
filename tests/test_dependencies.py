"""What is installed is what constraints.txt pins: every distribution that installing pawgraph
with its test extra pulls in, at the pinned version, and no pin for anything it does not pull in.

The install (`make`'s venv, production's) takes its versions from constraints.txt; this fails when
pyproject.toml gained, lost or moved a dependency without `make lock`, or when the venv holds
other versions than the ones the suite is meant to pass on.
"""

from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
CONSTRAINTS = ROOT / "constraints.txt"


def pinned_versions(text: str) -> dict[str, str]:
    """``name==version`` lines (comments and blank lines skipped), by canonical name."""
    pins: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name, separator, version = line.partition("==")
        if not separator or not version:
            raise ValueError(f"constraints.txt: {raw!r} is not name==version")
        pins[canonicalize_name(name)] = version.strip()
    return pins


def installed_closure(project: str, extras: frozenset[str]) -> dict[str, str]:
    """Every distribution installing ``project[extras]`` requires, directly or not, with the
    version installed (the project itself left out): requirements are followed with their own
    extras, and markers are evaluated here (a Linux-only requirement counts on Linux only)."""
    versions: dict[str, str] = {}
    visited: set[tuple[str, frozenset[str]]] = set()
    pending = [(project, extras)]
    while pending:
        name, wanted = pending.pop()
        key = canonicalize_name(name)
        if (key, wanted) in visited:
            continue
        visited.add((key, wanted))
        distribution = metadata.distribution(name)
        if key != canonicalize_name(project):
            versions[key] = distribution.version
        for text in distribution.requires or []:
            requirement = Requirement(text)
            environments = [{"extra": extra} for extra in sorted(wanted | {""})]
            if requirement.marker is None or any(
                requirement.marker.evaluate(environment) for environment in environments
            ):
                pending.append((requirement.name, frozenset(requirement.extras)))
    return versions


@pytest.fixture(scope="module")
def pins() -> dict[str, str]:
    return pinned_versions(CONSTRAINTS.read_text())


@pytest.fixture(scope="module")
def installed() -> dict[str, str]:
    return installed_closure("pawgraph", frozenset({"test"}))


class TestConstraints:
    def test_every_installed_dependency_is_pinned_at_its_installed_version(self, pins, installed):
        # given the project's install, and the file the install takes its versions from

        # when each installed dependency is looked up in it
        unpinned = sorted(name for name in installed if name not in pins)
        moved = {
            name: (version, pins[name])
            for name, version in installed.items()
            if name in pins and pins[name] != version
        }

        # then every one is there, at the version installed
        assert unpinned == [], f"not in constraints.txt (run `make lock`): {unpinned}"
        assert moved == {}, f"installed != pinned (`make lock`, or reinstall): {moved}"

    def test_nothing_is_pinned_that_the_install_does_not_pull_in(self, pins, installed):
        assert sorted(set(pins) - set(installed)) == []


class TestReadingTheFile:
    def test_comments_and_blank_lines_are_skipped_and_names_canonical(self):
        text = "# why\n\nStrawberry_GraphQL==0.341.2  # note\nuvicorn==0.55.0\n"

        assert pinned_versions(text) == {"strawberry-graphql": "0.341.2", "uvicorn": "0.55.0"}

    def test_a_line_that_pins_no_version_is_refused(self):
        with pytest.raises(ValueError, match="not name==version"):
            pinned_versions("uvicorn>=0.30\n")
