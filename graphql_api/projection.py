"""Subscription events whose selection is plain data, completed without graphql-core's
per-field machinery.

Executing a subscription's selection on an event costs graphql-core a resolve-info object, a
resolver call through Strawberry's wrappers, an awaitable check and a completion step for every
field (about 0.1 ms for `telemetryUpdated`'s ten fields; py-spy put it at a tenth of the CPU of a
hub reading with one subscriber per outlet, bench/suite.py). When an event is seen by one
subscriber (an app watching its own device, the common case) nothing shares that cost.

Most event payloads are plain data: dataclasses whose fields have no resolver, no arguments and
no extensions, of scalar, enum, list and object types. For such a selection the result is
fixed by the selection alone: each field's attribute, coerced by its type. A ``Projection`` is
that selection compiled once per operation and variables (fragments, aliases, ``@skip`` and
``@include`` resolved by graphql-core's own field collection), applied to each event.

It computes only what graphql-core would. Anything else is not projected and executes as
before: a selection with a field that has a resolver, arguments, a directive other than
``@skip``/``@include``, an abstract type or a type that checks its objects (``is_type_of``), or
an operation run with field middleware. And an event whose completion would raise a field error
(a null for a non-null field, a value its type cannot coerce, an exception as a value, a
non-iterable for a list, an awaitable) is executed by graphql-core, which reports the error as
it always did: a projection has no side effects to repeat.
"""

from collections import OrderedDict
from collections.abc import Callable, Hashable
from operator import attrgetter
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLObjectType,
    GraphQLOutputType,
    OperationType,
    Undefined,
    is_leaf_type,
    is_list_type,
    is_non_null_type,
    is_object_type,
)
from graphql.execution.collect_fields import (
    CollectedFields,
    FieldDetailsList,
    collect_fields,
    collect_subfields,
)
from graphql.execution.values import get_argument_values
from graphql.pyutils import is_async_iterable, is_awaitable, is_iterable
from strawberry.schema.schema_converter import GraphQLCoreConverter

# What a field node may carry: graphql-core applies these while collecting fields.
_COLLECTION_DIRECTIVES = frozenset({"skip", "include"})
_PROJECTIONS = 256

Complete = Callable[[Any], Any]


class _NotPlain(Exception):  # noqa: N818 - a verdict, not an error
    """The selection needs graphql-core: it is never projected."""


class Unprojectable(Exception):  # noqa: N818 - a verdict, not an error
    """This event's completion would be a field error: graphql-core executes it, and says so."""


class Projection:
    """A plain subscription selection, compiled: ``data(event)`` is the ``data`` graphql-core
    would return for ``event`` without errors, or raises ``Unprojectable``."""

    __slots__ = ("_complete", "_key", "_resolve_root", "_root_arguments")

    def __init__(
        self,
        key: str,
        resolve_root: Callable[..., Any],
        arguments: dict[str, Any],
        complete: Complete,
    ) -> None:
        self._key = key
        self._resolve_root = resolve_root
        self._root_arguments = arguments
        self._complete = complete

    def data(self, event: Any) -> dict[str, Any]:
        # The root field's own per-event resolver (Strawberry's returns the event itself).
        try:
            value = self._resolve_root(event, None, **self._root_arguments)
        except Exception as error:
            raise Unprojectable from error
        return {self._key: self._complete(value)}


# (schema, operation, variables) -> its Projection, or None for a selection that is not plain
_projections: OrderedDict[tuple[Hashable, ...], Projection | None] = OrderedDict()


def projection_for(executor: Any, key: tuple[Hashable, ...]) -> Projection | None:
    """The projection of a subscription executor's operation (``key``: its operation and
    variables), compiled at its first event and shared by every subscriber of the same key;
    None when its selection is not plain data or it runs with field middleware."""
    if executor.operation.operation is not OperationType.SUBSCRIPTION:
        return None
    middleware = executor.middleware_manager
    if middleware is not None and middleware.middlewares:
        return None
    if executor.operation.loc is None:
        # Its key holds the operation's id, which another operation can take once it is
        # gone: compiled for this subscription alone.
        return _compiled(executor)
    # The schema itself, not its id: a schema's id can be another's once it is gone.
    cache_key = (executor.schema, *key)
    if cache_key in _projections:
        _projections.move_to_end(cache_key)
        return _projections[cache_key]
    projection = _projections[cache_key] = _compiled(executor)
    if len(_projections) > _PROJECTIONS:
        _projections.popitem(last=False)
    return projection


def _compiled(executor: Any) -> Projection | None:
    try:
        return _compile(_Collector(executor))
    except _NotPlain:
        return None


class _Collector:
    """graphql-core's field collection, for one executor's operation and variables."""

    def __init__(self, executor: Any) -> None:
        self.schema = executor.schema
        self.fragments = executor.fragments
        self.variable_values = executor.variable_values
        self.operation = executor.operation
        self.hide_suggestions = executor.hide_suggestions

    def root_fields(self, root_type: GraphQLObjectType) -> CollectedFields:
        return _plain(
            collect_fields(
                self.schema,
                self.fragments,
                self.variable_values,
                root_type,
                self.operation,
                self.hide_suggestions,
            )
        )

    def subfields(self, type_: GraphQLObjectType, details: FieldDetailsList) -> CollectedFields:
        return _plain(
            collect_subfields(
                self.schema,
                self.fragments,
                self.variable_values,
                self.operation,
                type_,
                details,
                self.hide_suggestions,
            )
        )


