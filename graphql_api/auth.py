"""Who is asking: the viewer every service takes explicitly, and the JWTs that carry it."""

import datetime as dt
import enum
import uuid
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


@dataclass(frozen=True, slots=True)
class TokenClaims:
    """What a verified access token says: whose it is, its id (``jti``, revoked by logout), and
    when it was issued and expires (``iat``, ``exp``; suspension revokes every token issued
    before it)."""

    user_id: int
    token_id: str
    issued_at: dt.datetime
    expires_at: dt.datetime


@dataclass(frozen=True, slots=True)
class IssuedToken:
    token: str
    claims: TokenClaims


def issue_access_token(settings: Settings, user_id: int, now: dt.datetime) -> IssuedToken:
    """A token signed with the current key, for this deployment's issuer and audience."""
    # Milliseconds: a token issued right after a revocation ("log out everywhere", then log
    # in) must be told apart from the ones revoked (RFC 7519 allows a non-integer NumericDate).
    issued_at = now.replace(microsecond=now.microsecond // 1000 * 1000)
    expires_at = (issued_at + settings.access_token_ttl).replace(microsecond=0)
    token_id = uuid.uuid4().hex
    claims = {
        "sub": str(user_id),
        "iat": round(issued_at.timestamp(), 3),
        "exp": int(expires_at.timestamp()),
        "iss": settings.token_issuer,
        "aud": settings.token_audience,
        "jti": token_id,
    }
    token = jwt.encode(claims, settings.signing_secret, algorithm=_ALGORITHM)
    return IssuedToken(token, TokenClaims(user_id, token_id, issued_at, expires_at))


_REQUIRED_CLAIMS = ["sub", "exp", "iat", "iss", "aud", "jti"]


def _decode(settings: Settings, token: str) -> dict:
    # The current key first, then the previous one (rotation): never any other algorithm.
    for key in settings.verification_keys:
        try:
            return jwt.decode(
                token,
                key,
                algorithms=[_ALGORITHM],
                issuer=settings.token_issuer,
                audience=settings.token_audience,
                options={"require": _REQUIRED_CLAIMS},
            )
        except jwt.InvalidSignatureError:
            continue
    raise jwt.InvalidSignatureError("no verification key matches")


def verify_access_token(settings: Settings, token: str) -> TokenClaims:
    """The claims of a valid token; NotAuthenticated for a bad, forged or expired one. Whether
    it was revoked is the accounts service's question (it needs the database)."""
    try:
        claims = _decode(settings, token)
        return TokenClaims(
            user_id=int(claims["sub"]),
            token_id=str(claims["jti"]),
            issued_at=dt.datetime.fromtimestamp(float(claims["iat"]), dt.UTC),
            expires_at=dt.datetime.fromtimestamp(int(claims["exp"]), dt.UTC),
        )
    except (jwt.PyJWTError, ValueError, TypeError, OverflowError, OSError) as exc:
        raise NotAuthenticated("The access token is invalid or expired.") from exc


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header value, if there is one."""
    if not authorization:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise NotAuthenticated("The Authorization header must be `Bearer <token>`.")
    return token.strip()
