"""The dashboard (clients/dashboard): the bundle committed in graphql_api/static/app/ is what
esbuild builds from its source and the TypeScript SDK, and the source type-checks against the
SDK's typed documents. `make test` installs its npm packages (npm ci)."""

import os
import subprocess

from tests.clients.test_operations import source_files
from tests.clients.test_typescript import npm_tool
from tests.support.live_server import PROJECT_ROOT

DASHBOARD = PROJECT_ROOT / "clients" / "dashboard"
COMMITTED = PROJECT_ROOT / "graphql_api" / "static" / "app"


class TestDashboardBundle:
    def test_rebuilding_changes_nothing(self, tmp_path):
        # given
        assert (DASHBOARD / "node_modules" / "esbuild").is_dir(), (
            f"esbuild is missing: run `make clients` (npm ci in {DASHBOARD})"
        )
        output = tmp_path / "app"
        environment = {**os.environ, "PAWGRAPH_DASHBOARD_OUTPUT": str(output)}
        # when
        subprocess.run(
            ["node", "build.mjs"],
            cwd=DASHBOARD,
            env=environment,
            capture_output=True,
            check=True,
            timeout=180,
        )
        # then
        built, committed = source_files(output), source_files(COMMITTED)
        assert sorted(committed) == sorted(built), "run `make clients`"
        stale = [name for name in sorted(built) if built[name] != committed[name]]
        assert stale == [], f"out of date, run `make clients`: {stale}"

    def test_it_type_checks(self):
        # when: with the SDK's TypeScript (the dashboard imports the SDK's sources)
        result = subprocess.run(
            [npm_tool("tsc"), "--noEmit", "-p", str(DASHBOARD / "tsconfig.json")],
            cwd=DASHBOARD,
            capture_output=True,
            text=True,
            timeout=180,
        )
        # then
        assert result.returncode == 0, result.stdout + result.stderr
