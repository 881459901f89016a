"""Relay building blocks shared by every domain: global IDs and counted cursor connections."""

from collections.abc import Awaitable, Callable, Iterable
from typing import Annotated, Any, Generic, TypeVar

import strawberry
from strawberry import relay
from strawberry.dataloader import DataLoader

from graphql_api.errors import InvalidId, NotFound
from graphql_api.pagination import Page, PageArgs, encode_cursor

NodeType = TypeVar("NodeType")

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
    count_total: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="How many items the whole list holds, across all pages.")
    async def total_count(self) -> int:
        return await self.count_total()


def build_connection(
    page: Page[Any],
    count_total: Callable[[], Awaitable[int]],
    to_node: Callable[[Any], Any],
) -> Connection[Any]:
    edges = [
        relay.Edge(cursor=encode_cursor(key), node=to_node(item))
        for key, item in zip(page.keys, page.items, strict=True)
    ]
    if page.total is not None:
        count_total = _known_count(page.total)
    page_info = relay.PageInfo(
        has_next_page=page.has_next_page,
        has_previous_page=page.has_previous_page,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=page_info, count_total=count_total)


def _known_count(total: int) -> Callable[[], Awaitable[int]]:
    async def count_total() -> int:
        return total

    return count_total


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
