import pytest
from sqlalchemy import func, select

from graphql_api.alerts.models import Alert, AlertKind, AlertStatus
from graphql_api.devices.models import DeviceKind
from tests.factories.accounts import create_user
from tests.factories.devices_db import create_device


@pytest.fixture
async def owner(session):
    return await create_user(session, prefix="owner")


@pytest.fixture
async def stranger(session):
    return await create_user(session, prefix="stranger")


@pytest.fixture
async def feeder(session, owner):
    return await create_device(session, owner, kind=DeviceKind.FEEDER, name="Kitchen feeder")


async def open_alert_count(session, device_id: int, kind: AlertKind) -> int:
    statement = (
        select(func.count())
        .select_from(Alert)
        .where(
            Alert.device_id == device_id, Alert.kind == kind, Alert.status != AlertStatus.CLEARED
        )
    )
    return int((await session.execute(statement)).scalar_one())
