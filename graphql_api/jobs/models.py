"""What each periodic job did last, shared by every API process through the database."""

import datetime as dt

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from graphql_api.db import Base, UTCDateTime


class JobRun(Base):
    """The latest run of one job, by whichever process ran it (``pawgraph jobs``, /healthz)."""

    __tablename__ = "job_runs"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    succeeded: Mapped[bool]
    # What the job reported (e.g. "3 devices"), or the error that ended it.
    outcome: Mapped[str] = mapped_column(Text, default="")
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    runs: Mapped[int] = mapped_column(Integer, default=0)
    process: Mapped[str] = mapped_column(String(120), default="")
