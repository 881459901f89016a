"""The breaking-change gate: what a schema change breaks for apps built against the released
schema (``clients/released.graphql``), after the deprecations that released schema announced."""

import re
from dataclasses import dataclass

from graphql import (
    BreakingChange,
    BreakingChangeType,
    DangerousChange,
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    find_breaking_changes,
    find_dangerous_changes,
)

# graphql-core's wording of the removals a deprecation may announce ("Field Pet.tag was
# removed.", "Argument Query.pets(filter:) was removed.", "Enum value Kind.FERRET was removed.").
_FIELD_REMOVED = re.compile(r"(?P<type>\w+)\.(?P<field>\w+) was removed\.$")
_ARG_REMOVED = re.compile(r"(?P<type>\w+)\.(?P<field>\w+)\((?P<arg>\w+):\) was removed\.$")
_VALUE_REMOVED = re.compile(r"(?P<type>\w+)\.(?P<value>\w+) was removed\.$")


@dataclass(frozen=True)
class Verdict:
    breaking: list[BreakingChange]  # what fails the gate
    announced: list[BreakingChange]  # removals the released schema deprecated first
    dangerous: list[DangerousChange]


def _field(schema: GraphQLSchema, type_name: str, field_name: str):
    named = schema.get_type(type_name)
    if isinstance(named, GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType):
        return named.fields.get(field_name)
    return None


def was_deprecated(released: GraphQLSchema, change: BreakingChange) -> bool:
    """Whether the released schema marked what this change removes ``@deprecated``."""
    description = change.description
    if change.type is BreakingChangeType.FIELD_REMOVED:
        match = _FIELD_REMOVED.search(description)
        field = match and _field(released, match["type"], match["field"])
        return bool(field and field.deprecation_reason)
    if change.type is BreakingChangeType.ARG_REMOVED:
        match = _ARG_REMOVED.search(description)
        field = match and _field(released, match["type"], match["field"])
        argument = field and getattr(field, "args", {}).get(match["arg"])
        return bool(argument and argument.deprecation_reason)
    if change.type is BreakingChangeType.VALUE_REMOVED_FROM_ENUM:
        match = _VALUE_REMOVED.search(description)
        enum = match and released.get_type(match["type"])
        value = isinstance(enum, GraphQLEnumType) and enum.values.get(match["value"])
        return bool(value and value.deprecation_reason)
    return False


def judge(released: GraphQLSchema, current: GraphQLSchema) -> Verdict:
    changes = find_breaking_changes(released, current)
    announced = [change for change in changes if was_deprecated(released, change)]
    return Verdict(
        breaking=[change for change in changes if change not in announced],
        announced=announced,
        dangerous=find_dangerous_changes(released, current),
    )
