"""Subscription events whose selection is plain data are completed by a projection
(``graphql_api.projection``), past graphql-core's per-field machinery, with graphql-core's
result exactly: every event is also run with the projection turned off and the two compared.
Events whose completion would be a field error, selections that are not plain data and
operations run with field middleware are executed by graphql-core, as before."""

import asyncio
import datetime as dt
import enum
import uuid
from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass
from typing import Any

import pytest
import strawberry
from graphql import ExecutionResult, parse
from graphql.execution import Executor
from strawberry import relay
from strawberry.extensions import SchemaExtension
from strawberry.permission import BasePermission

from graphql_api import execution, projection
from graphql_api.execution import PerEventMemoExecutor, shared_payload
from tests.support.subscription_events import NOW, PROJECTED, operation_text

WAIT_S = 5.0

# ---- a schema of its own -------------------------------------------------------------------------


@strawberry.enum
class Level(enum.Enum):
    LOW = "low"
    HIGH = "high"


@strawberry.type
class Value:
    key: str
    value: float
    level: Level | None = None


class Nobody(BasePermission):
    message = "Nobody may read this."

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        return False


@strawberry.type
class Event:
    device_id: relay.GlobalID
    at: dt.datetime
    count: int
    note: str | None
    values: list[Value]
    grid: list[list[int]] | None
    flags: list[bool | None]
    best: Value | None
    serial: uuid.UUID | None = None
    secret: str | None = strawberry.field(default="s", permission_classes=[Nobody])

    @strawberry.field
    def computed(self) -> str:
        return f"{self.count}!"


@strawberry.interface
class Status:
    online: bool


@strawberry.type
class FeederStatus(Status):
    uptime: int


@strawberry.type
class Query:
    @strawberry.field
    def hello(self) -> str:
        return "world"


feeds: list[asyncio.Queue[Any]] = []  # one per running subscription resolver
events_by_name: dict[str, Event] = {}  # what a shared message names


def _event_named(message: str) -> Event:
    return events_by_name[message]


async def _fed() -> AsyncGenerator[Any, None]:
    """What the test puts on this resolver's own feed (one per running subscription)."""
    feed: asyncio.Queue[Any] = asyncio.Queue()
    feeds.append(feed)
    while True:
        yield await feed.get()


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def events(self) -> AsyncGenerator[Event, None]:
        async for event in _fed():
            yield event

    @strawberry.subscription
    async def shared(self) -> AsyncGenerator[Event, None]:
        async for message in _fed():
            yield shared_payload(_event_named, message)

    @strawberry.subscription
    async def statuses(self) -> AsyncGenerator[Status, None]:
        async for status in _fed():
            yield status


class ShoutingStrings(SchemaExtension):
    """Field middleware: it must see every field, so nothing is projected under it."""

    def resolve(self, _next, root, info, *args, **kwargs):
        value = _next(root, info, *args, **kwargs)
        return value.upper() if isinstance(value, str) else value


def _schema(*extensions: type[SchemaExtension]) -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        subscription=Subscription,
        types=[FeederStatus],
        execution_context_class=PerEventMemoExecutor,
        extensions=list(extensions),
    )


SCHEMA = _schema()

PLAIN = """
subscription Plain($withValues: Boolean!, $skipGrid: Boolean = false) {
  events {
    __typename
    id: deviceId
    at
    count
    ...Extra
    values @include(if: $withValues) { key value level __typename }
    values @include(if: $withValues) { first: key }
    grid @skip(if: $skipGrid)
    ... on Event { flags best { key } }
    best { value level }
    serial
  }
}
fragment Extra on Event { note count }
"""


def _event(count: Any = 3, **changes: Any) -> Event:
    fields: dict[str, Any] = {
        "device_id": relay.GlobalID("Device", "42"),
        "at": NOW,
        "count": count,
        "note": None,
        "values": [Value(key="current_a", value=1.5, level=Level.HIGH), Value(key="b", value=0.0)],
        "grid": [[1, 2], [], [3]],
        "flags": [True, None, False],
        "best": Value(key="current_a", value=1.5),
        "serial": uuid.UUID(int=7),
    }
    return Event(**{**fields, **changes})


# ---- helpers -------------------------------------------------------------------------------------


@dataclass
class GraphQLCoreCalls:
    """How often graphql-core executed a selection set (zero while events are projected)."""

    count: int = 0


