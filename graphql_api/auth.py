"""Who is asking: the viewer every service takes explicitly, and the JWTs that carry it."""

import datetime as dt
import enum
from dataclasses import dataclass

import jwt

from graphql_api.errors import CommonErrorCode, NotAuthenticated, PermissionDenied
from graphql_api.settings import Settings

_ALGORITHM = "HS256"


class Role(enum.StrEnum):
    OWNER = "OWNER"
    STAFF = "STAFF"
    ADMIN = "ADMIN"


@dataclass(frozen=True, slots=True)
class Viewer:
    user_id: int
    role: Role
    suspended: bool = False

    @property
    def is_staff(self) -> bool:
        """STAFF and ADMIN see every user's pets and devices."""
        return self.role in (Role.STAFF, Role.ADMIN)


class AccountSuspended(PermissionDenied):
    default_code = CommonErrorCode.ACCOUNT_SUSPENDED
    default_message = "Your account is suspended: you can read but not change anything."


def require_viewer(viewer: Viewer | None) -> Viewer:
    if viewer is None:
        raise NotAuthenticated()
    return viewer


def require_writer(viewer: Viewer | None) -> Viewer:
    """The viewer, if they may change things: a suspended user can read but not write."""
    viewer = require_viewer(viewer)
    if viewer.suspended:
        raise AccountSuspended()
    return viewer


def issue_access_token(
    settings: Settings, user_id: int, now: dt.datetime
) -> tuple[str, dt.datetime]:
    expires_at = now + settings.access_token_ttl
    claims = {"sub": str(user_id), "iat": int(now.timestamp()), "exp": int(expires_at.timestamp())}
    token = jwt.encode(claims, settings.secret_key.get_secret_value(), algorithm=_ALGORITHM)
    return token, expires_at


def user_id_from_token(settings: Settings, token: str) -> int:
    """The user id a valid token names; NotAuthenticated for a bad, forged or expired one."""
    try:
        claims = jwt.decode(
            token,
            settings.secret_key.get_secret_value(),
            algorithms=[_ALGORITHM],
            options={"require": ["sub", "exp"]},
        )
        return int(claims["sub"])
    except (jwt.PyJWTError, ValueError) as exc:
        raise NotAuthenticated("The access token is invalid or expired.") from exc


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header value, if there is one."""
    if not authorization:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise NotAuthenticated("The Authorization header must be `Bearer <token>`.")
    return token.strip()
