"""Shared subscription results written straight to a waiting subscriber's socket
(``execution.DirectDelivery``), past the subscriber's own generators: under a schema of its own
(the decisions), then under the real app in a uvicorn server of the test's process (sockets,
order, completion)."""

import asyncio
import json
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import pytest
import strawberry
import websockets
from strawberry.extensions import SchemaExtension

from graphql_api import ws_protocol
from graphql_api.app import create_app
from graphql_api.auth import Role, Viewer
from graphql_api.events.bus import Subscription
from graphql_api.execution import (
    DirectDelivery,
    PerEventMemoExecutor,
    shared_event_batches,
    shared_events,
)
from graphql_api.schema import PawgraphSchema, ResultsWithErrorsOnly
from graphql_api.settings import Settings
from tests.factories import outlets
from tests.factories.accounts import signed_up
from tests.factories.devices import post_heartbeat, register_device
from tests.factories.outlets import HubWire, live_hub
from tests.support.graphql_client import GraphQLClient
from tests.support.in_process_server import Served, serving

WAIT_S = 10.0
QUIET_S = 0.3  # how long "nothing more arrives" is watched for

# ---- the decisions, under a schema of their own --------------------------------------------------

feeds: list[Subscription] = []  # each running subscription's bus subscription


@strawberry.type
class Reading:
    raw: strawberry.Private[str]

    @strawberry.field
    def value(self) -> str:
        if self.raw == "bad":
            raise ValueError("a bad reading")
        return self.raw

    @strawberry.field
    async def later(self) -> str:
        await asyncio.sleep(0)
        return self.raw


def _reading(message: str) -> Reading:
    return Reading(raw=message)


@strawberry.type
class Query:
    @strawberry.field
    def hello(self) -> str:
        return "world"


@strawberry.type
class Subscriptions:
    @strawberry.subscription
    async def readings(self) -> AsyncGenerator[Reading, None]:
        messages = Subscription(16, None, "readings")
        feeds.append(messages)
        async for reading in shared_events(messages, _reading):
            yield reading

    @strawberry.subscription
    async def batches(self) -> AsyncGenerator[Reading, None]:
        messages = Subscription(16, None, "batches")
        feeds.append(messages)
        async for readings in shared_event_batches(messages, _batch):
            for reading in readings:
                yield reading


def _batch(message: str) -> list[Reading]:
    return [Reading(raw=raw) for raw in message.split(",")]


@dataclass
class Context:
    viewer: Viewer


SCHEMA = strawberry.Schema(
    query=Query, subscription=Subscriptions, execution_context_class=PerEventMemoExecutor
)
VALUE = "subscription { readings { value } }"
BATCHES = "subscription { batches { value } }"
LATER = "subscription { readings { later } }"


class Subscriber:
    """One subscription under SCHEMA, its results read from its stream as they come, and what
    it would have written past its generators."""

    def __init__(
        self,
        query: str,
        accept: Callable[[Any], bool] = lambda data: True,
        schema: strawberry.Schema = SCHEMA,
    ) -> None:
        self.query = query
        self.schema = schema
        self.accept = accept
        self.asked: list[Any] = []  # every data offered for writing
        self.written: list[Any] = []
        self.results: list[Any] = []
        self.task: asyncio.Task[None] | None = None

    def send(self, *data: Any) -> bool:
        self.asked.extend(data)
        if not all(map(self.accept, data)):
            return False
        self.written.append(data[0] if len(data) == 1 else data)
        return True

    async def read(self) -> None:
        with DirectDelivery(self.send):
            stream = await self.schema.subscribe(self.query, None, Context(Viewer(1, Role.OWNER)))
            async for result in stream:
                self.results.append(result)


@pytest.fixture
async def subscribe() -> AsyncIterator[Callable[..., Any]]:
    feeds.clear()
    tasks: list[asyncio.Task[None]] = []

    async def start(subscriber: Subscriber) -> Subscription:
        subscriber.task = asyncio.create_task(subscriber.read())
        tasks.append(subscriber.task)
        async with asyncio.timeout(WAIT_S):
            while len(feeds) < len(tasks) or not waiting(feeds[-1]):
                await asyncio.sleep(0)
        return feeds[-1]

    yield start
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def waiting(messages: Subscription) -> bool:
    return messages._waiter is not None and not messages._waiter.done()  # noqa: SLF001


async def caught_up(messages: Subscription) -> None:
    async with asyncio.timeout(WAIT_S):
        while not waiting(messages):
            await asyncio.sleep(0)


async def offered(messages: Subscription, raw: str) -> None:
    """``raw`` offered, and its subscriber waiting again once it is through."""
    messages.offer(raw)
    await caught_up(messages)


