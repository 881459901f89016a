"""The client contract: every shipped operation is valid against the schema built from code, and
the generated Python SDK is what the generator makes of the committed schema and operations."""

import secrets
import subprocess
from pathlib import Path

import pytest
from graphql import DocumentNode, GraphQLSchema, OperationDefinitionNode, parse, validate
from graphql.utilities import separate_operations

from graphql_api.schema import build_schema
from graphql_api.settings import Environment, Settings
from tests.support.live_server import PROJECT_ROOT

CLIENTS = PROJECT_ROOT / "clients"
OPERATION_FILES = sorted((CLIENTS / "operations").glob("*.graphql"))
SDK_PACKAGE = CLIENTS / "python" / "pawgraph_client"
CODEGEN = CLIENTS / ".venv-codegen" / "bin" / "ariadne-codegen"
CODEGEN_CONFIG = CLIENTS / "ariadne-codegen.toml"
TARGET_LINE = 'target_package_path = "clients/python"'
# What the apps ship for the foundation; more may be added, none of these may go.
SHIPPED = {
    "Register",
    "Login",
    "Me",
    "Pets",
    "PetById",
    "CreatePet",
    "UpdatePet",
    "DeletePet",
    "Devices",
    "DeviceById",
    "RegisterDevice",
    "RotateDeviceKey",
    "UpdateDevice",
    "DeleteDevice",
    "DeviceStatus",
}


def all_operations() -> DocumentNode:
    """Every file as one document: fragments are shared across files, as the apps' codegen does."""
    definitions = []
    for path in OPERATION_FILES:
        definitions.extend(parse(path.read_text()).definitions)
    return DocumentNode(definitions=tuple(definitions))


def operation_names() -> list[str]:
    return [
        definition.name.value
        for definition in all_operations().definitions
        if isinstance(definition, OperationDefinitionNode)
    ]


def source_files(package: Path) -> dict[str, str]:
    return {
        path.relative_to(package).as_posix(): path.read_text()
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.fixture(scope="module")
def graphql_schema() -> GraphQLSchema:
    settings = Settings(env=Environment.TEST, secret_key="operations-" + secrets.token_hex(16))
    return build_schema(settings)._schema


class TestOperations:
    def test_the_foundation_operations_are_shipped(self):
        assert SHIPPED <= set(operation_names())

    def test_names_are_unique(self):
        names = [definition.name.value for definition in all_operations().definitions]
        assert sorted(names) == sorted(set(names))

    def test_all_files_together_validate(self, graphql_schema):
        assert validate(graphql_schema, all_operations()) == []

    @pytest.mark.parametrize("name", operation_names())
    def test_operation_as_sent_validates(self, graphql_schema, name):
        # given: the operation with only the fragments it uses, as a client sends it
        document = separate_operations(all_operations())[name]
        # when
        errors = validate(graphql_schema, document)
        # then
        assert errors == [], [error.message for error in errors]


class TestGeneratedSdk:
    def test_regenerating_changes_nothing(self, tmp_path):
        # given
        assert CODEGEN.exists(), f"{CODEGEN} is missing: run `make clients` to install it"
        config = CODEGEN_CONFIG.read_text()
        assert config.count(TARGET_LINE) == 1
        config_path = tmp_path / "ariadne-codegen.toml"
        config_path.write_text(config.replace(TARGET_LINE, f'target_package_path = "{tmp_path}"'))
        # when
        subprocess.run(
            [str(CODEGEN), "--config", str(config_path)],
            cwd=PROJECT_ROOT,
            capture_output=True,
            check=True,
            timeout=120,
        )
        # then
        generated = source_files(tmp_path / SDK_PACKAGE.name)
        committed = source_files(SDK_PACKAGE)
        assert sorted(committed) == sorted(generated), "run `make clients`"
        stale = [name for name in sorted(generated) if generated[name] != committed[name]]
        assert stale == [], f"out of date, run `make clients`: {stale}"
