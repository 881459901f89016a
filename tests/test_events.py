"""The event bus (graphql_api.events.EventBus) on both backends it runs on.

broadcaster 0.3.1 alone loses messages when several first subscribers of a channel arrive
together, and its Redis backend can return from ``subscribe`` before Redis confirmed it; these
tests pin the repairs: whatever is published after ``subscribe`` returned reaches every
subscriber.
"""

import asyncio
import contextlib
import secrets
from collections.abc import AsyncIterator, Iterator

import pytest
import redis.asyncio as aioredis

from graphql_api.events import EventBus, Subscription
from graphql_api.events.bus import FAN_OUT_CHUNK
from graphql_api.events.errors import EventsMissed, EventsUnavailable, SubscriberLagging
from tests.support.private_services import PrivateRedis

TIMEOUT_S = 10
CONCURRENT_SUBSCRIBERS = 20
MESSAGES = 5


@pytest.fixture(params=["memory", "redis"])
def bus_url(request, test_environment) -> str:
    return "memory://" if request.param == "memory" else test_environment.redis_url


@pytest.fixture
async def bus(bus_url: str) -> AsyncIterator[EventBus]:
    bus = EventBus(bus_url)
    await bus.connect()
    try:
        yield bus
    finally:
        await bus.disconnect()


def unique_channel() -> str:
    # Redis is shared with the live servers and other test sessions.
    return f"test.events.{secrets.token_hex(8)}"


async def receive(messages: AsyncIterator[str], count: int) -> list[str]:
    return [await asyncio.wait_for(anext(messages), TIMEOUT_S) for _ in range(count)]


async def subscribers_on(redis_url: str, channel: str) -> int:
    client = aioredis.Redis.from_url(redis_url)
    try:
        [(_, count)] = await client.pubsub_numsub(channel)
        return count
    finally:
        await client.aclose()


class TestSubscribe:
    async def test_receives_what_is_published_after_subscribe_returns(self, bus):
        # given
        channel = unique_channel()

        async with bus.subscribe(channel) as messages:
            # when
            for index in range(MESSAGES):
                await bus.publish(channel, f"message {index}")
            received = await receive(messages, MESSAGES)

        # then
        assert received == [f"message {index}" for index in range(MESSAGES)]

    async def test_a_commits_events_arrive_in_order_on_their_channels(self, bus):
        # given: one commit's events on two channels (sent in one round trip on Redis)
        channel, other = unique_channel(), unique_channel()
        committed = [(channel, "first"), (other, "second"), (channel, "third")]

        async with bus.subscribe(channel) as messages, bus.subscribe(other) as others:
            # when
            taken = await bus.publish_committed(committed)
            received = await receive(messages, 2), await receive(others, 1)

        # then
        assert taken is True
        assert received == (["first", "third"], ["second"])

    async def test_hears_only_its_own_channel(self, bus):
        # given
        channel, other = unique_channel(), unique_channel()

        async with bus.subscribe(channel) as messages:
            # when
            await bus.publish(other, "not for you")
            await bus.publish(channel, "for you")
            received = await receive(messages, 1)

        # then
        assert received == ["for you"]

    async def test_concurrent_first_subscribers_all_receive_every_message(self, bus):
        # given: many subscribers of one fresh channel arrive at once (the broadcaster race)
        channel = unique_channel()
        subscribed = [asyncio.Event() for _ in range(CONCURRENT_SUBSCRIBERS)]
        published = asyncio.Event()

        async def subscriber(ready: asyncio.Event) -> list[str]:
            async with bus.subscribe(channel) as messages:
                ready.set()
                await published.wait()
                return await receive(messages, MESSAGES)

        tasks = [asyncio.create_task(subscriber(ready)) for ready in subscribed]
        await asyncio.wait_for(asyncio.gather(*(ready.wait() for ready in subscribed)), TIMEOUT_S)

        # when
        for index in range(MESSAGES):
            await bus.publish(channel, f"message {index}")
        published.set()
        results = await asyncio.wait_for(asyncio.gather(*tasks), TIMEOUT_S * 2)

        # then
        expected = [f"message {index}" for index in range(MESSAGES)]
        assert results == [expected] * CONCURRENT_SUBSCRIBERS


