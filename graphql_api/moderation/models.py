"""Reports of listings, posts, comments and users, and how moderators resolved them."""

import datetime as dt
import enum

from sqlalchemy import Enum, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime, utcnow


class ReportTargetType(enum.StrEnum):
    LISTING = "LISTING"
    POST = "POST"
    COMMENT = "COMMENT"
    USER = "USER"


class ReportReason(enum.StrEnum):
    SPAM = "SPAM"
    SCAM = "SCAM"
    PROHIBITED_ITEM = "PROHIBITED_ITEM"
    HARASSMENT = "HARASSMENT"
    INAPPROPRIATE = "INAPPROPRIATE"
    ANIMAL_WELFARE = "ANIMAL_WELFARE"
    OTHER = "OTHER"


class ReportStatus(enum.StrEnum):
    OPEN = "OPEN"
    DISMISSED = "DISMISSED"
    CONTENT_REMOVED = "CONTENT_REMOVED"
    USER_SUSPENDED = "USER_SUSPENDED"


def _enum(kind: type[enum.StrEnum], name: str) -> Enum:
    return Enum(kind, name=name, native_enum=False, length=20, validate_strings=True)


class Report(Base):
    __tablename__ = "moderation_reports"
    __table_args__ = (
        # Reporting the same thing twice is one report.
        UniqueConstraint("reporter_id", "target_type", "target_id"),
        Index("ix_moderation_reports_status_created_at", "status", "created_at"),
        Index("ix_moderation_reports_target", "target_type", "target_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reporter_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    target_type: Mapped[ReportTargetType] = mapped_column(
        _enum(ReportTargetType, "report_target_type")
    )
    target_id: Mapped[int] = mapped_column(Integer)
    reason: Mapped[ReportReason] = mapped_column(_enum(ReportReason, "report_reason"))
    details: Mapped[str | None] = mapped_column(String(1000))
    status: Mapped[ReportStatus] = mapped_column(
        _enum(ReportStatus, "report_status"), default=ReportStatus.OPEN
    )
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    resolution_note: Mapped[str | None] = mapped_column(String(1000))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
