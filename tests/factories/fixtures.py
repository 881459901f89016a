"""The people and devices most in-process tests start from, on the test's rolled-back session.

Loaded for every test through ``pytest_plugins`` in tests/conftest.py. A closer conftest or a
test module overrides one by defining the same name: tests/live/conftest.py's ``owner`` is a
live, logged-in client; tests/outlets/conftest.py's ``hub`` comes with its key.
"""

import pytest

from graphql_api.devices.models import DeviceKind
from tests.factories.accounts import create_user
from tests.factories.devices_db import create_device


@pytest.fixture
async def owner(session):
    return await create_user(session, prefix="owner")


@pytest.fixture
async def stranger(session):
    """Another OWNER, who must see none of ``owner``'s things."""
    return await create_user(session, prefix="stranger")


@pytest.fixture
async def feeder(session, owner):
    return await create_device(session, owner, kind=DeviceKind.FEEDER, name="Kitchen feeder")


@pytest.fixture
async def hub(session, owner):
    return await create_device(session, owner, kind=DeviceKind.HUB, name="Garage hub")


@pytest.fixture
async def outlet(session, owner, hub):
    return await create_device(
        session, owner, kind=DeviceKind.OUTLET, name="Heater", hardware_id="FE", parent_id=hub.id
    )
