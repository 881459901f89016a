"""Group commit on the real database: items submitted together share one transaction, each is
answered after that commit with its own result or error, and one item's failure never costs
another its write."""

import asyncio
import dataclasses
import secrets
import socket

from psycopg.errors import DeadlockDetected
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from graphql_api.db import create_engine, create_sessionmaker
from graphql_api.errors import NotFound, ServiceUnavailable
from graphql_api.group_commit import GroupCommit, HeldBehind, Refused
from graphql_api.outbox import service as outbox_service
from graphql_api.outbox.models import OutboxEvent
from tests.test_metrics import sample

GROUP = "test_group"


class Recorder:
    """A write that stores its item as a row on a channel of this test's own, and notes the
    session (one per transaction) each item was written in."""

    def __init__(
        self,
        *,
        refuse: set[str] = frozenset(),
        fail_after_writing: set[str] = frozenset(),
        deadlock_victim_in_a_batch: set[str] = frozenset(),
    ):
        self.channel = f"test.group-commit.{secrets.token_hex(6)}"
        self.refuse, self.fail_after_writing = refuse, fail_after_writing
        self.deadlock_victim_in_a_batch = deadlock_victim_in_a_batch
        self.sessions: dict[str, list[object]] = {}
        self.order: list[str] = []

    async def write(self, session, items: list[str]) -> list[str | Refused]:
        outcomes: list[str | Refused] = []
        for item in items:
            self.order.append(item)
            self.sessions.setdefault(item, []).append(session)  # kept: ids of freed ones repeat
            if item in self.refuse:
                outcomes.append(Refused(NotFound(f"{item} is not here.")))
                continue
            await outbox_service.keep_undelivered(session, [(self.channel, item)])
            if item in self.fail_after_writing:
                raise RuntimeError(f"{item} broke after writing")
            if item in self.deadlock_victim_in_a_batch and len(items) > 1:
                raise OperationalError("SELECT ...", {}, DeadlockDetected("deadlock detected"))
            outcomes.append(item.upper())
        return outcomes

    async def stored(self, app_state) -> list[str]:
        async with app_state.sessionmaker() as session:
            rows = await session.scalars(
                select(OutboxEvent.message)
                .where(OutboxEvent.channel == self.channel)
                .order_by(OutboxEvent.message)
            )
            return list(rows)


