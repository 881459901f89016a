import pytest

from graphql_api.auth import Role
from tests.factories.accounts import create_user


@pytest.fixture
async def author(session):
    return await create_user(session, prefix="author")


@pytest.fixture
async def fan(session):
    return await create_user(session, prefix="fan")


@pytest.fixture
async def staff(session):
    return await create_user(session, Role.STAFF, prefix="staff")