class TestDecisions:
    async def test_after_its_first_event_a_waiting_subscriber_is_written_to_directly(
        self, subscribe
    ):
        # given
        subscriber = Subscriber(VALUE)
        messages = await subscribe(subscriber)
        # when
        for raw in ("a", "b", "c"):
            await offered(messages, raw)
        # then: the first event executed the subscription's way, and made its executor known
        assert [result.data for result in subscriber.results] == [{"readings": {"value": "a"}}]
        assert subscriber.written == [{"readings": {"value": "b"}}, {"readings": {"value": "c"}}]

    async def test_subscribers_of_one_result_are_written_the_same_data(self, subscribe):
        # given
        first, second = Subscriber(VALUE), Subscriber(VALUE)
        feeds_of = [await subscribe(first), await subscribe(second)]
        for messages in feeds_of:
            await offered(messages, "a")
        # when
        for messages in feeds_of:
            messages.offer("b")
        # then: one execution, its very data written to both
        assert first.written == [{"readings": {"value": "b"}}]
        assert second.written[0] is first.written[0]

    async def test_a_result_with_errors_goes_the_subscriptions_way(self, subscribe):
        # given
        subscriber = Subscriber(VALUE)
        messages = await subscribe(subscriber)
        await offered(messages, "a")
        # when
        await offered(messages, "bad")
        # then: Strawberry's stream carried the error; nothing was written past it
        assert subscriber.written == []
        assert subscriber.results[-1].data is None
        assert subscriber.results[-1].errors[0].message == "a bad reading"

    async def test_a_result_still_executing_goes_the_subscriptions_way(self, subscribe):
        # given: a field that awaits
        subscriber = Subscriber(LATER)
        messages = await subscribe(subscriber)
        await offered(messages, "a")
        # when
        await offered(messages, "b")
        # then
        assert subscriber.written == []
        assert [result.data for result in subscriber.results] == [
            {"readings": {"later": "a"}},
            {"readings": {"later": "b"}},
        ]

    async def test_once_a_write_is_declined_the_rest_queue_behind_it_in_order(self, subscribe):
        # given: a socket that cannot take "1" when it comes
        subscriber = Subscriber(VALUE, accept=lambda data: data["readings"]["value"] != "1")
        messages = await subscribe(subscriber)
        await offered(messages, "0")
        # when: four events at once, then one more once the subscriber caught up
        for raw in "1234":
            messages.offer(raw)
        await caught_up(messages)
        messages.offer("5")
        # then: "1" was declined, and 2-4 queued behind it without being offered for writing;
        # every event arrived once, in order, and "5" was written at once again
        assert [data["readings"]["value"] for data in subscriber.asked] == ["1", "5"]
        results = [result.data["readings"]["value"] for result in subscriber.results]
        assert results == ["0", "1", "2", "3", "4"]
        assert subscriber.written == [{"readings": {"value": "5"}}]

    async def test_a_message_of_several_events_is_written_whole(self, subscribe):
        # given
        subscriber = Subscriber(BATCHES)
        messages = await subscribe(subscriber)
        await offered(messages, "a,b")
        # when
        await offered(messages, "c,d")
        # then: one write of both results, in order
        assert subscriber.written == [
            ({"batches": {"value": "c"}}, {"batches": {"value": "d"}}),
        ]
        assert [result.data["batches"]["value"] for result in subscriber.results] == ["a", "b"]

    async def test_a_message_with_one_event_in_error_goes_the_subscriptions_way_whole(
        self, subscribe
    ):
        # given
        subscriber = Subscriber(BATCHES)
        messages = await subscribe(subscriber)
        await offered(messages, "a")
        # when
        await offered(messages, "c,bad,d")
        # then: none of it written; all three through Strawberry's stream, in order
        assert subscriber.asked == []
        assert [result.data for result in subscriber.results[1:]] == [
            {"batches": {"value": "c"}},
            None,
            {"batches": {"value": "d"}},
        ]

    async def test_a_subscriber_whose_task_is_cancelled_is_not_written_to(self, subscribe):
        # given
        subscriber = Subscriber(VALUE)
        messages = await subscribe(subscriber)
        await offered(messages, "a")
        # when: cancelled (a client's complete) and, before its task ran again, an event
        subscriber.task.cancel()
        messages.offer("b")
        # then
        assert subscriber.written == []


class Watching(SchemaExtension):
    """Looks at every result (as a metrics extension might)."""

    seen: ClassVar[list[Any]] = []

    def on_stream_result(self, result: Any) -> None:  # type: ignore[override]
        self.seen.append(result.data)


class Reporting(SchemaExtension):
    def get_results(self) -> dict[str, Any]:
        return {"cost": 1}