class TestUnsubscribe:
    async def test_the_last_subscriber_leaving_releases_the_channel(self, bus, bus_url):
        # given
        channel = unique_channel()
        async with bus.subscribe(channel), bus.subscribe(channel):
            assert len(bus._subscribers[channel]) == 2

        # when: both left; a later publish reaches no one and breaks nothing
        await bus.publish(channel, "into the void")

        # then
        assert channel not in bus._subscribers
        if bus_url.startswith("redis"):
            assert await subscribers_on(bus_url, channel) == 0

    async def test_a_leaving_subscriber_does_not_cut_off_the_others(self, bus):
        # given
        channel = unique_channel()
        async with bus.subscribe(channel) as staying:
            async with bus.subscribe(channel):
                pass

            # when
            await bus.publish(channel, "still here")
            received = await receive(staying, 1)

        # then
        assert received == ["still here"]

    async def test_a_channel_can_be_subscribed_again_after_release(self, bus):
        # given
        channel = unique_channel()
        async with bus.subscribe(channel):
            pass

        # when
        async with bus.subscribe(channel) as messages:
            await bus.publish(channel, "again")
            received = await receive(messages, 1)

        # then
        assert received == ["again"]


class TestAcrossProcesses:
    async def test_a_message_published_on_one_redis_bus_reaches_another(self, test_environment):
        # given: two buses on one Redis, as two API processes have
        channel = unique_channel()
        publisher, listener = (
            EventBus(test_environment.redis_url),
            EventBus(test_environment.redis_url),
        )
        await publisher.connect()
        await listener.connect()
        try:
            async with listener.subscribe(channel) as messages:
                # when
                await publisher.publish(channel, "from process A")
                received = await receive(messages, 1)
        finally:
            await publisher.disconnect()
            await listener.disconnect()

        # then
        assert received == ["from process A"]

    async def test_the_health_check_reports_reachable_backends(self, bus):
        assert await bus.ping() is True


class TestNamespaces:
    async def test_buses_with_different_prefixes_on_one_redis_never_see_each_other(
        self, test_environment
    ):
        # given: two deployments sharing one Redis, and a third process of the first
        channel = unique_channel()
        ours, theirs, ours_too = (
            EventBus(test_environment.redis_url, channel_prefix="deployment-a:"),
            EventBus(test_environment.redis_url, channel_prefix="deployment-b:"),
            EventBus(test_environment.redis_url, channel_prefix="deployment-a:"),
        )
        for bus in (ours, theirs, ours_too):
            await bus.connect()
        try:
            async with (
                ours.subscribe(channel) as our_messages,
                theirs.subscribe(channel) as their_messages,
            ):
                # when
                await ours_too.publish(channel, "for deployment a")
                await theirs.publish(channel, "for deployment b")
                received_by_us = await receive(our_messages, 1)
                received_by_them = await receive(their_messages, 1)
        finally:
            for bus in (ours, theirs, ours_too):
                await bus.disconnect()

        # then
        assert received_by_us == ["for deployment a"]
        assert received_by_them == ["for deployment b"]


class TestBoundedQueues:
    async def test_a_subscriber_that_stops_reading_is_dropped_and_told_why(self, caplog):
        # given: room for 3 events per subscriber; one reads, one does not
        bus = EventBus("memory://", queue_size=3)
        await bus.connect()
        channel = unique_channel()
        lagging_callbacks: list[str] = []
        try:
            async with (
                bus.subscribe(channel, on_lagging=lambda: lagging_callbacks.append("slow")) as slow,
                bus.subscribe(channel) as reader,
            ):
                # when: 5 events; the reader keeps up, the slow one never reads
                received = []
                for index in range(5):
                    await bus.publish(channel, f"message {index}")
                    received += await receive(reader, 1)

                # then
                with pytest.raises(SubscriberLagging):
                    await asyncio.wait_for(anext(slow), TIMEOUT_S)
                assert received == [f"message {index}" for index in range(5)]
        finally:
            await bus.disconnect()
        assert lagging_callbacks == ["slow"]
        assert bus.dropped_lagging == 1
        assert "dropping a lagging subscriber" in caplog.text


