"""Subscribers of one event who would compute the same result share one execution: same
payload object (``shared_payload``, or each of ``shared_payloads`` for a message that carries
several events), same parsed operation (the document cache), same variables
and same viewer. A different viewer, or different variables, executes on its own."""

import asyncio
import operator
from collections.abc import AsyncGenerator
from dataclasses import dataclass

import strawberry

from graphql_api import execution
from graphql_api.auth import Role, Viewer
from graphql_api.document_cache import CachedDocuments, DocumentCache
from graphql_api.execution import PerEventMemoExecutor, shared_payload, shared_payloads

resolved: list[tuple[int, str]] = []  # (viewer, payload) of every execution of `value`
feeds: list[asyncio.Queue[str]] = []  # one per running subscription resolver
subscriptions: list = []


@strawberry.type
class Reading:
    raw: strawberry.Private[str]

    @strawberry.field
    def value(self, info: strawberry.Info, scale: int = 1) -> str:
        resolved.append((info.context.viewer.user_id, self.raw))
        return self.raw * scale


def _reading(message: str) -> Reading:
    return Reading(raw=message)


@strawberry.type
class Query:
    @strawberry.field
    def hello(self) -> str:
        return "world"


@strawberry.type
class Subscription:
    @strawberry.subscription
    async def readings(self) -> AsyncGenerator[Reading, None]:
        feed: asyncio.Queue[str] = asyncio.Queue()
        feeds.append(feed)
        while True:
            yield shared_payload(_reading, await feed.get())

    @strawberry.subscription
    async def batches(self) -> AsyncGenerator[Reading, None]:
        feed: asyncio.Queue[str] = asyncio.Queue()
        feeds.append(feed)
        while True:
            for reading in shared_payloads(_batch, await feed.get()):
                yield reading


def _batch(message: str) -> list[Reading]:
    return [Reading(raw=raw) for raw in message.split(",")]


@dataclass
class Context:
    viewer: Viewer


SCHEMA = strawberry.Schema(
    query=Query,
    subscription=Subscription,
    execution_context_class=PerEventMemoExecutor,
    extensions=[lambda: CachedDocuments(DocumentCache(16))],
)
QUERY = "subscription Readings($scale: Int!) { readings { value(scale: $scale) } }"
BATCHES = "subscription Batches { batches { value } }"


async def _subscribe(viewer: Viewer, query: str = QUERY, **variables: int):
    stream = await SCHEMA.subscribe(query, variables or None, Context(viewer))
    first = asyncio.ensure_future(stream.__anext__())  # runs the resolver up to its first await
    while len(feeds) < len(subscriptions) + 1:
        await asyncio.sleep(0)
    subscriptions.append(stream)
    return first


async def test_one_execution_per_event_for_each_viewer_and_variables():
    resolved.clear()
    feeds.clear()
    subscriptions.clear()
    alice, bob = Viewer(1, Role.OWNER), Viewer(2, Role.OWNER)
    pending = [
        await _subscribe(alice, scale=2),
        await _subscribe(alice, scale=2),
        await _subscribe(alice, scale=2),
        await _subscribe(bob, scale=2),
        await _subscribe(alice, scale=3),
    ]
    # when: one event reaches every subscriber
    for feed in feeds:
        feed.put_nowait("ab")
    results = await asyncio.wait_for(asyncio.gather(*pending), 5)
    for stream in subscriptions:
        await stream.aclose()
    # then: every subscriber got its result; alice's three shared one execution
    assert [r.data for r in results] == [{"readings": {"value": "abab"}}] * 4 + [
        {"readings": {"value": "ababab"}}
    ]
    assert sorted(resolved) == [(1, "ab"), (1, "ab"), (2, "ab")]


async def test_each_event_of_a_message_that_carries_several_is_executed_once():
    resolved.clear()
    feeds.clear()
    subscriptions.clear()
    alice, bob = Viewer(1, Role.OWNER), Viewer(2, Role.OWNER)
    viewers = [alice, alice, alice, bob]
    firsts = [await _subscribe(viewer, BATCHES) for viewer in viewers]
    # when: one message of two events reaches every subscriber
    for feed in feeds:
        feed.put_nowait("ab,cd")
    results = []
    for first, stream in zip(firsts, subscriptions, strict=True):
        results += [await asyncio.wait_for(first, 5), await asyncio.wait_for(anext(stream), 5)]
    for stream in subscriptions:
        await stream.aclose()
    # then: every subscriber got both events in order; alice's three shared one execution of each
    assert [r.data for r in results] == [
        {"batches": {"value": "ab"}},
        {"batches": {"value": "cd"}},
    ] * len(viewers)
    assert sorted(resolved) == [(1, "ab"), (1, "cd"), (2, "ab"), (2, "cd")]


def test_the_payloads_kept_are_bounded_by_payloads_not_messages(monkeypatch):
    # given: room for four payloads, and a message of three kept
    monkeypatch.setattr(execution, "_SHARED_PAYLOADS", 4)
    first = shared_payloads(_batch, "a,b,c")
    assert all(map(operator.is_, shared_payloads(_batch, "a,b,c"), first))
    # when: a second message of three
    second = shared_payloads(_batch, "d,e,f")
    # then: the second's payloads are kept, the first's were let go (built anew when asked)
    assert all(map(operator.is_, shared_payloads(_batch, "d,e,f"), second))
    assert not any(map(operator.is_, shared_payloads(_batch, "a,b,c"), first))
