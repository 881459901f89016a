import pytest
from sqlalchemy import func, select

from graphql_api.alerts.models import Alert, AlertKind, AlertStatus
from graphql_api.telemetry.models import TelemetryPoint
from tests.factories.outlets import create_hub, create_outlet


@pytest.fixture
async def hub_key(session, owner):
    """The owner's hub and its key (``.device``, ``.api_key``)."""
    return await create_hub(session, owner)


@pytest.fixture
def hub(hub_key):
    return hub_key.device


@pytest.fixture
async def outlet(session, owner, hub):
    return await create_outlet(session, owner, hub, "FE", "Heater")


async def open_alerts(session, device_id: int) -> list[AlertKind]:
    statement = select(Alert.kind).where(
        Alert.device_id == device_id, Alert.status != AlertStatus.CLEARED
    )
    return sorted((await session.execute(statement)).scalars())


async def stored_points(session, device_id: int) -> int:
    statement = (
        select(func.count())
        .select_from(TelemetryPoint)
        .where(TelemetryPoint.device_id == device_id)
    )
    return int((await session.execute(statement)).scalar_one())
