"""The event bus (graphql_api.events.EventBus) on both backends it runs on.

broadcaster 0.3.1 alone loses messages when several first subscribers of a channel arrive
together, and its Redis backend can return from ``subscribe`` before Redis confirmed it; these
tests pin the repairs: whatever is published after ``subscribe`` returned reaches every
subscriber.
"""

import asyncio
import secrets
from collections.abc import AsyncIterator

import pytest
import redis.asyncio as aioredis

from graphql_api.events import EventBus

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