def with_extensions(*extensions: Any) -> strawberry.Schema:
    """SCHEMA's types under our schema class (its extensions runner), with these extensions."""
    return PawgraphSchema(
        query=Query,
        subscription=Subscriptions,
        execution_context_class=PerEventMemoExecutor,
        extensions=list(extensions),
    )


class TestExtensions:
    async def test_extensions_that_look_only_at_errors_let_results_be_written(self, subscribe):
        # given
        schema = with_extensions(lambda: ResultsWithErrorsOnly(should_mask_error=lambda e: True))
        subscriber = Subscriber(VALUE, schema=schema)
        messages = await subscribe(subscriber)
        await offered(messages, "a")
        # when
        messages.offer("b")
        # then
        assert subscriber.written == [{"readings": {"value": "b"}}]

    @pytest.mark.parametrize("extension", [Watching, Reporting])
    async def test_an_extension_that_sees_every_result_gets_every_result(
        self, subscribe, extension
    ):
        # given
        Watching.seen.clear()
        subscriber = Subscriber(VALUE, schema=with_extensions(extension))
        messages = await subscribe(subscriber)
        # when
        for raw in "abc":
            await offered(messages, raw)
        # then: every result went the subscription's way, through the extension
        assert subscriber.asked == []
        assert [result.data["readings"]["value"] for result in subscriber.results] == list("abc")
        if extension is Watching:
            assert [data["readings"]["value"] for data in Watching.seen] == list("abc")
        else:
            assert all(result.extensions == {"cost": 1} for result in subscriber.results)


# ---- the real app --------------------------------------------------------------------------------

TELEMETRY = """
subscription TelemetryUpdated($deviceId: ID!) {
  telemetryUpdated(deviceId: $deviceId) { deviceId values { key value } }
}
"""
STATUS = """
subscription DeviceStatus($deviceId: ID!) {
  deviceStatus(deviceId: $deviceId) { deviceId ... on FeederStatus { uptimeSeconds } }
}
"""


@pytest.fixture
def written(monkeypatch) -> list[str]:
    """Every message the protocol wrote at once (``send_text_now``), counted from the sockets
    that open after this fixture."""
    texts: list[str] = []
    send_text_now = ws_protocol.LeanWebSocketProtocol.send_text_now

    def counted(self: ws_protocol.LeanWebSocketProtocol, text: str) -> bool:
        taken = send_text_now(self, text)
        if taken:
            texts.append(text)
        return taken

    monkeypatch.setattr(ws_protocol.LeanWebSocketProtocol, "send_text_now", counted)
    return texts


