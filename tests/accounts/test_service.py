import datetime as dt

import pytest

from graphql_api.accounts import service as accounts_service
from graphql_api.accounts.errors import (
    AccountErrorCode,
    EmailTaken,
    InvalidCredentials,
    InvalidEmail,
    InvalidTimeZone,
    PasswordTooLong,
    WeakPassword,
)
from graphql_api.accounts.repository import UserRepository
from graphql_api.accounts.service import Registration, SessionEndReason
from graphql_api.auth import Role, TokenClaims, Viewer, verify_access_token
from graphql_api.db import utcnow
from graphql_api.errors import CommonErrorCode, NotAuthenticated, RateLimited
from graphql_api.ratelimit import Attempts, MemoryCounter, RateLimiter
from tests.factories.accounts import PASSWORD, create_user, unique_email
from tests.support.database import counting_statements

NOW = dt.datetime(2026, 11, 23, 18, 0, tzinfo=dt.UTC)


class TestRegister:
    async def test_normalises_the_email_and_hashes_the_password(self, session):
        # given
        email = unique_email("Mixed")
        registration = Registration(f"  {email.upper()} ", PASSWORD, " Ana ", "Asia/Manila")

        # when
        user = await accounts_service.register(session, registration)

        # then
        assert user.id is not None
        assert user.email == email.lower()
        assert user.display_name == "Ana"
        assert user.role is Role.OWNER
        assert user.time_zone == "Asia/Manila"
        assert PASSWORD not in user.password_hash
        assert user.password_hash.startswith("$argon2")

    async def test_a_taken_email_is_refused_whatever_its_case(self, session):
        # given
        existing = await create_user(session)
        registration = Registration(existing.email.upper(), PASSWORD, "Copycat")

        # when
        with pytest.raises(EmailTaken) as raised:
            await accounts_service.register(session, registration)

        # then
        assert raised.value.code is AccountErrorCode.EMAIL_TAKEN
        assert raised.value.field == ["email"]

    @pytest.mark.parametrize(
        "email", ["", "no-at-sign.example.com", "two@@example.com", "a b@example.com"]
    )
    async def test_an_invalid_email_is_refused(self, session, email):
        # given
        registration = Registration(email, PASSWORD, "Someone")

        # when / then
        with pytest.raises(InvalidEmail) as raised:
            await accounts_service.register(session, registration)
        assert raised.value.field == ["email"]

    @pytest.mark.parametrize(
        ("password", "reason"),
        [
            ("short-1", "at least 10"),
            ("onlyletterspassword", "mix letters"),
            ("12345678901234", "mix letters"),
        ],
    )
    async def test_a_weak_password_is_refused(self, session, password, reason):
        # given
        registration = Registration(unique_email(), password, "Someone")

        # when
        with pytest.raises(WeakPassword) as raised:
            await accounts_service.register(session, registration)

        # then
        assert raised.value.code is AccountErrorCode.WEAK_PASSWORD
        assert raised.value.field == ["password"]
        assert reason in raised.value.message

    async def test_a_password_containing_the_email_name_is_refused(self, session):
        # given
        registration = Registration("rosalind@example.com", "Rosalind-2026!", "Rosalind")

        # when / then
        with pytest.raises(WeakPassword, match="email name"):
            await accounts_service.register(session, registration)

    @pytest.mark.parametrize("time_zone", ["Mars/Olympus_Mons", "", "../../etc/passwd", "UTC+8"])
    async def test_an_unknown_time_zone_is_refused(self, session, time_zone):
        # given
        registration = Registration(unique_email(), PASSWORD, "Someone", time_zone)

        # when
        with pytest.raises(InvalidTimeZone) as raised:
            await accounts_service.register(session, registration)

        # then
        assert raised.value.code is AccountErrorCode.INVALID_TIME_ZONE
        assert raised.value.field == ["timeZone"]


