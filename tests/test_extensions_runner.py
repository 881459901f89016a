"""Extensions are asked for results only when they report some: one that does still reports
in every query and subscription result. Stream result hooks, found once per operation, still
run around every result: an operation's one generator hook without Strawberry's context
managers, several hooks through them, each as ``contextlib.contextmanager`` would run it."""

from collections.abc import AsyncGenerator, Iterator

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
        Watching.seen.append(("before", result.data))
        yield
        Watching.seen.append(("after", result.data))


class AlsoWatching(SchemaExtension):
    seen: list[tuple[str, object]] = []

    def on_stream_result(self, result: StreamExecutionResult) -> Iterator[None]:
        AlsoWatching.seen.append(("before", result.data))
        yield
        AlsoWatching.seen.append(("after", result.data))


class WatchingTheEnd(SchemaExtension):
    """Notes the exception a stream result was left with (the consumer closing the stream)."""

    ended_with: list[type[BaseException]] = []

    def on_stream_result(self, result: StreamExecutionResult) -> Iterator[None]:
        try:
            yield
        except BaseException as error:
            WatchingTheEnd.ended_with.append(type(error))
            raise


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

    assert Watching.seen == [
        ("before", {"ticks": 1}),
        ("after", {"ticks": 1}),
        ("before", {"ticks": 2}),
        ("after", {"ticks": 2}),
    ]


async def test_silent_extensions_add_nothing():
    result = await schema(Silent).execute("{ fine }")

    assert not result.extensions


async def test_several_stream_result_hooks_each_see_every_result_in_turn():
    Watching.seen, AlsoWatching.seen = [], []
    subscription = await schema(Watching, AlsoWatching).subscribe("subscription { ticks }")

    async for _ in subscription:
        pass

    expected = [
        ("before", {"ticks": 1}),
        ("after", {"ticks": 1}),
        ("before", {"ticks": 2}),
        ("after", {"ticks": 2}),
    ]
    assert Watching.seen == expected
    assert AlsoWatching.seen == expected


async def test_a_stream_result_hook_sees_the_consumer_leave_mid_result():
    WatchingTheEnd.ended_with = []
    subscription = await schema(WatchingTheEnd).subscribe("subscription { ticks }")

    first = await anext(subscription)
    await subscription.aclose()

    assert first.data == {"ticks": 1}
    assert WatchingTheEnd.ended_with == [GeneratorExit]
