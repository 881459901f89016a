"""The dependency rules of ARCHITECTURE.md, enforced: `lint-imports` must keep every contract
in pyproject.toml's ``[tool.importlinter]`` (domain code knows nothing of GraphQL or HTTP, front
doors never query the database, firmware imports no server code)."""

import subprocess
import sys
from pathlib import Path

from tests.support.live_server import PROJECT_ROOT

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


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