async def opened(served: Served, token: str) -> Any:
    socket = await websockets.connect(served.ws_url, subprotocols=["graphql-transport-ws"])
    init = {"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}
    await socket.send(json.dumps(init))
    assert json.loads(await socket.recv())["type"] == "connection_ack"
    return socket


async def subscribed(socket: Any, operation_id: str, device_id: str, query: str = STATUS) -> None:
    """Subscribed, and (for deviceStatus) its snapshot read."""
    payload = {"query": query, "variables": {"deviceId": device_id}}
    await socket.send(json.dumps({"id": operation_id, "type": "subscribe", "payload": payload}))
    if query is STATUS:
        snapshot = json.loads(await asyncio.wait_for(socket.recv(), WAIT_S))
        assert (snapshot["id"], snapshot["type"]) == (operation_id, "next"), snapshot
    await asyncio.sleep(QUIET_S)  # the bus subscription is live, its reader waiting


async def next_data(socket: Any) -> dict[str, Any]:
    message = json.loads(await asyncio.wait_for(socket.recv(), WAIT_S))
    assert message["type"] == "next" and "errors" not in message["payload"], message
    return message["payload"]["data"]


async def uptime(socket: Any) -> tuple[str, int]:
    message = json.loads(await asyncio.wait_for(socket.recv(), WAIT_S))
    assert message["type"] == "next", message
    return message["id"], message["payload"]["data"]["deviceStatus"]["uptimeSeconds"]


async def nothing_more(socket: Any) -> None:
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(socket.recv(), QUIET_S)


class TestThroughTheApp:
    async def test_every_subscriber_gets_every_event_in_order_written_at_once(
        self, settings: Settings, written: list[str]
    ):
        async with serving(create_app(settings), lifespan="on") as served:
            owner = await signed_up(GraphQLClient(served), "direct")
            feeder = await register_device(owner)
            sockets = [await opened(served, owner.token) for _ in range(3)]
            try:
                for socket in sockets:
                    await subscribed(socket, "1", feeder.id)
                await asyncio.sleep(QUIET_S)  # every subscriber back, waiting for its next event
                # when
                received = []
                for number in range(1, 6):
                    await post_heartbeat(served, feeder, uptime=number)
                    received.append([await uptime(socket) for socket in sockets])
            finally:
                for socket in sockets:
                    await socket.close()
        # then: each event reached each socket once, in order, written by the bus's listener
        assert received == [[("1", number)] * 3 for number in range(1, 6)]
        assert len(written) == 5 * 3
        assert all('"type":"next"' in text for text in written)

    async def test_a_hubs_readings_reach_telemetry_subscribers_written_at_once(
        self, settings: Settings, written: list[str]
    ):
        async with serving(create_app(settings), lifespan="on") as served:
            owner = await signed_up(GraphQLClient(served), "direct-telemetry")
            hub, (outlet,) = await live_hub(owner)
            wire = HubWire(served, hub.base_url)
            sockets = [await opened(served, owner.token) for _ in range(2)]
            try:
                for socket in sockets:
                    await subscribed(socket, "1", outlet.id, TELEMETRY)
                # when
                received = []
                for current in (100, 200, 300):
                    response = await wire.data(outlets.reading("FE", current_a=current))
                    assert response.status_code == 200, response.text
                    received.append([await next_data(socket) for socket in sockets])
            finally:
                for socket in sockets:
                    await socket.close()
        # then: every reading, in order, on both sockets; all but the first written at once
        currents = [
            [data["telemetryUpdated"]["values"][0]["value"] for data in row] for row in received
        ]
        assert currents == [[100.0] * 2, [200.0] * 2, [300.0] * 2]
        assert len(written) == 2 * 2

    async def test_under_uvicorns_own_protocol_every_event_takes_the_subscriptions_way(
        self, settings: Settings
    ):
        # given: a server whose protocol cannot write at once (a bare uvicorn)
        async with serving(create_app(settings), lifespan="on", ws="websockets-sansio") as served:
            owner = await signed_up(GraphQLClient(served), "direct-none")
            feeder = await register_device(owner)
            sockets = [await opened(served, owner.token) for _ in range(2)]
            try:
                for socket in sockets:
                    await subscribed(socket, "1", feeder.id)
                # when
                received = []
                for number in range(1, 4):
                    await post_heartbeat(served, feeder, uptime=number)
                    received.append([await uptime(socket) for socket in sockets])
            finally:
                for socket in sockets:
                    await socket.close()
        # then
        assert received == [[("1", number)] * 2 for number in range(1, 4)]

    async def test_a_completed_subscription_gets_nothing_more(
        self, settings: Settings, written: list[str]
    ):
        async with serving(create_app(settings), lifespan="on") as served:
            owner = await signed_up(GraphQLClient(served), "direct-done")
            feeder = await register_device(owner)
            socket = await opened(served, owner.token)
            try:
                await subscribed(socket, "kept", feeder.id)
                await subscribed(socket, "done", feeder.id)
                await post_heartbeat(served, feeder, uptime=1)
                assert sorted([await uptime(socket), await uptime(socket)]) == [
                    ("done", 1),
                    ("kept", 1),
                ]
                # when
                await socket.send(json.dumps({"id": "done", "type": "complete"}))
                await post_heartbeat(served, feeder, uptime=2)
                # then
                assert await uptime(socket) == ("kept", 2)
                await nothing_more(socket)
            finally:
                await socket.close()
        assert written  # the events after the first went out at once

    async def test_a_socket_that_takes_no_more_has_its_events_queued_in_order(
        self, settings: Settings, written: list[str], monkeypatch
    ):
        # given: a transport that is full for one write in three
        calls = iter(range(1_000))
        send_text_now = ws_protocol.LeanWebSocketProtocol.send_text_now

        def full_at_times(self: ws_protocol.LeanWebSocketProtocol, text: str) -> bool:
            return next(calls) % 3 != 1 and send_text_now(self, text)

        monkeypatch.setattr(ws_protocol.LeanWebSocketProtocol, "send_text_now", full_at_times)
        async with serving(create_app(settings), lifespan="on") as served:
            owner = await signed_up(GraphQLClient(served), "direct-full")
            feeder = await register_device(owner)
            socket = await opened(served, owner.token)
            try:
                await subscribed(socket, "1", feeder.id)
                # when: heartbeats back to back, read only afterwards
                for number in range(1, 13):
                    await post_heartbeat(served, feeder, uptime=number)
                received = [await uptime(socket) for _ in range(12)]
            finally:
                await socket.close()
        # then: some were written at once, some went the subscription's way; all in order
        assert received == [("1", number) for number in range(1, 13)]
        assert 0 < len(written) < 12