@pytest.fixture
def graphql_core_calls(monkeypatch: pytest.MonkeyPatch) -> GraphQLCoreCalls:
    calls = GraphQLCoreCalls()
    execute_fields = Executor.execute_fields

    def counted(self, *args, **kwargs):
        calls.count += 1
        return execute_fields(self, *args, **kwargs)

    monkeypatch.setattr(Executor, "execute_fields", counted)
    return calls


@pytest.fixture(autouse=True)
def _fresh() -> None:
    feeds.clear()
    events_by_name.clear()
    projection._projections.clear()


async def _results(
    schema: strawberry.Schema,
    query: str,
    events: list[Any],
    variables: dict[str, Any] | None = None,
    subscribers: int = 1,
) -> list[list[ExecutionResult]]:
    """Each subscriber's results for ``events`` (each subscriber fed the same objects)."""
    streams, firsts = [], []
    for _ in range(subscribers):
        stream = await schema.subscribe(query, variables)
        first = asyncio.ensure_future(anext(stream))  # runs the resolver up to its await
        await asyncio.wait_for(_resolver_started(first, len(streams) + 1), WAIT_S)
        firsts.append(first)
        streams.append(stream)
    for feed in feeds:
        for event in events:
            feed.put_nowait(event)
    results = []
    for first, stream in zip(firsts, streams, strict=True):
        mine = [await asyncio.wait_for(first, WAIT_S)]
        mine += [await asyncio.wait_for(anext(stream), WAIT_S) for _ in events[1:]]
        results.append(mine)
        await stream.aclose()
    feeds.clear()
    return results


async def _resolver_started(first: asyncio.Future[Any], resolvers: int) -> None:
    """Until the subscription's resolver waits for its first event (or it ended at once)."""
    while len(feeds) < resolvers and not first.done():
        await asyncio.sleep(0)


async def _graphql_core_results(
    monkeypatch: pytest.MonkeyPatch, *args: Any, **kwargs: Any
) -> list[list[ExecutionResult]]:
    """The same, executed by graphql-core alone."""
    with monkeypatch.context() as patch:
        patch.setattr(execution, "projection_for", lambda executor, key: None)
        return await _results(*args, **kwargs)


def _comparable(results: list[list[ExecutionResult]]) -> list[list[tuple[Any, Any]]]:
    return [
        [
            (
                result.data,
                [(error.message, error.path) for error in result.errors or ()],
            )
            for result in mine
        ]
        for mine in results
    ]


# ---- plain selections ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variables", [{"withValues": True}, {"withValues": False, "skipGrid": True}]
)
async def test_a_plain_selection_is_projected_with_graphql_cores_result(
    monkeypatch, graphql_core_calls, variables
):
    events = [
        _event(),
        _event(count=-7, note="fed", values=[], grid=None, best=None),
        _event(flags=(flag for flag in (False, True))),  # any iterable, as graphql-core takes
    ]
    expected = await _graphql_core_results(monkeypatch, SCHEMA, PLAIN, events, variables)
    assert graphql_core_calls.count > 0
    graphql_core_calls.count = 0
    events[2].flags = (flag for flag in (False, True))

    projected = await _results(SCHEMA, PLAIN, events, variables)

    assert graphql_core_calls.count == 0
    assert _comparable(projected) == _comparable(expected)
    first = projected[0][0].data["events"]
    assert first["id"] == str(relay.GlobalID("Device", "42"))
    assert first["at"] == NOW.isoformat()
    assert list(first) == [
        "__typename",
        "id",
        "at",
        "count",
        "note",
        *(["values"] if variables["withValues"] else []),
        *(["grid"] if not variables.get("skipGrid") else []),
        "flags",
        "best",
        "serial",
    ]
    if variables["withValues"]:
        assert first["values"][0] == {
            "key": "current_a",
            "value": 1.5,
            "level": "HIGH",
            "__typename": "Value",
            "first": "current_a",
        }


async def test_every_subscriber_of_a_shared_event_gets_the_one_projection(
    monkeypatch, graphql_core_calls
):
    events_by_name.update(one=_event(count=1), two=_event(count=2, note="x"))
    variables = {"withValues": True}
    query = PLAIN.replace("events {", "shared {")
    expected = await _graphql_core_results(
        monkeypatch, SCHEMA, query, ["one", "two"], variables, subscribers=3
    )
    graphql_core_calls.count = 0

    projected = await _results(SCHEMA, query, ["one", "two"], variables, subscribers=3)

    assert graphql_core_calls.count == 0
    assert _comparable(projected) == _comparable(expected)
    # one projection per event for the three: the same result object
    for event in range(2):
        assert len({id(mine[event].data) for mine in projected}) == 1


