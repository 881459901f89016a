"""The Dart models (clients/dart, freezed + json_serializable for Flutter apps): the committed
file is what GraphQL Code Generator's flutter-freezed plugin makes of the schema, and it holds
a model for every object, input and enum type an app can receive or send. There is no Dart SDK
on Debian 12, so the models are generated and checked here, not compiled."""

import os
import re
import subprocess

from graphql import GraphQLEnumType, GraphQLInputObjectType, GraphQLObjectType

from graphql_api.schema import build_schema
from tests.clients.test_typescript import TS_CLIENT, npm_tool
from tests.support.live_server import PROJECT_ROOT

MODELS = PROJECT_ROOT / "clients" / "dart" / "lib" / "pawgraph_models.dart"
ROOTS = {"Query", "Mutation", "Subscription"}


def test_regenerating_changes_nothing(tmp_path):
    output = tmp_path / "pawgraph_models.dart"
    subprocess.run(
        [npm_tool("graphql-codegen"), "--config", "../dart/codegen.ts", "--silent"],
        cwd=TS_CLIENT,
        env={**os.environ, "PAWGRAPH_DART_CODEGEN_OUTPUT": str(output)},
        capture_output=True,
        check=True,
        timeout=180,
    )
    assert output.read_text() == MODELS.read_text(), "out of date: run `make clients`"


def test_every_type_an_app_exchanges_has_a_model(settings):
    schema = build_schema(settings)._schema
    declared = set(re.findall(r"^(?:class|enum) (\w+)", MODELS.read_text(), re.M))
    wanted = {
        name
        for name, graphql_type in schema.type_map.items()
        if not name.startswith("__")
        and name not in ROOTS
        and isinstance(graphql_type, GraphQLObjectType | GraphQLInputObjectType | GraphQLEnumType)
    }
    assert sorted(wanted - declared) == []
