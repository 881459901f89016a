"""Extensions are asked for results only when they report some: one that does still reports
in every query and subscription result. Stream result hooks, found once per operation, still
run around every result as Strawberry runs them (a function before the result is handed out,
a generator around it), also where the runner calls them without its context managers (when
every hook is a function, as ours are). Lifecycle hooks (operation, parse, validate,
execute), found once per list of extension classes and run as generators, still run in order
around their stage, each operation with its own extension instances; an error raised, swallowed
or replaced among them goes where Strawberry's own runner sends it (compared with it, run for
run)."""

import re
from collections.abc import AsyncGenerator, Iterator

import pytest
import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionResult
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


# ---- lifecycle hooks, looked up and wrapped once per list of extension classes ------------------


class Lifecycle(SchemaExtension):
    """Notes each lifecycle hook around what it wraps, with the instance that ran it (kept, so
    that no later instance can take its address)."""

    seen: list[tuple[str, SchemaExtension]] = []

    def on_operation(self) -> Iterator[None]:
        type(self).seen.append(("operation", self))
        yield
        type(self).seen.append(("operation done", self))

    def on_parse(self) -> Iterator[None]:
        type(self).seen.append(("parse", self))
        yield

    def on_validate(self) -> Iterator[None]:
        type(self).seen.append(("validate", self))
        yield

    async def on_execute(self) -> AsyncGenerator[None, None]:
        type(self).seen.append(("execute", self))
        yield
        type(self).seen.append(("execute done", self))


class PlainLifecycle(SchemaExtension):
    """Hooks that are plain functions, sync and async: Strawberry wraps those itself."""

    seen: list[str] = []

    def on_operation(self) -> None:  # type: ignore[override]
        PlainLifecycle.seen.append("operation")

    async def on_execute(self) -> None:  # type: ignore[override]
        PlainLifecycle.seen.append("execute")


class FailingExecution(SchemaExtension):
    """Sees the error an execution hook raised, as its operation hook leaves."""

    seen: list[str] = []

    def on_operation(self) -> Iterator[None]:
        try:
            yield
        except RuntimeError as error:
            FailingExecution.seen.append(str(error))
            raise

    def on_execute(self) -> Iterator[None]:
        raise RuntimeError("refused before executing")
        yield


LIFECYCLE = ["operation", "parse", "validate", "execute", "execute done", "operation done"]


async def test_every_lifecycle_hook_runs_around_its_stage_in_order():
    Lifecycle.seen = []

    result = await schema(Silent, Lifecycle).execute("{ fine }")

    assert result.data == {"fine": "ok"}
    assert [stage for stage, _ in Lifecycle.seen] == LIFECYCLE


async def test_each_operation_runs_the_hooks_of_its_own_extension_instances():
    Lifecycle.seen = []
    served = schema(Lifecycle)

    await served.execute("{ fine }")
    await served.execute("{ fine }")

    first, second = Lifecycle.seen[:6], Lifecycle.seen[6:]
    assert [stage for stage, _ in first] == [stage for stage, _ in second] == LIFECYCLE
    assert len({id(instance) for _, instance in first}) == 1
    assert len({id(instance) for _, instance in second}) == 1
    assert first[0][1] is not second[0][1]


async def test_hooks_that_are_plain_functions_still_run():
    PlainLifecycle.seen = []

    result = await schema(PlainLifecycle, Lifecycle).execute("{ fine }")

    assert result.data == {"fine": "ok"}
    assert PlainLifecycle.seen == ["operation", "execute"]


async def test_a_subscription_keeps_its_operation_hook_open_until_it_ends():
    Lifecycle.seen = []
    subscription = await schema(Lifecycle).subscribe("subscription { ticks }")

    first = await anext(subscription)
    open_after_first = [stage for stage, _ in Lifecycle.seen]
    async for _ in subscription:
        pass

    assert first.data == {"ticks": 1}
    assert "operation done" not in open_after_first
    assert [stage for stage, _ in Lifecycle.seen][-1] == "operation done"


