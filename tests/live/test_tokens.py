"""Access tokens (issue 8, item 2): forged and foreign tokens are refused, logout and suspension
revoke tokens in every process, and a rotated key keeps verifying the tokens it signed."""

import asyncio
import datetime as dt
import secrets
from collections.abc import Iterator
from pathlib import Path

import jwt
import pytest

from tests.conftest import SHARED_SERVER_RATE_LIMITS, TEST_SECRET_KEY
from tests.factories.accounts import PASSWORD, logged_in, signed_up
from tests.support.graphql_client import GraphQLClient, post_graphql
from tests.support.live_server import LiveServer, start_server

ME = "query Me { me { id email role } }"
LOGOUT = """
mutation Logout($input: LogoutInput!) {
  logout(input: $input) { revoked userErrors { code message } }
}
"""
SUSPEND = """
mutation Suspend($input: UserSuspensionInput!) {
  suspendUser(input: $input) { suspendedAt userErrors { code } }
}
"""
UNSUSPEND = """
mutation Unsuspend($input: UserSuspensionInput!) {
  unsuspendUser(input: $input) { userErrors { code } }
}
"""
CREATE_POST = """
mutation Post($input: CreatePostInput!) { createPost(input: $input) { userErrors { code } } }
"""
ROTATED_SECRET = secrets.token_urlsafe(48)


async def token_accepted(server: LiveServer, token: str) -> bool:
    """Whether ``token`` names a viewer. A refused token does not block the request (``login``
    must work with a stale header): it runs anonymously, and its response says why."""
    response = await post_graphql(server, {"query": ME}, {"Authorization": f"Bearer {token}"})
    body = response.json()
    assert response.status_code == 200, body
    if body["data"]["me"] is not None:
        return True
    assert body["extensions"]["authentication"]["code"] == "NOT_AUTHENTICATED", body
    return False


def forged(user_id: str, key: str, **claims: object) -> str:
    now = int(dt.datetime.now(dt.UTC).timestamp())
    body = {"sub": user_id, "iat": now, "exp": now + 600, **claims}
    return jwt.encode(body, key, algorithm="HS256")


@pytest.fixture(scope="module")
def rotated_server(server_logs: Path, database_url: str, test_environment) -> Iterator[LiveServer]:
    """A process that signs with a new key and still verifies the suite's (the previous) one."""
    server = start_server(
        server_logs,
        "rotated",
        env="test",
        database_url=database_url,
        broadcast_url=test_environment.redis_url,
        secret_key=ROTATED_SECRET,
        previous_secret_key=TEST_SECRET_KEY,
        rate_limits=SHARED_SERVER_RATE_LIMITS,
    )
    yield server
    server.stop()


@pytest.fixture(scope="module")
def caching_pair(
    server_logs: Path, database_url: str, test_environment
) -> Iterator[tuple[LiveServer, LiveServer]]:
    """Two processes that keep a token's viewer for an hour: only the bus can make them forget
    one (the suite's servers keep it for the default few seconds)."""
    servers = [
        start_server(
            server_logs,
            name,
            env="test",
            database_url=database_url,
            broadcast_url=test_environment.redis_url,
            secret_key=TEST_SECRET_KEY,
            rate_limits=SHARED_SERVER_RATE_LIMITS,
            viewer_cache_ttl="3600",
        )
        for name in ("caching-a", "caching-b")
    ]
    yield servers[0], servers[1]
    for server in servers:
        server.stop()


async def refused_soon(server: LiveServer, token: str) -> bool:
    """Whether ``token`` is refused on ``server`` within a bounded wait (the revocation crosses
    the bus to reach another process); never used to time anything."""
    for _ in range(150):
        if not await token_accepted(server, token):
            return True
        await asyncio.sleep(0.2)
    return False


GOOD_CLAIMS = {"iss": "pawgraph", "aud": "pawgraph-apps", "jti": "f" * 32}


class TestForgedTokens:
    @pytest.mark.parametrize(
        ("key", "claims"),
        [
            # the forgery: HS256 with a guessed secret
            pytest.param("x", GOOD_CLAIMS, id="guessed-secret"),
            # the pre-issue-8 shape: no iss, aud or jti
            pytest.param(TEST_SECRET_KEY, {}, id="no-iss-aud-jti"),
            pytest.param(TEST_SECRET_KEY, {**GOOD_CLAIMS, "iss": "someone-else"}, id="iss"),
            pytest.param(TEST_SECRET_KEY, {**GOOD_CLAIMS, "aud": "another-service"}, id="aud"),
        ],
    )
    async def test_are_refused(self, owner, key, claims):
        # given: a token for the owner's id
        user_id = jwt.decode(owner.token, options={"verify_signature": False})["sub"]
        token = forged(user_id, key, **claims)
        # when
        accepted = await token_accepted(owner.server, token)
        # then
        assert await token_accepted(owner.server, owner.token) is True
        assert accepted is False


