import datetime as dt

import pytest

from graphql_api.accounts import service as accounts_service
from graphql_api.accounts.errors import (
    AccountErrorCode,
    EmailTaken,
    InvalidCredentials,
    InvalidEmail,
    InvalidTimeZone,
    WeakPassword,
)
from graphql_api.accounts.service import Registration
from graphql_api.auth import Role, user_id_from_token
from graphql_api.db import utcnow
from tests.factories.accounts import PASSWORD, create_user, unique_email

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
        assert access.expires_at == now + settings.access_token_ttl
        assert user_id_from_token(settings, access.token) == user.id

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
