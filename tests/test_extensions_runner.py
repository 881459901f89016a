"""Extensions are asked for results only when they report some: one that does still reports
in every query and subscription result. Stream result hooks, found once per operation, still
run around every result as Strawberry runs them (a function before the result is handed out,
a generator around it), also where the runner calls them without its context managers (when
every hook is a function, as ours are)."""

from collections.abc import AsyncGenerator, Iterator

import pytest
import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.types.execution import StreamExecutionResult

from graphql_api.schema import PawgraphSchema


class Reporting(SchemaExtension):
    def get_results(self) -> dict:
        return {"reported": True}


class Silent(SchemaExtension):
    pass


class Watching(SchemaExtension):
    """Notes every stream result it is handed, as it is handed out and once it has been."""

    seen: list[tuple[str, object]] = []

    def on_stream_result(self, result: StreamExecutionResult) -> Iterator[None]:
        type(self).seen.append(("before", result.data))
        yield
        type(self).seen.append(("after", result.data))


class AlsoWatching(Watching):
    seen: list[tuple[str, object]] = []


class Noting(SchemaExtension):
    """A hook that is a plain function: run before each result is handed out."""

    seen: list[tuple[str, object]] = []

    def on_stream_result(self, result: StreamExecutionResult) -> None:
        type(self).seen.append(("noted", result.data))


class AlsoNoting(Noting):
    seen: list[tuple[str, object]] = []


class WatchingAsync(SchemaExtension):
    seen: list[object] = []

    async def on_stream_result(self, result: StreamExecutionResult) -> None:
        WatchingAsync.seen.append(result.data)


class WatchingTheEnd(SchemaExtension):
    """Notes the exception a stream result was left with (the consumer closing the stream)."""

    ended_with: list[type[BaseException]] = []

    def on_stream_result(self, result: StreamExecutionResult) -> Iterator[None]:
        try:
            yield
        except BaseException as error:
            WatchingTheEnd.ended_with.append(type(error))
            raise


# What Watching and Noting see of the two results of ``subscription { ticks }``.
WATCHED = [
    ("before", {"ticks": 1}),
    ("after", {"ticks": 1}),
    ("before", {"ticks": 2}),
    ("after", {"ticks": 2}),
]
NOTED = [("noted", {"ticks": 1}), ("noted", {"ticks": 2})]


@strawberry.type
class Query:
    @strawberry.field
    def fine(self) -> str:
        return "ok"


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def ticks(self) -> AsyncGenerator[int, None]:
        yield 1
        yield 2


def schema(*extensions: type[SchemaExtension]) -> PawgraphSchema:
    return PawgraphSchema(query=Query, subscription=Subscription, extensions=list(extensions))


async def test_a_reporting_extension_reports_in_a_query():
    result = await schema(Silent, Reporting).execute("{ fine }")

    assert result.extensions == {"reported": True}


async def test_a_reporting_extension_reports_in_every_subscription_result():
    subscription = await schema(Reporting, Silent).subscribe("subscription { ticks }")
    results = [result async for result in subscription]

    assert [result.extensions for result in results] == [{"reported": True}] * 2


async def test_a_stream_result_hook_sees_every_subscription_result():
    Watching.seen = []
    subscription = await schema(Silent, Watching).subscribe("subscription { ticks }")

    async for _ in subscription:
        pass

    assert Watching.seen == WATCHED


async def test_silent_extensions_add_nothing():
    result = await schema(Silent).execute("{ fine }")

    assert not result.extensions


async def test_several_stream_result_hooks_each_see_every_result_in_turn():
    Watching.seen, AlsoWatching.seen = [], []
    subscription = await schema(Watching, AlsoWatching).subscribe("subscription { ticks }")

    async for _ in subscription:
        pass

    assert Watching.seen == AlsoWatching.seen == WATCHED


async def test_a_stream_result_hook_sees_the_consumer_leave_mid_result():
    WatchingTheEnd.ended_with = []
    subscription = await schema(WatchingTheEnd).subscribe("subscription { ticks }")

    first = await anext(subscription)
    await subscription.aclose()

    assert first.data == {"ticks": 1}
    assert WatchingTheEnd.ended_with == [GeneratorExit]


@pytest.mark.parametrize(
    ("first", "second", "counts_when_handed_out", "first_saw"),
    [
        # a generator's "after" runs once its result is handed out, before the next one
        (Watching, Noting, [(1, 1), (3, 2)], WATCHED),
        # every hook a function: called without Strawberry's context managers
        (AlsoNoting, Noting, [(1, 1), (2, 2)], NOTED),
    ],
    ids=["generator-and-function", "functions-only"],
)
async def test_each_hook_runs_its_part_before_every_result_is_handed_out(
    first, second, counts_when_handed_out, first_saw
):
    first.seen, second.seen = [], []
    subscription = await schema(first, second).subscribe("subscription { ticks }")
    counts = []

    async for _ in subscription:
        counts.append((len(first.seen), len(second.seen)))

    assert counts == counts_when_handed_out
    assert first.seen == first_saw
    assert second.seen == NOTED


async def test_an_async_hook_still_sees_every_result():
    Noting.seen, WatchingAsync.seen = [], []
    subscription = await schema(Noting, WatchingAsync).subscribe("subscription { ticks }")

    async for _ in subscription:
        pass

    assert WatchingAsync.seen == [{"ticks": 1}, {"ticks": 2}]
    assert Noting.seen == NOTED