class TestLogin:
    async def test_right_credentials_give_a_token_naming_the_user(self, session, settings):
        # given
        user = await create_user(session)
        now = utcnow()

        # when
        access = await accounts_service.login(
            session, settings, f" {user.email.upper()}", PASSWORD, now
        )

        # then
        assert access.user.id == user.id
        assert access.expires_at == (now + settings.access_token_ttl).replace(microsecond=0)
        assert verify_access_token(settings, access.token).user_id == user.id

    async def test_a_wrong_password_is_refused(self, session, settings):
        # given
        user = await create_user(session)

        # when
        with pytest.raises(InvalidCredentials) as raised:
            await accounts_service.login(session, settings, user.email, PASSWORD + "x", NOW)

        # then
        assert raised.value.code is AccountErrorCode.INVALID_CREDENTIALS

    async def test_an_unknown_email_is_refused_alike(self, session, settings):
        # given
        email = unique_email("nobody")

        # when
        with pytest.raises(InvalidCredentials) as raised:
            await accounts_service.login(session, settings, email, PASSWORD, NOW)

        # then: the same error as a wrong password, so emails cannot be probed
        assert raised.value.message == InvalidCredentials.default_message


class TestGetViewer:
    async def test_the_viewer_carries_role_and_is_not_suspended(self, session):
        # given
        user = await create_user(session, Role.STAFF)

        # when
        viewer = await accounts_service.get_viewer(session, user.id)

        # then
        assert viewer is not None
        assert (viewer.user_id, viewer.role, viewer.suspended) == (user.id, Role.STAFF, False)

    async def test_a_suspended_users_viewer_is_suspended(self, session):
        # given
        user = await create_user(session)
        user.suspended_at = utcnow()
        await session.flush()

        # when
        viewer = await accounts_service.get_viewer(session, user.id)

        # then
        assert viewer is not None
        assert viewer.suspended is True

    async def test_an_unknown_user_has_no_viewer(self, session):
        # given
        user = await create_user(session)
        missing_id = user.id + 1_000_000

        # when
        viewer = await accounts_service.get_viewer(session, missing_id)

        # then
        assert viewer is None


def attempts_from(client_ip: str = "203.0.113.9") -> Attempts:
    return Attempts(RateLimiter(MemoryCounter()), client_ip)


class TestLoginLimits:
    async def test_ten_failures_lock_the_account_even_for_the_right_password(
        self, session, settings
    ):
        # given
        user = await create_user(session)
        attempts = attempts_from()
        for _ in range(10):
            with pytest.raises(InvalidCredentials):
                await accounts_service.login(
                    session, settings, user.email, "wrong-password-1", NOW, attempts
                )
        # when / then
        with pytest.raises(RateLimited) as raised:
            await accounts_service.login(session, settings, user.email, PASSWORD, NOW, attempts)
        assert raised.value.retry_after >= 1

    async def test_an_overlong_password_is_refused_before_hashing(self, session, settings):
        # when / then
        with pytest.raises(PasswordTooLong) as raised:
            await accounts_service.login(session, settings, unique_email(), "x" * 1025, NOW)
        assert raised.value.field == ["password"]

    async def test_registrations_are_limited_per_address(self, session):
        # given
        attempts = attempts_from()
        for _ in range(20):
            await accounts_service.register(
                session, Registration(unique_email(), PASSWORD, "R"), attempts
            )
        # when / then
        with pytest.raises(RateLimited):
            await accounts_service.register(
                session, Registration(unique_email(), PASSWORD, "R"), attempts
            )


