import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime, utcnow
from graphql_api.social.follows.models import FollowStatus


class SocialProfile(Base):
    """The social side of a user. A user without a row has an empty, public profile, so
    accounts need not know social exists."""

    __tablename__ = "social_profiles"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    bio: Mapped[str | None] = mapped_column(String(500))
    avatar_url: Mapped[str | None] = mapped_column(String(2048))
    is_private: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)


@dataclass(frozen=True, slots=True)
class ProfileView:
    """A profile as read: the user's display name joined with their (possibly absent) row."""

    user_id: int
    display_name: str
    bio: str | None
    avatar_url: str | None
    is_private: bool
    joined_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Relationship:
    """How the viewer and another user stand: follows both ways and blocks both ways."""

    viewer_follow: FollowStatus | None = None
    follows_viewer: bool = False
    viewer_blocked: bool = False
    blocked_viewer: bool = False
