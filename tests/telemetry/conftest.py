import pytest

from graphql_api.devices.models import DeviceKind
from tests.factories.devices_db import create_device


@pytest.fixture
async def collar(session, owner):
    return await create_device(session, owner, kind=DeviceKind.COLLAR, name="Mochi's collar")


class RecordingBus:
    """Stands in for the event bus: keeps what ``unit_of_work.dispatch`` sends."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    async def publish_committed(self, committed: list[tuple[str, str]]) -> bool:
        self.sent.extend(committed)
        return True


@pytest.fixture
def recording_bus() -> RecordingBus:
    return RecordingBus()
