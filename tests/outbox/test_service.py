"""The outbox: events a committed unit of work could not publish wait in ``outbox_events`` (in
commit order) and the ``event-outbox`` job sends them on, once."""

import asyncio
import secrets

from sqlalchemy import select

from graphql_api import events
from graphql_api.jobs.registry import job_named
from graphql_api.jobs.runner import run_once
from graphql_api.outbox import service as outbox_service
from graphql_api.outbox.models import OutboxEvent
from graphql_api.unit_of_work import commit, unit_of_work


class BusAway:
    """A bus whose backend is unreachable: it takes nothing."""

    def __init__(self) -> None:
        self.tried: list[list[str]] = []  # the channels of each attempt

    async def publish_committed(self, committed: list[tuple[str, str]]) -> bool:
        self.tried.append([channel for channel, _ in committed])
        return False


def unique_channel() -> str:
    return f"test.outbox.{secrets.token_hex(6)}"


async def waiting_on(app_state, channel: str) -> list[str]:
    async with app_state.sessionmaker() as session:
        rows = await session.scalars(
            select(OutboxEvent).where(OutboxEvent.channel == channel).order_by(OutboxEvent.id)
        )
        return [row.message for row in rows]


class TestDispatch:
    async def test_events_the_bus_refuses_wait_in_the_outbox_in_commit_order(self, app_state):
        # given
        channel, bus = unique_channel(), BusAway()
        async with app_state.sessionmaker() as session:
            for number in range(3):
                events.publish_message(session, channel, f"event {number}")

            # when
            await commit(session, bus)

        # then: one attempt with the commit's events, then all of them to the outbox
        assert bus.tried == [[channel] * 3]
        assert await waiting_on(app_state, channel) == ["event 0", "event 1", "event 2"]

    async def test_a_rolled_back_unit_keeps_nothing(self, app_state):
        # given
        channel = unique_channel()

        # when
        try:
            async with unit_of_work(app_state) as session:
                events.publish_message(session, channel, "never committed")
                raise RuntimeError("the write failed")
        except RuntimeError:
            pass

        # then
        assert await waiting_on(app_state, channel) == []


class TestDrain:
    async def test_the_job_sends_what_waited_once_and_empties_the_outbox(self, app_state):
        # given: two events kept during an outage
        channel = unique_channel()
        async with unit_of_work(app_state) as session:
            await outbox_service.keep_undelivered(
                session, [(channel, "first"), (channel, "second")]
            )

        async with app_state.bus.subscribe(channel) as messages:
            # when: the bus is back and the job runs (twice)
            first_run = await run_once(app_state, job_named("event-outbox"))
            await run_once(app_state, job_named("event-outbox"))
            received = [await asyncio.wait_for(anext(messages), 5) for _ in range(2)]
            leftover = asyncio.ensure_future(anext(messages))
            await asyncio.sleep(0.2)

        # then: in order, once, and nothing waits any more
        assert first_run.ran and first_run.result >= 2
        assert received == ["first", "second"]
        assert not leftover.done()
        leftover.cancel()
        assert await waiting_on(app_state, channel) == []
