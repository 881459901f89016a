"""Relay building blocks shared by every domain: global IDs and counted cursor connections."""

import asyncio
from collections.abc import Awaitable, Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Annotated, Any, Generic, TypeVar

import strawberry
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    SelectionSetNode,
)
from strawberry import relay
from strawberry.dataloader import DataLoader

from graphql_api.errors import InvalidId, NotFound
from graphql_api.pagination import Page, PageArgs, encode_cursor

NodeType = TypeVar("NodeType")
Loaded = TypeVar("Loaded")
Answer = TypeVar("Answer")

# The pagination arguments of every connection, described once.
First = Annotated[
    int | None, strawberry.argument(description="Page size, counted forwards from `after`.")
]
After = Annotated[str | None, strawberry.argument(description="Cursor to start after.")]
Last = Annotated[
    int | None, strawberry.argument(description="Page size, counted backwards from `before`.")
]
Before = Annotated[str | None, strawberry.argument(description="Cursor to end before.")]


@strawberry.type(description="A page of a list, with the total size of the list.")
class Connection(relay.Connection[NodeType], Generic[NodeType]):
    # The total when the page's own statement counted it, else how to count it.
    count_total: strawberry.Private[int | Callable[[], Awaitable[int]]]

    @strawberry.field(description="How many items the whole list holds, across all pages.")
    def total_count(self) -> int:
        # Not a coroutine when the total is known: graphql-core completes it without awaiting.
        count_total = self.count_total
        return count_total if isinstance(count_total, int) else count_total()  # type: ignore[return-value]


def build_connection(
    page: Page[Any],
    count_total: Callable[[], Awaitable[int]],
    to_node: Callable[[Any], Any],
) -> Connection[Any]:
    edges = [
        relay.Edge(cursor=encode_cursor(key), node=to_node(item))
        for key, item in zip(page.keys, page.items, strict=True)
    ]
    page_info = relay.PageInfo(
        has_next_page=page.has_next_page,
        has_previous_page=page.has_previous_page,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    total = page.total if page.total is not None else count_total
    return Connection(edges=edges, page_info=page_info, count_total=total)


def node_fields_asked(info: strawberry.Info) -> set[str]:
    """The names of the fields a connection field's selection asks of its nodes (``edges {
    node { ... } }``), through fragments. A field under ``@skip`` or ``@include`` counts as
    asked: what this tells is only worth loading ahead."""
    raw = info._raw_info
    fragments = raw.fragments
    edges = _subfields_named(raw.field_nodes, fragments, "edges")
    nodes = _subfields_named(edges, fragments, "node")
    return {field.name.value for field in _subfields(nodes, fragments)}


def _subfields_named(
    fields: Sequence[FieldNode], fragments: Mapping[str, FragmentDefinitionNode], name: str
) -> list[FieldNode]:
    return [field for field in _subfields(fields, fragments) if field.name.value == name]


def _subfields(
    fields: Sequence[FieldNode], fragments: Mapping[str, FragmentDefinitionNode]
) -> Iterator[FieldNode]:
    for field in fields:
        if field.selection_set is not None:
            yield from _selected(field.selection_set, fragments, set())


def _selected(
    selection_set: SelectionSetNode,
    fragments: Mapping[str, FragmentDefinitionNode],
    spread: set[str],
) -> Iterator[FieldNode]:
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            yield selection
        elif isinstance(selection, InlineFragmentNode):
            yield from _selected(selection.selection_set, fragments, spread)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = fragments.get(name)
            # Validation refuses cycles; a spread seen already adds nothing new.
            if fragment is not None and name not in spread:
                spread.add(name)
                yield from _selected(fragment.selection_set, fragments, spread)


def page_args(
    info: strawberry.Info,
    first: int | None,
    after: str | None,
    last: int | None,
    before: str | None,
) -> PageArgs:
    return PageArgs.parse(
        first=first,
        after=after,
        last=last,
        before=before,
        max_page_size=info.context.settings.max_page_size,
    )


# Primary keys are 32-bit integers (PostgreSQL `integer`): an id outside this range names
# nothing, and must not reach the database (where it is an "integer out of range" error).
MAX_PK = 2**31 - 1


def decode_id(global_id: relay.GlobalID, node_type: type, field: str) -> int:
    """The database id inside a global ID of ``node_type``; InvalidId for anything else, and
    NotFound for a number no row can have."""
    type_name = node_type.__strawberry_definition__.name
    if global_id.type_name != type_name:
        raise InvalidId(f"`{field}` is not the ID of a {type_name}.", field=field)
    return decode_pk(global_id, field, f"a {type_name}")


def decode_pk(global_id: relay.GlobalID, field: str, what: str) -> int:
    """The number inside a global ID whose type was checked; InvalidId if it is not one, and
    NotFound for a number no row can have."""
    try:
        pk = int(global_id.node_id)
    except ValueError as exc:
        raise InvalidId(f"`{field}` is not the ID of {what}.", field=field) from exc
    if not 1 <= pk <= MAX_PK:
        raise NotFound(f"Nothing with this ID: `{field}`.", field=field)
    return pk


async def load_nodes(
    loader: DataLoader[Any, Any], node_ids: Iterable[str], to_node: Callable[[Any], Any]
) -> list[Any]:
    """Relay's ``resolve_nodes`` through a by-id loader: one node per id, in order, None where
    the loader finds nothing (absent, not the viewer's, or not a number)."""
    loaded = await loader.load_many(node_ids_to_ints(node_ids))
    return [to_node(row) if row else None for row in loaded]


def node_ids_to_ints(node_ids: Iterable[str]) -> list[int | None]:
    ids: list[int | None] = []
    for node_id in node_ids:
        try:
            pk = int(node_id)
        except ValueError:
            pk = None
        ids.append(pk if pk is not None and 1 <= pk <= MAX_PK else None)
    return ids


# ---- answering from what a page prefetched -------------------------------------------------------
#
# A field resolved through a loader is an awaitable for graphql-core: each object of a page then
# costs a coroutine, a task to gather it and steps of the event loop. A page whose selection asks
# for its objects' relations loads them first (``prefetch``); each object's field then answers at
# once from the loader's cache (``now_or_later``), and graphql-core completes the page without
# awaiting. Measured on the dashboard (12 devices with readings and alerts, wrk -c16): 130-144
# -> 149-161 requests/s, 6.8-7.6 -> 6.1-6.6 ms of CPU each.


async def prefetch(loaders: Iterable[DataLoader[Any, Any]], keys: list[Hashable]) -> None:
    """Load ``keys`` into each of ``loaders``, in one batch per loader, all batches at once.

    A failed batch stays in its loader's cache: each object's field reports it, as without the
    prefetch. Loaders that do not cache (a websocket's) are left alone: their objects would
    load everything again."""
    loading = [loader.load_many(keys) for loader in loaders if loader.cache and keys]
    if loading:
        await asyncio.gather(*loading, return_exceptions=True)


def now_or_later(
    loader: DataLoader[Any, Loaded], key: Hashable, then: Callable[[Loaded], Answer]
) -> Answer | Awaitable[Answer]:
    """``then`` of the value ``loader`` loads for ``key``: at once when the loader holds it
    already (a page prefetched it), else an awaitable, as a resolver awaiting the loader."""
    future = loader.cache_map.get(key) if loader.cache else None
    loaded = future is not None and future.done() and not future.cancelled()
    if loaded and future.exception() is None:
        return then(future.result())
    return _later(loader, key, then)


async def _later(
    loader: DataLoader[Any, Loaded], key: Hashable, then: Callable[[Loaded], Answer]
) -> Answer:
    return then(await loader.load(key))
