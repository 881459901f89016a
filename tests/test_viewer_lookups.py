"""ViewerLookups: tokens' viewers read in batches, on PostgreSQL. Lookups asked together share
one statement, each gets its own answer, a lookup that arrives while a batch is read joins the
next one, and a failed read reaches every waiter of its batch without stranding later ones."""

import asyncio
import contextlib
import datetime as dt

import pytest
from sqlalchemy.exc import OperationalError

from graphql_api.accounts.repository import UserRepository
from graphql_api.auth import Role, TokenClaims, Viewer
from graphql_api.db import utcnow
from graphql_api.errors import NotAuthenticated
from graphql_api.viewer_lookups import ViewerLookups
from tests.factories.accounts import create_user
from tests.support.database import counting_statements

TIMEOUT_S = 10


def token_of(user_id: int, name: str) -> TokenClaims:
    issued = utcnow() - dt.timedelta(minutes=1)
    return TokenClaims(user_id, f"{name}-{user_id}", issued, issued + dt.timedelta(hours=1))


class GatedSessions:
    """The test's session for every batch; while ``gate`` is clear, a batch waits for it."""

    def __init__(self, session) -> None:
        self.session = session
        self.gate = asyncio.Event()
        self.gate.set()
        self.opened = 0

    @contextlib.asynccontextmanager
    async def __call__(self):
        self.opened += 1
        await self.gate.wait()
        yield self.session


async def test_lookups_asked_together_share_one_statement_and_each_gets_its_own_answer(
    session,
):
    # given: a user's kept token, their logged-out one, and another user's
    owner, other = await create_user(session), await create_user(session)
    kept, logged_out, others = (
        token_of(owner.id, "kept"),
        token_of(owner.id, "out"),
        token_of(other.id, "theirs"),
    )
    await UserRepository(session).revoke_token(logged_out.token_id, owner.id, logged_out.expires_at)
    await session.flush()
    sessions = GatedSessions(session)
    lookups = ViewerLookups(sessions)

    # when
    with counting_statements(session.bind.engine) as statements:
        outcomes = await asyncio.wait_for(
            asyncio.gather(
                *(lookups.viewer_for(claims) for claims in (kept, logged_out, others)),
                return_exceptions=True,
            ),
            TIMEOUT_S,
        )

    # then
    assert len(statements) == 1 and sessions.opened == 1
    assert outcomes[0] == Viewer(user_id=owner.id, role=Role.OWNER)
    assert isinstance(outcomes[1], NotAuthenticated) and "revoked" in outcomes[1].message
    assert outcomes[2] == Viewer(user_id=other.id, role=Role.OWNER)


async def test_lookups_that_arrive_while_a_batch_is_read_share_the_next_statement(session):
    # given: a first lookup whose batch is held open
    users = [await create_user(session) for _ in range(4)]
    sessions = GatedSessions(session)
    sessions.gate.clear()
    lookups = ViewerLookups(sessions)
    with counting_statements(session.bind.engine) as statements:
        first = asyncio.create_task(lookups.viewer_for(token_of(users[0].id, "first")))
        while sessions.opened == 0:
            await asyncio.sleep(0)

        # when: three more arrive meanwhile, then the first batch is let go
        later = [
            asyncio.create_task(lookups.viewer_for(token_of(user.id, "later")))
            for user in users[1:]
        ]
        await asyncio.sleep(0.05)
        sessions.gate.set()
        viewers = await asyncio.wait_for(asyncio.gather(first, *later), TIMEOUT_S)

    # then: two batches, two statements
    assert [viewer.user_id for viewer in viewers] == [user.id for user in users]
    assert sessions.opened == 2 and len(statements) == 2


async def test_a_batch_reads_at_most_max_batch_tokens(session):
    # given
    user = await create_user(session)
    lookups = ViewerLookups(GatedSessions(session), max_batch=2)

    # when
    with counting_statements(session.bind.engine) as statements:
        viewers = await asyncio.wait_for(
            asyncio.gather(*(lookups.viewer_for(token_of(user.id, f"t{n}")) for n in range(5))),
            TIMEOUT_S,
        )

    # then
    assert {viewer.user_id for viewer in viewers} == {user.id}
    assert len(statements) == 3


async def test_a_failed_read_reaches_every_waiter_of_its_batch_and_the_next_lookup_reads_again(
    session,
):
    # given: a database that fails the first batch
    user = await create_user(session)
    failures = [OperationalError("SELECT", {}, ConnectionRefusedError("database down"))]

    @contextlib.asynccontextmanager
    async def sessions():
        if failures:
            raise failures.pop()
        yield session

    lookups = ViewerLookups(sessions)

    # when
    outcomes = await asyncio.wait_for(
        asyncio.gather(
            *(lookups.viewer_for(token_of(user.id, f"t{n}")) for n in range(3)),
            return_exceptions=True,
        ),
        TIMEOUT_S,
    )
    after = await asyncio.wait_for(lookups.viewer_for(token_of(user.id, "after")), TIMEOUT_S)

    # then
    assert [type(outcome) for outcome in outcomes] == [OperationalError] * 3
    assert after.user_id == user.id


async def test_a_waiter_that_went_away_does_not_hold_the_others(session):
    # given: a batch held open, with two waiters
    user = await create_user(session)
    sessions = GatedSessions(session)
    sessions.gate.clear()
    lookups = ViewerLookups(sessions)
    gone = asyncio.create_task(lookups.viewer_for(token_of(user.id, "gone")))
    kept = asyncio.create_task(lookups.viewer_for(token_of(user.id, "kept")))
    while sessions.opened == 0:
        await asyncio.sleep(0)

    # when: one of them is cancelled (its request ended) before the batch is read
    gone.cancel()
    sessions.gate.set()

    # then
    with pytest.raises(asyncio.CancelledError):
        await gone
    assert (await asyncio.wait_for(kept, TIMEOUT_S)).user_id == user.id
