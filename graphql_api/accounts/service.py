"""Accounts: registration, login and the viewer behind a token."""

import datetime as dt
import enum
import re
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api import events, ratelimit
from graphql_api.accounts import passwords
from graphql_api.accounts.errors import (
    EmailTaken,
    InvalidCredentials,
    InvalidEmail,
    InvalidTimeZone,
    PasswordTooLong,
    WeakPassword,
)
from graphql_api.accounts.models import User
from graphql_api.accounts.repository import UserRepository
from graphql_api.auth import Role, TokenClaims, Viewer, issue_access_token, require_viewer
from graphql_api.errors import CommonErrorCode, NotAuthenticated, ValidationFailed
from graphql_api.ratelimit import Attempts
from graphql_api.settings import Settings

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD_LENGTH = 10


@dataclass(frozen=True, slots=True)
class Registration:
    email: str
    password: str
    display_name: str
    time_zone: str = "UTC"
    role: Role = Role.OWNER


@dataclass(frozen=True, slots=True)
class AccessToken:
    token: str
    expires_at: dt.datetime
    user: User


class SessionEndReason(enum.StrEnum):
    LOGGED_OUT = "LOGGED_OUT"
    SUSPENDED = "SUSPENDED"


class SessionsRevoked(BaseModel):
    """Sent on the user's sessions channel: open websockets holding a revoked token close."""

    reason: SessionEndReason
    # One token (logout), or every token issued up to ``revoked_at`` (None).
    token_id: str | None = None


class ViewerChanged(BaseModel):
    """Sent on ``events.VIEWERS_CHANNEL``: what any process knows of this user's tokens and
    rights is stale (a revocation, a suspension, a suspension lifted)."""

    user_id: int


def viewer_changed(session: AsyncSession, user_id: int) -> None:
    """After the commit, every process forgets the viewers it keeps for the user's tokens."""
    events.publish(session, events.VIEWERS_CHANNEL, ViewerChanged(user_id=user_id))


def normalize_email(email: str) -> str:
    return email.strip().lower()


