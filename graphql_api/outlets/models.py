"""What the owner chose for a Smart-Outlet hub: the outlet it should poll every 2 s."""

import datetime as dt

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime, utcnow


class HubFocus(Base):
    """The owner's last ``focusOutlet`` choice, one per hub.

    A row of its own rather than a key in the hub's ``state``: readings rewrite that JSON
    every 2 s, and a choice must not be lost to a concurrent read-modify-write.
    """

    __tablename__ = "hub_focuses"

    hub_id: Mapped[int] = mapped_column(
        ForeignKey("devices.id", ondelete="CASCADE"), primary_key=True
    )
    outlet_id: Mapped[int] = mapped_column(ForeignKey("devices.id", ondelete="CASCADE"), index=True)
    chosen_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