class TestFanOut:
    async def test_other_tasks_run_between_chunks_of_a_large_fan_out(self, bus):
        # given: three chunks' worth of listeners on one channel, and a task that notes how
        # many of them had the event each time it gets to run
        channel = unique_channel()
        count = 3 * FAN_OUT_CHUNK
        heard: list[str] = []
        everyone_heard = asyncio.Event()

        def on_message(message: str) -> None:
            heard.append(message)
            if len(heard) == count:
                everyone_heard.set()

        listeners = [
            await bus.listen(channel, on_message, on_end=lambda error: None) for _ in range(count)
        ]
        seen_between: list[int] = []

        async def watch() -> None:
            while not everyone_heard.is_set():
                seen_between.append(len(heard))
                await asyncio.sleep(0)

        # when
        watcher = asyncio.create_task(watch())
        await bus.publish(channel, "status")
        await asyncio.wait_for(everyone_heard.wait(), TIMEOUT_S)
        await watcher
        for listener in listeners:
            await bus.stop_listening(channel, listener)

        # then: every listener heard it once, and the task ran after each chunk
        assert heard == ["status"] * count
        assert {FAN_OUT_CHUNK, 2 * FAN_OUT_CHUNK} <= set(seen_between)

    async def test_a_listener_that_leaves_during_a_fan_out_is_not_handed_the_event(self):
        # given: two chunks' worth of listeners (on the memory backend, where the publish
        # wakes the bus's listener before this task's next step)
        bus = EventBus("memory://")
        await bus.connect()
        channel = unique_channel()
        heard_by: list[int] = []
        listeners = [
            await bus.listen(
                channel, lambda _, n=number: heard_by.append(n), on_end=lambda error: None
            )
            for number in range(2 * FAN_OUT_CHUNK)
        ]
        try:
            # when: as soon as the first chunk has it, every listener yet to hear it leaves
            await bus.publish(channel, "status")
            async with asyncio.timeout(TIMEOUT_S):
                while not heard_by:
                    await asyncio.sleep(0)
            first_chunk = set(heard_by)
            for number, listener in enumerate(listeners):
                if number not in first_chunk:
                    await bus.stop_listening(channel, listener)
            await asyncio.sleep(0.2)

            # then
            assert len(first_chunk) == FAN_OUT_CHUNK
            assert sorted(heard_by) == sorted(first_chunk)
        finally:
            await bus.disconnect()


class TestSubscriptionQueue:
    """One subscriber's queue on its own: its bound, and its one reader woken."""

    def test_holds_exactly_its_size_then_refuses(self):
        # given
        subscription = Subscription(3, None, "channel")

        # when
        offered = [subscription.offer(f"message {index}") for index in range(4)]

        # then
        assert offered == [True, True, True, False]

    async def test_a_waiting_reader_gets_the_next_message_and_then_the_queued_ones(self):
        # given: the reader waits on an empty queue
        subscription = Subscription(3, None, "channel")
        reading = asyncio.create_task(anext(subscription))
        await asyncio.sleep(0)

        # when
        subscription.offer("first")
        subscription.offer("second")

        # then
        assert await asyncio.wait_for(reading, TIMEOUT_S) == "first"
        assert await receive(subscription, 1) == ["second"]

    async def test_a_drained_queue_takes_its_size_again(self):
        # given: filled, then read empty
        subscription = Subscription(2, None, "channel")
        subscription.offer("a")
        subscription.offer("b")
        await receive(subscription, 2)

        # when
        offered = [subscription.offer(f"message {index}") for index in range(3)]

        # then
        assert offered == [True, True, False]

    async def test_ending_wakes_a_waiting_reader_with_the_error_and_drops_what_was_queued(self):
        # given
        subscription = Subscription(3, None, "channel")
        reading = asyncio.create_task(anext(subscription))
        await asyncio.sleep(0)

        # when
        subscription.end(EventsMissed())
        subscription.offer("after the end")

        # then
        with pytest.raises(EventsMissed):
            await asyncio.wait_for(reading, TIMEOUT_S)
        with pytest.raises(EventsMissed):
            await anext(subscription)

    async def test_a_cancelled_read_leaves_the_queue_usable(self):
        # given: a read abandoned while it waited
        subscription = Subscription(3, None, "channel")
        reading = asyncio.create_task(anext(subscription))
        await asyncio.sleep(0)
        reading.cancel()
        with pytest.raises(asyncio.CancelledError):
            await reading

        # when
        subscription.offer("later")

        # then
        assert await receive(subscription, 1) == ["later"]