def validate_time_zone(time_zone: str, field: str = "timeZone") -> str:
    try:
        zoneinfo.ZoneInfo(time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise InvalidTimeZone(field=field) from exc
    return time_zone


def _refuse_overlong(password: str) -> None:
    if passwords.too_long(password):
        raise PasswordTooLong(field="password")


def _validate_password(password: str, email: str) -> None:
    _refuse_overlong(password)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword(
            f"The password must have at least {MIN_PASSWORD_LENGTH} characters.", field="password"
        )
    if password.isdigit() or password.isalpha():
        raise WeakPassword(
            "The password must mix letters with digits or symbols.", field="password"
        )
    if email.split("@")[0] in password.lower():
        raise WeakPassword("The password must not contain your email name.", field="password")


async def register(
    session: AsyncSession, registration: Registration, attempts: Attempts | None = None
) -> User:
    """A new account; ``attempts`` (from the front doors) limits registrations per address."""
    if attempts is not None:
        await attempts.limiter.hit(ratelimit.REGISTER_PER_IP, attempts.client_ip)
    email = normalize_email(registration.email)
    if not _EMAIL.match(email) or len(email) > 254:
        raise InvalidEmail(field="email")
    _validate_password(registration.password, email)
    display_name = registration.display_name.strip()
    if not 1 <= len(display_name) <= 80:
        raise ValidationFailed(
            "The display name must have 1 to 80 characters.", field="displayName"
        )
    validate_time_zone(registration.time_zone)
    repository = UserRepository(session)
    if await repository.get_by_email(email) is not None:
        raise EmailTaken(field="email")
    password_hash = await passwords.hash_password(registration.password)
    # A second sign-up with this email (a double tap) may have committed since the check.
    user = await repository.add_unique(
        User(
            email=email,
            password_hash=password_hash,
            display_name=display_name,
            role=registration.role,
            time_zone=registration.time_zone,
        )
    )
    if user is None:
        raise EmailTaken(field="email")
    return user


async def login(
    session: AsyncSession,
    settings: Settings,
    email: str,
    password: str,
    now: dt.datetime,
    attempts: Attempts | None = None,
) -> AccessToken:
    """A token for the right password. Failed logins are counted per account and per address;
    once either window is full every login there is refused, the right password too, until it
    ends (guessing must not be able to confirm a hit)."""
    _refuse_overlong(password)
    email = normalize_email(email)
    if attempts is not None:
        await attempts.limiter.check(ratelimit.LOGIN_PER_ACCOUNT, email)
        await attempts.limiter.check(ratelimit.LOGIN_PER_IP, attempts.client_ip)
    user = await UserRepository(session).get_by_email(email)
    verified = await passwords.verify_password(
        user.password_hash if user else passwords.DUMMY_HASH, password
    )
    if user is None or not verified:
        if attempts is not None:
            await attempts.limiter.record(ratelimit.LOGIN_PER_ACCOUNT, email)
            await attempts.limiter.record(ratelimit.LOGIN_PER_IP, attempts.client_ip)
        raise InvalidCredentials()
    issued = issue_access_token(settings, user.id, now)
    return AccessToken(token=issued.token, expires_at=issued.claims.expires_at, user=user)


async def get_viewer(session: AsyncSession, user_id: int) -> Viewer | None:
    user = await UserRepository(session).get_by_id(user_id)
    if user is None:
        return None
    return Viewer(user_id=user.id, role=user.role, suspended=user.suspended_at is not None)


def is_self(viewer: Viewer | None, user_id: int) -> bool:
    """Whether the viewer is this user: what is only one's own (an inbox, a dashboard) shows
    only to them, staff included."""
    return viewer is not None and viewer.user_id == user_id


async def viewer_for_token(session: AsyncSession, claims: TokenClaims) -> Viewer:
    """The viewer a verified token names, unless it was revoked (logout, suspension) or its
    user is gone: NotAuthenticated then."""
    (outcome,) = await viewers_for_tokens(session, [claims])
    if isinstance(outcome, NotAuthenticated):
        raise outcome
    return outcome


async def viewers_for_tokens(
    session: AsyncSession, tokens: Sequence[TokenClaims]
) -> list[Viewer | NotAuthenticated]:
    """:func:`viewer_for_token` for many verified tokens in one statement: each one's viewer,
    or the NotAuthenticated that says why it no longer holds."""
    users, revoked = await UserRepository(session).get_with_revocations(
        [(claims.user_id, claims.token_id) for claims in tokens]
    )
    return [
        _viewer_or_refusal(claims, users.get(claims.user_id), claims.token_id in revoked)
        for claims in tokens
    ]


def _viewer_or_refusal(
    claims: TokenClaims, user: User | None, logged_out: bool
) -> Viewer | NotAuthenticated:
    if user is None:
        return NotAuthenticated("The access token's user no longer exists.")
    revoked_at = user.tokens_revoked_at
    if logged_out or (revoked_at is not None and claims.issued_at <= revoked_at):
        if user.suspended_at is not None:
            return NotAuthenticated(
                "The account was suspended; log in again to read.",
                code=CommonErrorCode.ACCOUNT_SUSPENDED,
            )
        return NotAuthenticated("The access token was revoked; log in again.")
    return Viewer(user_id=user.id, role=user.role, suspended=user.suspended_at is not None)


async def logout(
    session: AsyncSession,
    viewer: Viewer | None,
    claims: TokenClaims | None,
    everywhere: bool,
    now: dt.datetime,
) -> None:
    """Revoke the token the request carries, or every token of the viewer (``everywhere``).
    Holds across processes: revocations are rows every process reads per request."""
    viewer = require_viewer(viewer)
    if claims is None:
        raise NotAuthenticated("Log out needs the access token in the Authorization header.")
    repository = UserRepository(session)
    if everywhere:
        await revoke_all_tokens(session, viewer.user_id, now, SessionEndReason.LOGGED_OUT)
        return
    await repository.prune_revoked(now)
    await repository.revoke_token(claims.token_id, viewer.user_id, claims.expires_at)
    viewer_changed(session, viewer.user_id)
    events.publish(
        session,
        events.user_sessions_channel(viewer.user_id),
        SessionsRevoked(reason=SessionEndReason.LOGGED_OUT, token_id=claims.token_id),
    )


async def revoke_all_tokens(
    session: AsyncSession, user_id: int, now: dt.datetime, reason: SessionEndReason
) -> None:
    """Every token the user holds stops working (suspension, log out everywhere)."""
    repository = UserRepository(session)
    user = await repository.get_by_id(user_id)
    if user is None:
        return
    user.tokens_revoked_at = now
    await repository.flush()
    viewer_changed(session, user_id)
    events.publish(session, events.user_sessions_channel(user_id), SessionsRevoked(reason=reason))


def sees_private_facts(viewer: Viewer | None, user_id: int) -> bool:
    """Whether ``viewer`` may see a user's email, role, time zone and sign-up date.

    The user themself and STAFF/ADMIN may; every other signed-in viewer sees only the id and
    display name, and an anonymous one sees no user at all.
    """
    return viewer is not None and (viewer.user_id == user_id or viewer.is_staff)


async def get_me(session: AsyncSession, viewer: Viewer | None) -> User | None:
    if viewer is None:
        return None
    return await UserRepository(session).get_by_id(viewer.user_id)