async def test_an_error_in_one_hook_reaches_the_hooks_around_it():
    FailingExecution.seen = []

    result = await schema(FailingExecution).execute("{ fine }")

    assert result.errors and result.errors[0].message == "refused before executing"
    assert FailingExecution.seen == ["refused before executing"]


# ---- hooks that fail, swallow or replace an error: as under Strawberry's own runner ------------

HOOK_LOG: list[str] = []


class OuterAsync(SchemaExtension):
    async def on_execute(self) -> AsyncGenerator[None, None]:
        HOOK_LOG.append("outer in")
        try:
            yield
        except Exception as error:
            HOOK_LOG.append(f"outer saw {type(error).__name__}: {error}")
            raise
        HOOK_LOG.append("outer out")


class Swallowing(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        try:
            yield
        except Exception as error:
            HOOK_LOG.append(f"swallowed {error}")


class Replacing(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        try:
            yield
        except Exception as error:
            raise ValueError(f"replaced {error}") from error


class FailingOnTheWayOut(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        yield
        raise RuntimeError("failed on the way out")


class NeverYielding(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        HOOK_LOG.append("never yields")
        return
        yield


class FailingOnTheWayIn(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        raise RuntimeError("refused on the way in")
        yield


class WatchingTheOperation(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        HOOK_LOG.append("operation in")
        try:
            yield
        except Exception as error:
            HOOK_LOG.append(f"operation saw {type(error).__name__}: {error}")
            raise
        HOOK_LOG.append("operation out")


class SwallowingTheOperation(SchemaExtension):
    async def on_operation(self) -> AsyncGenerator[None, None]:
        try:
            yield
        except Exception as error:
            HOOK_LOG.append(f"operation swallowed {error}")


def _outcome(result: ExecutionResult) -> tuple[list[str], object, list[str]]:
    """What the hooks noted, the data and the errors (with no object's address in them)."""
    errors = [error.message for error in result.errors or []]
    return [_no_address(line) for line in HOOK_LOG], result.data, [_no_address(e) for e in errors]


def _no_address(text: str) -> str:
    return re.sub(r" at 0x[0-9a-f]+", "", text)


async def _run(served: strawberry.Schema) -> tuple[list[str], object, list[str]]:
    HOOK_LOG.clear()
    return _outcome(await served.execute("{ fine }"))


@pytest.mark.parametrize(
    "extensions",
    [
        [OuterAsync, FailingOnTheWayOut],
        [OuterAsync, Replacing, FailingOnTheWayOut],
        [OuterAsync, Swallowing, FailingOnTheWayOut],
        [OuterAsync, Swallowing, Replacing, FailingOnTheWayOut],
        [OuterAsync, NeverYielding],
        [OuterAsync, FailingOnTheWayIn],
        [OuterAsync, Swallowing],
        [WatchingTheOperation, FailingOnTheWayIn],
        [WatchingTheOperation, SwallowingTheOperation, OuterAsync, FailingOnTheWayOut],
        [WatchingTheOperation, SwallowingTheOperation, Replacing, FailingOnTheWayOut],
        [WatchingTheOperation, NeverYielding],
    ],
    ids=lambda extensions: "+".join(extension.__name__ for extension in extensions),
)
async def test_errors_among_hooks_go_where_strawberrys_runner_sends_them(extensions):
    stock = strawberry.Schema(query=Query, extensions=extensions)

    ours = await _run(schema(*extensions))

    assert ours == await _run(stock)


def _run_sync(served: strawberry.Schema) -> tuple[list[str], object, list[str]]:
    HOOK_LOG.clear()
    return _outcome(served.execute_sync("{ fine }"))


@pytest.mark.parametrize(
    "extensions",
    [
        [WatchingTheOperation, Swallowing, Replacing, FailingOnTheWayOut],
        [WatchingTheOperation, FailingOnTheWayIn],
        [WatchingTheOperation, NeverYielding],
        [WatchingTheOperation, OuterAsync],
    ],
    ids=lambda extensions: "+".join(extension.__name__ for extension in extensions),
)
def test_in_a_synchronous_execution_too(extensions):
    stock = strawberry.Schema(query=Query, extensions=extensions)

    ours = _run_sync(schema(*extensions))

    assert ours == _run_sync(stock)