class TestListen:
    """Callbacks on a channel instead of a queue read by a task (websocket session watches)."""

    async def test_calls_back_with_what_is_published_until_it_stops_listening(self, bus, bus_url):
        # given
        channel = unique_channel()
        heard: list[str] = []
        arrived = asyncio.Event()

        def on_message(message: str) -> None:
            heard.append(message)
            arrived.set()

        listener = await bus.listen(channel, on_message, on_end=lambda error: None)

        # when
        await bus.publish(channel, "revoked")
        await asyncio.wait_for(arrived.wait(), TIMEOUT_S)
        await bus.stop_listening(channel, listener)

        # then
        assert heard == ["revoked"]
        assert bus.subscriptions == 0
        if bus_url.startswith("redis"):
            assert await subscribers_on(bus_url, channel) == 0

    async def test_a_failing_callback_is_logged_and_keeps_listening(self, bus, caplog):
        # given: a listener whose callback fails on the first message, beside a subscriber
        channel = unique_channel()
        heard: list[str] = []

        def on_message(message: str) -> None:
            heard.append(message)
            if message == "bad":
                raise ValueError("unreadable")

        listener = await bus.listen(channel, on_message, on_end=lambda error: None)
        try:
            async with bus.subscribe(channel) as messages:
                # when
                await bus.publish(channel, "bad")
                await bus.publish(channel, "good")

                # then: the bus delivered both, to both
                assert await receive(messages, 2) == ["bad", "good"]
        finally:
            await bus.stop_listening(channel, listener)
        assert heard == ["bad", "good"]
        assert "a listener of" in caplog.text


@pytest.fixture
def private_redis(tmp_path) -> Iterator[PrivateRedis]:
    server = PrivateRedis(tmp_path).start()
    yield server
    server.stop()


@contextlib.asynccontextmanager
async def subscription_ended_by_an_outage(
    redis: PrivateRedis,
) -> AsyncIterator[tuple[EventBus, str]]:
    """A bus and a channel whose subscription ended with RESYNC when Redis stopped (Redis is
    left stopped)."""
    bus = EventBus(redis.url)
    await bus.connect()
    channel = unique_channel()
    try:
        with pytest.raises(EventsMissed):
            async with bus.subscribe(channel) as messages:
                redis.stop()
                await asyncio.wait_for(anext(messages), TIMEOUT_S)
        yield bus, channel
    finally:
        await bus.disconnect()


async def reconnected(bus: EventBus) -> None:
    """Wait (bounded) for the bus's pub/sub reader to reach Redis again."""
    deadline = asyncio.get_running_loop().time() + TIMEOUT_S
    while bus.interrupted and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.1)


