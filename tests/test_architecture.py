"""The dependency rules of ARCHITECTURE.md, enforced: `lint-imports` must keep every contract
in pyproject.toml's ``[tool.importlinter]`` (domain code knows nothing of GraphQL or HTTP, front
doors never query the database nor import ORM models, firmware imports no server code)."""

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

from graphql_api.domains import DOMAINS
from tests.support.live_server import PROJECT_ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
# GraphQL resolvers, device REST routes, MQTT handlers: the packages outside callers reach.
FRONT_DOORS = ["resolvers", "device_rest", "device_mqtt"]


class TestImportContracts:
    def test_every_contract_is_kept(self):
        # given
        command = [str(LINT_IMPORTS), "--config", str(PROJECT_ROOT / "pyproject.toml")]

        # when
        result = subprocess.run(
            command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300, check=False
        )

        # then
        report = result.stdout + result.stderr
        assert result.returncode == 0, f"import contracts broken:\n{report}"
        assert " kept, 0 broken." in report

    def test_the_domain_contract_covers_every_registered_domain(self):
        # given
        config = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())
        contracts = config["tool"]["importlinter"]["contracts"]

        # when
        [domain_contract] = [c for c in contracts if c["name"].startswith("Domain code knows")]

        # then
        assert domain_contract["source_modules"] == [f"graphql_api.{name}" for name in DOMAINS]

    def test_the_front_door_contracts_cover_every_front_door(self):
        # given
        config = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())
        contracts = config["tool"]["importlinter"]["contracts"]

        # when: no database queries, no ORM models
        front_door_contracts = [c for c in contracts if c["name"].startswith("Front doors")]

        # then
        assert len(front_door_contracts) == 2
        assert [c["source_modules"] for c in front_door_contracts] == [FRONT_DOORS, FRONT_DOORS]


# Production code: only graphql_api/unit_of_work.py commits or rolls back a transaction.
PRODUCTION_PACKAGES = ("graphql_api", "resolvers", "device_rest", "device_mqtt")
UNIT_OF_WORK_MODULE = PROJECT_ROOT / "graphql_api" / "unit_of_work.py"
TRANSACTION_ENDS = {"commit", "rollback"}


def transaction_ends_in(path: Path, root: Path = PROJECT_ROOT) -> list[str]:
    """``file:line call`` for every ``<anything>.commit()`` / ``.rollback()`` call in ``path``."""
    tree = ast.parse(path.read_text(), filename=str(path))
    return [
        f"{path.relative_to(root)}:{node.lineno} .{node.func.attr}()"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in TRANSACTION_ENDS
    ]


class TestOneUnitOfWork:
    def test_no_module_but_the_unit_of_work_ends_a_transaction(self):
        # given
        modules = [
            path
            for package in PRODUCTION_PACKAGES
            for path in sorted((PROJECT_ROOT / package).rglob("*.py"))
            if path != UNIT_OF_WORK_MODULE
        ]

        # when
        offenders = [call for path in modules for call in transaction_ends_in(path)]

        # then
        assert len(modules) > 100
        assert offenders == []

    def test_the_check_sees_a_commit(self, tmp_path):
        # given: a module that commits by itself
        module = tmp_path / "saving.py"
        module.write_text("async def save(session):\n    await session.commit()\n")

        # when
        found = transaction_ends_in(module, tmp_path)

        # then
        assert found == ["saving.py:2 .commit()"]
