"""Accounts: registration, login and the viewer behind a token."""

import asyncio
import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.accounts.errors import (
    EmailTaken,
    InvalidCredentials,
    InvalidEmail,
    InvalidTimeZone,
    WeakPassword,
)
from graphql_api.accounts.models import User
from graphql_api.accounts.repository import UserRepository
from graphql_api.auth import Role, Viewer, issue_access_token
from graphql_api.errors import ValidationFailed
from graphql_api.settings import Settings

_hasher = PasswordHasher()
# Verified against when the email is unknown, so a login takes as long either way and does not
# reveal which emails have accounts.
_DUMMY_HASH = _hasher.hash("pawgraph-timing-equaliser")
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


def normalize_email(email: str) -> str:
    return email.strip().lower()


def validate_time_zone(time_zone: str, field: str = "timeZone") -> str:
    try:
        zoneinfo.ZoneInfo(time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise InvalidTimeZone(field=field) from exc
    return time_zone


def _validate_password(password: str, email: str) -> None:
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


async def register(session: AsyncSession, registration: Registration) -> User:
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
    password_hash = await asyncio.to_thread(_hasher.hash, registration.password)
    user = repository.add(
        User(
            email=email,
            password_hash=password_hash,
            display_name=display_name,
            role=registration.role,
            time_zone=registration.time_zone,
        )
    )
    await repository.flush()
    return user


async def login(
    session: AsyncSession, settings: Settings, email: str, password: str, now: dt.datetime
) -> AccessToken:
    user = await UserRepository(session).get_by_email(normalize_email(email))
    try:
        await asyncio.to_thread(
            _hasher.verify, user.password_hash if user else _DUMMY_HASH, password
        )
    except (VerificationError, InvalidHashError) as exc:
        raise InvalidCredentials() from exc
    if user is None:
        raise InvalidCredentials()
    token, expires_at = issue_access_token(settings, user.id, now)
    return AccessToken(token=token, expires_at=expires_at, user=user)


async def get_viewer(session: AsyncSession, user_id: int) -> Viewer | None:
    user = await UserRepository(session).get_by_id(user_id)
    if user is None:
        return None
    return Viewer(user_id=user.id, role=user.role, suspended=user.suspended_at is not None)


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