# ---- what graphql-core executes ------------------------------------------------------------------


class Exploding:
    @property
    def key(self) -> str:
        raise RuntimeError("no key")

    value = 1.0
    level = None


@pytest.mark.parametrize(
    "changes",
    [
        {"count": None},  # null for a non-null field
        {"count": "seven"},  # a value its type cannot coerce
        {"at": "yesterday"},
        {"note": ValueError("an exception as a value")},
        {"serial": ValueError("one its scalar would take as a string")},
        {"values": 5},  # no list
        {"values": [None]},  # null for a non-null item
        {"grid": [[1, "x"]]},
        {"best": Exploding()},  # reading the attribute raises
        {"flags": "abc"},  # a string is no list to graphql-core
    ],
)
async def test_an_event_that_would_be_a_field_error_is_executed_by_graphql_core(
    monkeypatch, graphql_core_calls, changes
):
    variables = {"withValues": True}
    events = [_event(**changes), _event()]
    expected = await _graphql_core_results(monkeypatch, SCHEMA, PLAIN, events, variables)
    assert expected[0][0].errors
    graphql_core_calls.count = 0

    projected = await _results(SCHEMA, PLAIN, events, variables)

    assert _comparable(projected) == _comparable(expected)
    # the bad event went to graphql-core; the good one after it was projected
    assert graphql_core_calls.count > 0
    assert projection._projections and all(projection._projections.values())


@pytest.mark.parametrize(
    ("query", "events"),
    [
        ("subscription { events { count computed } }", [_event()]),  # a field with a resolver
        ("subscription { events { count secret } }", [_event()]),  # one with a permission
        (
            "subscription { statuses { online ... on FeederStatus { uptime } } }",
            [FeederStatus(online=True, uptime=5)],  # an interface
        ),
    ],
)
async def test_a_selection_that_is_not_plain_data_is_executed_by_graphql_core(
    monkeypatch, graphql_core_calls, query, events
):
    expected = await _graphql_core_results(monkeypatch, SCHEMA, query, events)
    graphql_core_calls.count = 0

    results = await _results(SCHEMA, query, events)

    assert _comparable(results) == _comparable(expected)
    assert graphql_core_calls.count > 0
    assert list(projection._projections.values()) == [None]


async def test_field_middleware_sees_every_field():
    schema = _schema(ShoutingStrings)

    results = await _results(schema, "subscription { events { note values { key } } }", [_event()])

    assert results[0][0].data == {
        "events": {"note": None, "values": [{"key": "CURRENT_A"}, {"key": "B"}]}
    }


# ---- the app's own subscriptions -----------------------------------------------------------------


@pytest.mark.parametrize(("file", "name", "variables", "payload"), PROJECTED)
def test_the_apps_high_rate_subscriptions_are_projected(
    schema, file: str, name: str, variables: dict[str, Any], payload: Callable[[], Any]
):
    """A field with a resolver added to one of these payload types would take its events back
    to graphql-core's per-field execution: this says so."""
    graphql_schema = schema._schema
    document = parse(operation_text(file, name))
    executor = Executor.build(graphql_schema, document, raw_variable_values=variables)
    event = payload()

    compiled = projection.projection_for(executor, (name,))

    assert compiled is not None
    by_graphql_core = Executor.build(
        graphql_schema, document, root_value=event, raw_variable_values=variables
    ).execute_operation()
    assert not by_graphql_core.errors
    assert compiled.data(event) == by_graphql_core.data


def test_an_operation_parsed_without_locations_is_compiled_for_its_subscription_alone(schema):
    """Such an operation is known by its object's id (``execution._operation_key``), which a
    later operation can take: its projection must not be kept for others."""
    file, name, variables, payload = PROJECTED[0]
    document = parse(operation_text(file, name), no_location=True)
    executor = Executor.build(schema._schema, document, raw_variable_values=variables)

    compiled = projection.projection_for(executor, (id(document.definitions[0]), ""))

    assert compiled is not None
    assert compiled.data(payload()) is not None
    assert not projection._projections