def closed_port() -> int:
    """A port nothing listens on (bound for a moment, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def group(app_state, recorder: Recorder, **options) -> GroupCommit[str, str]:
    return GroupCommit(app_state, recorder.write, name=GROUP, order=lambda item: item[0], **options)


async def submit_all(commits: GroupCommit, items: list[str]) -> list[object]:
    return await asyncio.gather(*(commits.submit(item) for item in items), return_exceptions=True)


class TestGroupCommit:
    async def test_items_submitted_together_are_written_in_one_transaction(self, app_state):
        # given
        recorder = Recorder()
        items = ["a1", "b1", "c1", "d1"]
        batches_before = sample("pawgraph_group_commit_batch_items_count", group=GROUP)
        items_before = sample("pawgraph_group_commit_batch_items_sum", group=GROUP)

        # when
        results = await submit_all(group(app_state, recorder), items)

        # then: each its own result, all committed, one session for all, counted as one batch
        assert results == ["A1", "B1", "C1", "D1"]
        assert await recorder.stored(app_state) == items
        assert (
            len({session for sessions in recorder.sessions.values() for session in sessions}) == 1
        )
        assert sample("pawgraph_group_commit_batch_items_count", group=GROUP) == batches_before + 1
        assert sample("pawgraph_group_commit_batch_items_sum", group=GROUP) == items_before + 4

    async def test_an_item_arriving_alone_is_written_at_once(self, app_state):
        # given
        recorder = Recorder()

        # when
        result = await group(app_state, recorder).submit("a1")

        # then
        assert result == "A1"
        assert await recorder.stored(app_state) == ["a1"]

    async def test_a_batch_is_bounded_and_the_rest_go_in_the_next(self, app_state):
        # given
        recorder = Recorder()

        # when
        results = await submit_all(
            group(app_state, recorder, max_batch=2), ["a", "b", "c", "d", "e"]
        )

        # then
        assert results == ["A", "B", "C", "D", "E"]
        assert len({id(sessions[0]) for sessions in recorder.sessions.values()}) == 3

    async def test_a_batch_is_written_in_key_order_keeping_arrival_order_within_a_key(
        self, app_state
    ):
        # given
        recorder = Recorder()

        # when
        await submit_all(group(app_state, recorder), ["b1", "a1", "b2", "a2"])

        # then
        assert recorder.order == ["a1", "a2", "b1", "b2"]

    async def test_a_refused_item_gets_its_error_and_the_rest_commit_together(self, app_state):
        # given
        recorder = Recorder(refuse={"b1"})

        # when
        results = await submit_all(group(app_state, recorder), ["a1", "b1", "c1"])

        # then
        assert results[0::2] == ["A1", "C1"]
        assert isinstance(results[1], NotFound) and results[1].message == "b1 is not here."
        assert await recorder.stored(app_state) == ["a1", "c1"]
        assert len({id(sessions[0]) for sessions in recorder.sessions.values()}) == 1

    async def test_a_failure_rolls_the_batch_back_and_every_other_item_is_written_once(
        self, app_state
    ):
        # given: b1 writes its row, then fails
        recorder = Recorder(fail_after_writing={"b1"})
        fallbacks = sample("pawgraph_group_commit_fallbacks_total", group=GROUP)

        # when
        results = await submit_all(group(app_state, recorder), ["a1", "b1", "c1"])

        # then: a1 and c1 each written once, alone, after the shared attempt; b1 nowhere
        assert results[0::2] == ["A1", "C1"]
        assert isinstance(results[1], RuntimeError)
        assert await recorder.stored(app_state) == ["a1", "c1"]
        assert sample("pawgraph_group_commit_fallbacks_total", group=GROUP) == fallbacks + 1
        # (c1 came after the failure: its one attempt was alone)
        assert [len(recorder.sessions[item]) for item in ("a1", "b1", "c1")] == [2, 2, 1]

    async def test_a_batch_picked_as_a_deadlocks_victim_is_written_one_by_one(self, app_state):
        # given: the shared transaction is rolled back by PostgreSQL at b1 (a deadlock)
        recorder = Recorder(deadlock_victim_in_a_batch={"b1"})
        fallbacks = sample("pawgraph_group_commit_fallbacks_total", group=GROUP)

        # when
        results = await submit_all(group(app_state, recorder), ["a1", "b1", "c1"])

        # then: every item written once, alone; none told the database is away
        assert results == ["A1", "B1", "C1"]
        assert await recorder.stored(app_state) == ["a1", "b1", "c1"]
        assert sample("pawgraph_group_commit_fallbacks_total", group=GROUP) == fallbacks + 1

    async def test_keeping_order_an_item_failing_alone_holds_back_its_keys_later_items(
        self, app_state
    ):
        # given: a1 fails whenever it is written; a2 is the same key's next item
        recorder = Recorder(fail_after_writing={"a1"}, refuse={"b1"})
        commits = group(app_state, recorder, keep_order=True)

        # when
        results = await submit_all(commits, ["a1", "b1", "a2", "b2", "c1"])

        # then: a2 is not written before a1 (nor alone): held back, to be sent again after it
        assert isinstance(results[0], RuntimeError)
        assert isinstance(results[2], HeldBehind) and results[2].http_status == 503
        assert "a2" not in recorder.sessions  # (the shared attempt broke off at a1)
        # and: a refusal is settled, so b1 holds nothing back; other keys are written
        assert isinstance(results[1], NotFound)
        assert results[3:] == ["B2", "C1"]
        assert await recorder.stored(app_state) == ["b2", "c1"]

    async def test_not_keeping_order_the_keys_later_items_are_written_all_the_same(self, app_state):
        # given
        recorder = Recorder(fail_after_writing={"a1"})

        # when
        results = await submit_all(group(app_state, recorder), ["a1", "a2", "b1"])

        # then
        assert isinstance(results[0], RuntimeError)
        assert results[1:] == ["A2", "B1"]
        assert await recorder.stored(app_state) == ["a2", "b1"]

    async def test_an_unreachable_database_fails_every_item_at_once(self, app_state):
        # given: a database nothing listens for
        engine = create_engine(f"postgresql+psycopg://nobody@127.0.0.1:{closed_port()}/none")
        away = dataclasses.replace(
            app_state, engine=engine, sessionmaker=create_sessionmaker(engine)
        )
        recorder = Recorder()

        # when
        try:
            results = await submit_all(group(away, recorder), ["a1", "b1", "c1"])
        finally:
            await engine.dispose()

        # then: each its own ServiceUnavailable, and no item tried alone
        assert all(isinstance(result, ServiceUnavailable) for result in results)
        assert len({id(result) for result in results}) == 3
        assert all(len(sessions) == 1 for sessions in recorder.sessions.values())

    async def test_the_group_writes_again_after_a_batch(self, app_state):
        # given
        recorder = Recorder()
        commits = group(app_state, recorder)
        await commits.submit("a1")

        # when
        result = await commits.submit("a2")

        # then
        assert result == "A2"
        assert await recorder.stored(app_state) == ["a1", "a2"]

    async def test_a_second_writer_writes_while_the_first_batch_is_in_flight(self, app_state):
        # given: a write whose first batch is held open until the test lets it go
        recorder, started, release = Recorder(), asyncio.Event(), asyncio.Event()

        async def held_first(session, items):
            if items == ["a1"]:
                started.set()
                await release.wait()
            return await recorder.write(session, items)

        commits = GroupCommit(app_state, held_first, name=GROUP, order=lambda item: item, writers=2)
        first = asyncio.ensure_future(commits.submit("a1"))
        await asyncio.wait_for(started.wait(), timeout=10)

        # when: another item comes while the first batch is still in flight
        second = await asyncio.wait_for(commits.submit("b1"), timeout=10)

        # then: it was written and committed on its own, before the first
        assert second == "B1" and not first.done()
        release.set()
        assert await first == "A1"
        assert await recorder.stored(app_state) == ["a1", "b1"]

    async def test_a_cancelled_writer_leaves_no_submitter_waiting(self, app_state):
        # given: a write cancelled midway (as when the loop closes)
        async def cancelled(session, items):
            raise asyncio.CancelledError

        commits = GroupCommit(app_state, cancelled, name=GROUP, order=lambda item: item)

        # when
        outcomes = await asyncio.wait_for(submit_all(commits, ["a", "b"]), timeout=10)

        # then
        assert all(isinstance(outcome, asyncio.CancelledError) for outcome in outcomes)