class TestLogout:
    async def test_revokes_the_token_in_every_process(self, owner, server_b, anonymous):
        # given: two sessions of one user
        email = (await owner.execute(ME))["me"]["email"]
        second = await logged_in(anonymous, email, PASSWORD)
        # when: the first logs out on server A
        result = await owner.execute(LOGOUT, {"input": {}})
        # then: refused on server B too; the other session still works
        assert result["logout"] == {"revoked": True, "userErrors": []}
        assert await token_accepted(server_b, owner.token) is False
        assert await token_accepted(owner.server, owner.token) is False
        assert await token_accepted(server_b, second.token) is True

    async def test_everywhere_revokes_every_token(self, owner, anonymous):
        # given
        email = (await owner.execute(ME))["me"]["email"]
        second = await logged_in(anonymous, email, PASSWORD)
        # when
        await owner.execute(LOGOUT, {"input": {"everywhere": True}})
        # then: old tokens die, a new login works
        assert await token_accepted(owner.server, second.token) is False
        fresh = await logged_in(anonymous, email, PASSWORD)
        assert await token_accepted(owner.server, fresh.token) is True

    async def test_needs_a_token(self, anonymous):
        # when
        result = await anonymous.execute(LOGOUT, {"input": {}})
        # then
        assert [e["code"] for e in result["logout"]["userErrors"]] == ["NOT_AUTHENTICATED"]


class TestSuspension:
    async def test_revokes_the_users_tokens_and_a_new_login_only_reads(
        self, owner, staff, anonymous
    ):
        # given
        me = (await owner.execute(ME))["me"]
        # when
        suspended = await staff.execute(SUSPEND, {"input": {"userId": me["id"]}})
        # then
        assert suspended["suspendUser"]["userErrors"] == []
        assert await token_accepted(owner.server, owner.token) is False
        again = await logged_in(anonymous, me["email"], PASSWORD)
        assert (await again.execute(ME))["me"]["id"] == me["id"]
        refused = await again.execute(CREATE_POST, {"input": {"text": "hello"}})
        assert [e["code"] for e in refused["createPost"]["userErrors"]] == ["ACCOUNT_SUSPENDED"]


class TestCachedViewers:
    """Each process keeps a token's viewer for a while (graphql_api/viewer_cache.py); a
    revocation empties it at once where it was made and over the bus everywhere else."""

    async def test_logout_is_refused_at_once_here_and_over_the_bus_there(self, owner, caching_pair):
        # given: the token was used, so both processes keep its viewer
        here, there = caching_pair
        assert await token_accepted(here, owner.token) is True
        assert await token_accepted(there, owner.token) is True
        # when: it logs out on one of them
        result = await GraphQLClient(here, owner.token).execute(LOGOUT, {"input": {}})
        # then: refused on that process's very next request, and on the other one too
        assert result["logout"] == {"revoked": True, "userErrors": []}
        assert await token_accepted(here, owner.token) is False
        assert await refused_soon(there, owner.token) is True

    async def test_suspension_is_refused_at_once_here_and_over_the_bus_there(
        self, owner, staff, caching_pair
    ):
        # given
        here, there = caching_pair
        moderator = GraphQLClient(here, staff.token)
        me = (await owner.execute(ME))["me"]
        assert await token_accepted(here, owner.token) is True
        assert await token_accepted(there, owner.token) is True
        # when
        suspended = await moderator.execute(SUSPEND, {"input": {"userId": me["id"]}})
        # then
        assert suspended["suspendUser"]["userErrors"] == []
        assert await token_accepted(here, owner.token) is False
        assert await refused_soon(there, owner.token) is True

    async def test_lifting_a_suspension_lets_a_kept_viewer_write_again(
        self, owner, staff, anonymous, caching_pair
    ):
        # given: suspended, logged in again, and that token's read-only viewer kept on both
        here, there = caching_pair
        moderator = GraphQLClient(here, staff.token)
        me = (await owner.execute(ME))["me"]
        await moderator.execute(SUSPEND, {"input": {"userId": me["id"]}})
        again = GraphQLClient(there, (await logged_in(anonymous, me["email"], PASSWORD)).token)
        refused = await again.execute(CREATE_POST, {"input": {"text": "hello"}})
        assert [e["code"] for e in refused["createPost"]["userErrors"]] == ["ACCOUNT_SUSPENDED"]
        # when
        lifted = await moderator.execute(UNSUSPEND, {"input": {"userId": me["id"]}})
        # then: the other process lets the same token write (within a bounded wait)
        assert lifted["unsuspendUser"]["userErrors"] == []
        for _ in range(150):
            posted = await again.execute(CREATE_POST, {"input": {"text": "hello"}})
            if not posted["createPost"]["userErrors"]:
                break
            await asyncio.sleep(0.2)
        assert posted["createPost"]["userErrors"] == []


class TestRotation:
    async def test_the_previous_key_still_verifies_and_the_new_one_signs(
        self, owner, rotated_server, anonymous
    ):
        # given: a token the suite's key signed
        email = (await owner.execute(ME))["me"]["email"]
        # when
        old_token_on_rotated = await token_accepted(rotated_server, owner.token)
        new = await logged_in(GraphQLClient(rotated_server), email, PASSWORD)
        # then: the rotated process signs with its new key, which the old process does not know
        assert old_token_on_rotated is True
        assert await token_accepted(rotated_server, new.token) is True
        assert await token_accepted(anonymous.server, new.token) is False
        with pytest.raises(jwt.InvalidSignatureError):
            jwt.decode(new.token, TEST_SECRET_KEY, algorithms=["HS256"], audience="pawgraph-apps")


class TestTokenClaims:
    async def test_carry_issuer_audience_and_a_token_id(self, anonymous):
        # given
        client = await signed_up(anonymous, "claims")
        # when
        claims = jwt.decode(
            client.token, TEST_SECRET_KEY, algorithms=["HS256"], audience="pawgraph-apps"
        )
        # then
        assert claims["iss"] == "pawgraph"
        assert len(claims["jti"]) == 32
        assert await token_accepted(anonymous.server, client.token) is True
