"""Collars: every treat an owner tapped, kept as history (the command holds its outcome)."""

import datetime as dt

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime


class Treat(Base):
    __tablename__ = "treats"
    __table_args__ = (
        # History per device and per pet, newest first.
        Index("ix_treats_device_id_id", "device_id", "id"),
        Index("ix_treats_pet_id_id", "pet_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    command_id: Mapped[int] = mapped_column(
        ForeignKey("commands.id", ondelete="CASCADE"), unique=True
    )
    device_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"))
    # The pet wearing the collar when the treat was tapped; it stays theirs if the collar moves.
    pet_id: Mapped[int | None] = mapped_column(ForeignKey("pets.id", ondelete="SET NULL"))
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