class TestRedisOutage:
    async def test_running_subscriptions_are_told_to_resync_and_new_ones_refused(
        self, private_redis: PrivateRedis
    ):
        # given
        bus = EventBus(private_redis.url)
        await bus.connect()
        channel = unique_channel()
        try:
            ended: list[Exception] = []
            listener = await bus.listen(channel, lambda message: None, on_end=ended.append)
            async with bus.subscribe(channel) as messages:
                await bus.publish(channel, "before")
                assert await receive(messages, 1) == ["before"]

                # when
                private_redis.stop()

                # then: the running subscription ends with RESYNC, a listener is told ...
                with pytest.raises(EventsMissed):
                    await asyncio.wait_for(anext(messages), TIMEOUT_S)
                assert [type(error) for error in ended] == [EventsMissed]
            await bus.stop_listening(channel, listener)
            # ... a new one is refused with SERVICE_UNAVAILABLE, and publishing after a commit
            # reports failure without raising
            with pytest.raises(EventsUnavailable):
                async with bus.subscribe(unique_channel()):
                    pass
            assert await bus.publish_committed([(channel, "during")]) is False
            assert await bus.ping() is False
        finally:
            await bus.disconnect()

    async def test_after_redis_returns_publishing_and_subscribing_work_at_once(
        self, private_redis: PrivateRedis
    ):
        # given: pooled connections that Redis dropped when it went away
        bus, publisher = EventBus(private_redis.url), EventBus(private_redis.url)
        await bus.connect()
        await publisher.connect()
        channel = unique_channel()
        try:
            await publisher.publish(channel, "warm the pool")
            await publisher.publish_committed([(channel, "and load"), (channel, "the script")])
            private_redis.stop()
            assert await publisher.publish_committed([(channel, "lost")]) is False
            private_redis.start()
            await asyncio.sleep(1.1)  # past the publish pause that follows a failure

            # when: the pub/sub reader reconnects by itself, subscriptions work again
            await reconnected(bus)
            async with bus.subscribe(channel) as messages:
                # (a restarted Redis lost the publishing script: it is loaded again)
                published = await publisher.publish_committed([(channel, "after"), (channel, "it")])
                received = await receive(messages, 2)
        finally:
            await bus.disconnect()
            await publisher.disconnect()

        # then: the stale pooled connection was replaced, not reported as an error
        assert published is True
        assert received == ["after", "it"]

    async def test_a_subscriber_arriving_as_redis_returns_is_served_not_refused(
        self, private_redis: PrivateRedis
    ):
        # given: a bus that noticed the outage
        async with subscription_ended_by_an_outage(private_redis) as (bus, channel):
            # when: Redis is back and someone subscribes at once, before the reader's own retry
            private_redis.start()
            async with bus.subscribe(channel) as messages:
                await bus.publish(channel, "back")
                received = await receive(messages, 1)

        # then
        assert received == ["back"]
        assert not bus.interrupted

    async def test_a_connection_redis_cut_while_staying_up_tells_subscriptions_to_resync(
        self, private_redis: PrivateRedis
    ):
        # given: a running subscription and a listener
        bus = EventBus(private_redis.url)
        await bus.connect()
        channel = unique_channel()
        admin = aioredis.Redis.from_url(private_redis.url)
        try:
            ended: list[Exception] = []
            listener = await bus.listen(channel, lambda message: None, on_end=ended.append)
            async with bus.subscribe(channel) as messages:
                await bus.publish(channel, "before")
                assert await receive(messages, 1) == ["before"]

                # when: Redis cuts the pub/sub connection (as at its output buffer limit) and
                # stays up; redis-py reconnects at once, and what was published in between
                # is lost
                assert await admin.client_kill_filter(_type="pubsub") == 1

                # then: the subscription ends with RESYNC, the listener is told
                with pytest.raises(EventsMissed):
                    await asyncio.wait_for(anext(messages), TIMEOUT_S)
                assert [type(error) for error in ended] == [EventsMissed]
            await bus.stop_listening(channel, listener)

            # and: the bus is up, and a new subscription gets what follows
            async with bus.subscribe(channel) as messages:
                await bus.publish(channel, "after")
                assert await receive(messages, 1) == ["after"]
            assert not bus.interrupted
        finally:
            await admin.aclose()
            await bus.disconnect()

    async def test_a_read_failing_with_an_error_of_no_connection_kind_is_survived(
        self, private_redis: PrivateRedis
    ):
        # given: a running subscription
        bus = EventBus(private_redis.url)
        await bus.connect()
        channel = unique_channel()
        try:
            async with bus.subscribe(channel) as messages:
                # when: a pub/sub read fails with an error redis-py does not raise as a
                # connection error (seen: two coroutines reading one reconnect's handshake),
                # injected into the bus's own redis-py PubSub
                pubsub = bus._backend._pubsub
                read = pubsub.get_message
                failures = [RuntimeError("read() called while another coroutine is waiting")]

                async def failing_once(**kwargs):
                    if failures:
                        raise failures.pop()
                    return await read(**kwargs)

                pubsub.get_message = failing_once

                # then: the subscription is told to RESYNC
                with pytest.raises(EventsMissed):
                    await asyncio.wait_for(anext(messages), TIMEOUT_S)

            # and: the reader reads again on a new connection, and a new subscription gets
            # what follows
            await reconnected(bus)
            async with bus.subscribe(channel) as messages:
                await bus.publish(channel, "after")
                assert await receive(messages, 1) == ["after"]
        finally:
            await bus.disconnect()

    async def test_channels_left_during_the_outage_are_not_resubscribed(
        self, private_redis: PrivateRedis
    ):
        # given: a subscription that ends (RESYNC) while Redis is away
        async with subscription_ended_by_an_outage(private_redis) as (bus, channel):
            # when: Redis returns and the bus reconnects
            private_redis.start()
            await reconnected(bus)
            await asyncio.sleep(1.0)

            # then: nobody in this process listens on the channel any more
            assert not bus.interrupted
            assert await subscribers_on(private_redis.url, channel) == 0
