import datetime as dt

from sqlalchemy import Enum, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.auth import Role
from graphql_api.db import Base, UTCDateTime, utcnow


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(80))
    role: Mapped[Role] = mapped_column(Enum(Role, name="user_role", native_enum=False, length=16))
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Set by moderators; a suspended user keeps read access but every write is refused.
    suspended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # Every token issued at or before this moment is revoked (suspension, "log out everywhere").
    tokens_revoked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class RevokedToken(Base):
    """An access token logged out before it expired, by its ``jti``; kept until it would have
    expired anyway."""

    __tablename__ = "revoked_tokens"

    token_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
