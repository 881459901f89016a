import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime, utcnow


class PairingRequest(Base):
    """A unit in pairing mode: its hardware id and the PIN on its screen, until it expires.

    Claiming binds it to a device row; the unit's key is minted when it fetches it, so no
    plain key is ever stored.
    """

    __tablename__ = "pairing_requests"
    __table_args__ = (
        Index("ix_pairing_requests_hardware_id_created_at", "hardware_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hardware_id: Mapped[str] = mapped_column(String(64))
    # HMAC-SHA256 of hardware id and PIN under the server secret: a leaked table does not
    # give away PINs that are still waiting to be claimed.
    pin_hash: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
    claimed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    device_id: Mapped[int | None] = mapped_column(
        ForeignKey("devices.id", ondelete="CASCADE"), index=True
    )
    key_delivered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # Wrong PINs claimed for this unit while this request waited; past a limit it is used up.
    pin_failures: Mapped[int] = mapped_column(Integer, default=0)
    # When a poll (`pair/claimed`) last came with this PIN: the unit showing it is still there.
    last_polled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
