"""Every type, field, argument and enum of the schema is documented: schema.graphql is the apps'
documentation."""

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
)

ROOT_TYPES = {"Query", "Mutation", "Subscription"}


def undocumented(graphql_schema) -> list[str]:
    missing = []
    for name, graphql_type in graphql_schema.type_map.items():
        if name.startswith("__"):
            continue
        if isinstance(graphql_type, GraphQLObjectType | GraphQLInterfaceType):
            if not graphql_type.description and name not in ROOT_TYPES:
                missing.append(f"type {name}")
            for field_name, field in graphql_type.fields.items():
                if not field.description:
                    missing.append(f"{name}.{field_name}")
                missing += [
                    f"{name}.{field_name}({arg_name})"
                    for arg_name, argument in field.args.items()
                    if not argument.description
                ]
        elif isinstance(graphql_type, GraphQLInputObjectType):
            if not graphql_type.description:
                missing.append(f"input {name}")
            missing += [
                f"{name}.{field_name}"
                for field_name, field in graphql_type.fields.items()
                if not field.description
            ]
        elif isinstance(graphql_type, GraphQLEnumType) and not graphql_type.description:
            missing.append(f"enum {name}")
    return missing


def test_every_schema_element_has_a_description(schema):
    # given / when
    missing = undocumented(schema._schema)

    # then
    assert missing == [], f"add description= to: {', '.join(missing)}"