def _plain(collected: CollectedFields) -> CollectedFields:
    if collected.new_defer_usages or collected.forbidden_directive_instances:
        raise _NotPlain
    for details in collected.grouped_field_set.values():
        for detail in details:
            if detail.fragment_variable_values is not None or any(
                directive.name.value not in _COLLECTION_DIRECTIVES
                for directive in detail.node.directives or ()
            ):
                raise _NotPlain
    return collected


def _compile(collector: _Collector) -> Projection:
    root_type = collector.schema.subscription_type
    if root_type is None:
        raise _NotPlain
    grouped = collector.root_fields(root_type).grouped_field_set
    if len(grouped) != 1:
        raise _NotPlain
    ((key, details),) = grouped.items()
    field = root_type.fields.get(details[0].node.name.value)
    if field is None or field.resolve is None:
        raise _NotPlain
    arguments = get_argument_values(field, details[0].node, collector.variable_values)
    return Projection(key, field.resolve, arguments, _completion(collector, field.type, details))


def _completion(
    collector: _Collector, type_: GraphQLOutputType, details: FieldDetailsList
) -> Complete:
    """What graphql-core's ``complete_value`` does for ``type_``, when nothing goes wrong."""
    if is_non_null_type(type_):
        return _non_null(_completion(collector, type_.of_type, details))
    if is_list_type(type_):
        return _list_of(_completion(collector, type_.of_type, details))
    if is_leaf_type(type_):
        return _leaf(type_.coerce_output_value)
    if is_object_type(type_) and type_.is_type_of is None:
        return _object(_field_completions(collector, type_, details))
    raise _NotPlain  # an interface or union, or a type that checks its objects


def _field_completions(
    collector: _Collector, type_: GraphQLObjectType, details: FieldDetailsList
) -> tuple[tuple[str, Complete], ...]:
    completions = []
    for key, field_details in collector.subfields(type_, details).grouped_field_set.items():
        name = field_details[0].node.name.value
        if name == "__typename":
            completions.append((key, _constant(type_.name)))
            continue
        field = type_.fields.get(name)
        if field is None:
            raise _NotPlain
        read = _attribute_reader(field)
        complete = _completion(collector, field.type, field_details)
        completions.append((key, _read_then(read, complete)))
    return tuple(completions)


def _attribute_reader(field: GraphQLField) -> Callable[[Any], Any]:
    """How Strawberry reads a field with no resolver (``_get_basic_result``): the source's
    attribute, by the schema's default resolver."""
    definition = (field.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if (
        definition is None
        or field.args
        or not getattr(field.resolve, "_is_default", False)
        or not definition.is_basic_field
    ):
        raise _NotPlain
    name, default_resolver = definition.python_name, definition.default_resolver
    if default_resolver is getattr:
        return attrgetter(name)
    return lambda source: default_resolver(source, name)


# ---- the completions ---------------------------------------------------------------------------
#
# Each raises Unprojectable where graphql-core would raise a field error, or would await.


# Values that are neither an exception nor awaitable, by their exact type (the common case).
_PLAIN_VALUES = frozenset({type(None), bool, int, float, str, list, tuple, dict})


def _checked(value: Any) -> Any:
    if type(value) in _PLAIN_VALUES:
        return value
    if value is Undefined:
        return None  # as graphql-core reads it
    # Left as it is: graphql-core reads the same value again and awaits or reports it.
    if isinstance(value, Exception) or is_awaitable(value):
        raise Unprojectable
    return value


def _non_null(complete: Complete) -> Complete:
    def non_null(value: Any) -> Any:
        completed = complete(value)
        if completed is None:
            raise Unprojectable
        return completed

    return non_null


def _list_of(complete_item: Complete) -> Complete:
    def list_of(value: Any) -> Any:
        if type(value) is not list:
            if _checked(value) is None:
                return None
            if not is_iterable(value) or is_async_iterable(value):
                raise Unprojectable
        return [complete_item(item) for item in value]

    return list_of


def _leaf(coerce: Callable[[Any], Any]) -> Complete:
    def leaf(value: Any) -> Any:
        if _checked(value) is None:
            return None
        try:
            coerced = coerce(value)
        except Exception as error:
            raise Unprojectable from error
        if coerced is None or coerced is Undefined:
            raise Unprojectable
        return coerced

    return leaf


def _object(fields: tuple[tuple[str, Complete], ...]) -> Complete:
    def object_(value: Any) -> Any:
        if _checked(value) is None:
            return None
        return {key: complete(value) for key, complete in fields}

    return object_


def _read_then(read: Callable[[Any], Any], complete: Complete) -> Complete:
    def field(source: Any) -> Any:
        try:
            value = read(source)
        except Exception as error:
            raise Unprojectable from error
        return complete(value)

    return field


def _constant(value: str) -> Complete:
    return lambda _source: value