class TestRevocation:
    """Tokens are verified against the real clock: these are issued now."""

    async def test_logout_revokes_that_token_only(self, session, settings):
        # given: a minute ago, so no token is issued in the future (PyJWT refuses those)
        now = utcnow() - dt.timedelta(minutes=1)
        user = await create_user(session)
        first = await accounts_service.login(session, settings, user.email, PASSWORD, now)
        second = await accounts_service.login(
            session, settings, user.email, PASSWORD, now + dt.timedelta(seconds=1)
        )
        first_claims = verify_access_token(settings, first.token)
        viewer = await accounts_service.viewer_for_token(session, first_claims)
        # when
        await accounts_service.logout(session, viewer, first_claims, False, now)
        # then
        with pytest.raises(NotAuthenticated):
            await accounts_service.viewer_for_token(session, first_claims)
        second_viewer = await accounts_service.viewer_for_token(
            session, verify_access_token(settings, second.token)
        )
        assert second_viewer.user_id == user.id

    async def test_revoking_all_tokens_spares_later_ones(self, session, settings):
        # given: a minute ago, so no token is issued in the future (PyJWT refuses those)
        now = utcnow() - dt.timedelta(minutes=1)
        user = await create_user(session)
        before = await accounts_service.login(session, settings, user.email, PASSWORD, now)
        # when
        await accounts_service.revoke_all_tokens(
            session, user.id, now + dt.timedelta(seconds=1), SessionEndReason.LOGGED_OUT
        )
        after = await accounts_service.login(
            session, settings, user.email, PASSWORD, now + dt.timedelta(seconds=2)
        )
        # then
        with pytest.raises(NotAuthenticated):
            await accounts_service.viewer_for_token(
                session, verify_access_token(settings, before.token)
            )
        viewer = await accounts_service.viewer_for_token(
            session, verify_access_token(settings, after.token)
        )
        assert viewer.user_id == user.id


class TestViewersForTokens:
    """Many tokens' viewers in one statement (a process's batched lookups), each token judged
    by the rules ``viewer_for_token`` applies to one."""

    @pytest.fixture(params=["postgresql", "sqlite"])
    def either_session(self, request, session, sqlite_session):
        return session if request.param == "postgresql" else sqlite_session

    async def test_each_token_gets_its_own_answer_from_one_statement(self, either_session):
        # given: tokens issued a minute ago, of users in every state a token can meet
        session = either_session
        issued = utcnow() - dt.timedelta(minutes=1)
        owner, everywhere, suspended = [await create_user(session) for _ in range(3)]

        def token_of(user_id: int, name: str, at: dt.datetime = issued) -> TokenClaims:
            return TokenClaims(user_id, f"{name}-{user_id}", at, at + dt.timedelta(hours=1))

        kept, logged_out = token_of(owner.id, "kept"), token_of(owner.id, "logged-out")
        await UserRepository(session).revoke_token(
            logged_out.token_id, owner.id, logged_out.expires_at
        )
        before_all, after_all = (
            token_of(everywhere.id, "before"),
            token_of(everywhere.id, "after", issued + dt.timedelta(seconds=2)),
        )
        everywhere.tokens_revoked_at = issued + dt.timedelta(seconds=1)
        of_suspended = token_of(suspended.id, "suspended")
        suspended.suspended_at = suspended.tokens_revoked_at = issued + dt.timedelta(seconds=1)
        gone = token_of(owner.id + 1_000_000, "gone")
        await session.flush()
        tokens = [kept, logged_out, before_all, after_all, of_suspended, gone, kept]

        # when
        with counting_statements(session.bind.engine) as statements:
            outcomes = await accounts_service.viewers_for_tokens(session, tokens)

        # then
        assert len(statements) == 1
        kept_viewer = Viewer(user_id=owner.id, role=Role.OWNER)
        assert outcomes[0] == outcomes[6] == kept_viewer
        assert outcomes[3] == Viewer(user_id=everywhere.id, role=Role.OWNER)
        refused = {index: outcome for index, outcome in enumerate(outcomes)}
        for index in (1, 2, 4, 5):
            assert isinstance(refused[index], NotAuthenticated)
        assert "revoked" in refused[1].message and "revoked" in refused[2].message
        assert refused[4].code is CommonErrorCode.ACCOUNT_SUSPENDED
        assert "no longer exists" in refused[5].message

    async def test_one_token_raises_what_the_batch_answers_for_it(self, session):
        # given
        user = await create_user(session)
        issued = utcnow() - dt.timedelta(minutes=1)
        claims = TokenClaims(user.id, "revoked-one", issued, issued + dt.timedelta(hours=1))
        await UserRepository(session).revoke_token(claims.token_id, user.id, claims.expires_at)

        # when / then
        with pytest.raises(NotAuthenticated, match="revoked"):
            await accounts_service.viewer_for_token(session, claims)
