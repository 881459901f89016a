import datetime as dt
import enum

from sqlalchemy import Enum, ForeignKey, Index, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime, utcnow


class FollowStatus(enum.StrEnum):
    # A request to follow a private profile, waiting for its owner.
    PENDING = "PENDING"
    APPROVED = "APPROVED"


class Follow(Base):
    __tablename__ = "social_follows"
    __table_args__ = (
        # Following is idempotent: one row per pair, whatever its status.
        UniqueConstraint("follower_id", "followee_id"),
        Index("ix_social_follows_followee_id_status", "followee_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    follower_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    followee_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    status: Mapped[FollowStatus] = mapped_column(
        Enum(FollowStatus, name="follow_status", native_enum=False, length=16)
    )
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    approved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
