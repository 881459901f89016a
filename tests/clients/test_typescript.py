"""The TypeScript SDK (clients/typescript): its committed typed documents are what GraphQL Code
Generator makes of the schema and operations, it type-checks (tsc --noEmit), and the
trusted-documents manifest is the one it generated. `make test` installs its npm packages."""

import hashlib
import json
import os
import subprocess

import pytest
from graphql import OperationDefinitionNode, parse

from tests.clients.test_operations import operation_names, source_files
from tests.support.live_server import PROJECT_ROOT

TS_CLIENT = PROJECT_ROOT / "clients" / "typescript"
BIN = TS_CLIENT / "node_modules" / ".bin"
GENERATED = TS_CLIENT / "src" / "gql"
MANIFEST = PROJECT_ROOT / "clients" / "persisted-operations.json"


def npm_tool(name: str) -> str:
    tool = BIN / name
    assert tool.exists(), f"{tool} is missing: run `make clients` (npm ci in {TS_CLIENT})"
    return str(tool)


class TestTypeScriptSdk:
    def test_regenerating_changes_nothing(self, tmp_path):
        # given
        output = tmp_path / "gql"
        environment = {**os.environ, "PAWGRAPH_TS_CODEGEN_OUTPUT": f"{output}/"}
        # when
        subprocess.run(
            [npm_tool("graphql-codegen"), "--config", "codegen.ts", "--silent"],
            cwd=TS_CLIENT,
            env=environment,
            capture_output=True,
            check=True,
            timeout=180,
        )
        # then
        generated, committed = source_files(output), source_files(GENERATED)
        assert sorted(committed) == sorted(generated), "run `make clients`"
        stale = [name for name in sorted(generated) if generated[name] != committed[name]]
        assert stale == [], f"out of date, run `make clients`: {stale}"

    def test_it_type_checks(self):
        # when
        result = subprocess.run(
            [npm_tool("tsc"), "--noEmit", "-p", "tsconfig.json"],
            cwd=TS_CLIENT,
            capture_output=True,
            text=True,
            timeout=180,
        )
        # then
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def manifest() -> dict[str, str]:
    return json.loads(MANIFEST.read_text())


class TestManifest:
    def test_is_the_one_the_typescript_sdk_generated(self, manifest):
        assert manifest == json.loads((GENERATED / "persisted-documents.json").read_text())

    def test_every_key_is_the_sha256_of_its_document(self, manifest):
        assert all(
            hashlib.sha256(text.encode()).hexdigest() == key for key, text in manifest.items()
        )

    def test_every_operation_is_in_it_once(self, manifest):
        # when
        names = [
            definition.name.value
            for text in manifest.values()
            for definition in parse(text).definitions
            if isinstance(definition, OperationDefinitionNode)
        ]
        # then
        assert sorted(names) == sorted(operation_names())
