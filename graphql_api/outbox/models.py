"""Events whose transaction committed while the bus was unreachable, waiting to be sent."""

import datetime as dt

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime, utcnow


class OutboxEvent(Base):
    """One live event (channel and JSON message, as the bus sends it), in commit order (id)."""

    __tablename__ = "outbox_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(200))
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
