"""A page's relations loaded ahead (graphql_api.relay: node_fields_asked, prefetch,
now_or_later): what a connection's selection asks of its nodes, and fields answered at once
from what was prefetched, else awaited as before."""

import inspect

import pytest
import strawberry
from strawberry.dataloader import DataLoader

from graphql_api.relay import node_fields_asked, now_or_later, prefetch


@strawberry.type
class Item:
    name: str
    size: int
    colour: str
    weight: int


@strawberry.type
class ItemEdge:
    node: Item


@strawberry.type
class ItemConnection:
    edges: list[ItemEdge]
    total: int


def schema_recording(asked: list[set[str]]) -> strawberry.Schema:
    @strawberry.type
    class Query:
        @strawberry.field
        def items(self, info: strawberry.Info) -> ItemConnection:
            asked.append(node_fields_asked(info))
            return ItemConnection(
                edges=[ItemEdge(node=Item(name="a", size=1, colour="red", weight=2))], total=1
            )

    return strawberry.Schema(Query)


class TestNodeFieldsAsked:
    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("{ items { edges { node { name size } } } }", {"name", "size"}),
            ("{ items { total } }", set()),
            ("{ items { edges { node { big: size name } } } }", {"size", "name"}),
            (
                "{ items { edges { ... on ItemEdge { node { ... on Item { colour } } } } } }",
                {"colour"},
            ),
            (
                "{ items { edges { node { ...A } } } } fragment A on Item { name ...B } "
                "fragment B on Item { weight }",
                {"name", "weight"},
            ),
            ("{ items { edges { node { name size @skip(if: true) } } } }", {"name", "size"}),
            (
                "{ items { edges { node { name } } } items { edges { node { size } } } }",
                {"name", "size"},
            ),
        ],
    )
    def test_it_reads_the_nodes_selection_through_aliases_and_fragments(self, query, expected):
        # given
        asked: list[set[str]] = []

        # when
        result = schema_recording(asked).execute_sync(query)

        # then
        assert result.errors is None, result.errors
        assert asked == [expected]


class CountingBatch:
    def __init__(self, error: Exception | None = None) -> None:
        self.batches: list[list[int]] = []
        self.error = error

    async def __call__(self, keys: list[int]) -> list[int]:
        self.batches.append(list(keys))
        if self.error is not None:
            raise self.error
        return [key * 10 for key in keys]


class TestNowOrLater:
    async def test_without_a_prefetch_it_is_awaited_like_a_load(self):
        # given
        batch = CountingBatch()
        loader = DataLoader(load_fn=batch)

        # when
        answer = now_or_later(loader, 3, lambda value: value + 1)

        # then
        assert inspect.isawaitable(answer)
        assert await answer == 31
        assert batch.batches == [[3]]

    async def test_after_a_prefetch_it_answers_at_once_from_one_batch(self):
        # given
        batch = CountingBatch()
        loader = DataLoader(load_fn=batch)

        # when
        await prefetch([loader], [1, 2, 3])
        answers = [now_or_later(loader, key, lambda value: value + 1) for key in (1, 2, 3)]

        # then
        assert answers == [11, 21, 31]
        assert batch.batches == [[1, 2, 3]]

    async def test_a_failed_prefetch_is_reported_by_each_field(self):
        # given
        batch = CountingBatch(error=RuntimeError("database away"))
        loader = DataLoader(load_fn=batch)
        await prefetch([loader], [1, 2])

        # when
        answer = now_or_later(loader, 2, lambda value: value)

        # then
        assert inspect.isawaitable(answer)
        with pytest.raises(RuntimeError, match="database away"):
            await answer
        assert batch.batches == [[1, 2]]

    async def test_a_loader_that_does_not_cache_is_not_loaded_ahead(self):
        # given: a websocket's loaders, which would load everything again
        batch = CountingBatch()
        loader = DataLoader(load_fn=batch, cache=False)

        # when
        await prefetch([loader], [1, 2])
        answer = now_or_later(loader, 2, lambda value: value)

        # then
        assert batch.batches == []
        assert await answer == 20
        assert batch.batches == [[2]]
