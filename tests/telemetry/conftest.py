from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy.ext.asyncio import AsyncSession

from graphql_api.cli import alembic_config
from graphql_api.db import create_engine
from graphql_api.devices.models import DeviceKind
from tests.factories.devices_db import create_device
from tests.support.database import rolled_back_session


@pytest.fixture
async def collar(session, owner):
    return await create_device(session, owner, kind=DeviceKind.COLLAR, name="Mochi's collar")


class RecordingBus:
    """Stands in for the event bus: keeps what ``dispatch_committed`` sends."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    async def publish(self, channel: str, message: str) -> None:
        self.sent.append((channel, message))


@pytest.fixture
def recording_bus() -> RecordingBus:
    return RecordingBus()


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite database built by the same migrations, for the dialect-specific queries."""
    path: Path = tmp_path_factory.mktemp("sqlite") / "telemetry.db"
    url = f"sqlite+aiosqlite:///{path}"
    command.upgrade(alembic_config(url), "heads")
    return url


@pytest.fixture
async def sqlite_session(sqlite_url: str) -> AsyncIterator[AsyncSession]:
    engine = create_engine(sqlite_url)
    async with rolled_back_session(engine) as session:
        yield session
    await engine.dispose()
