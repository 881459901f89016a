"""Users for end-to-end tests: each test gets fresh ones, so tests never share data."""

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from graphql_api.auth import Role
from graphql_api.settings import Settings
from tests.factories.accounts import create_committed_user, logged_in, signed_up
from tests.live import alerting
from tests.support.graphql_client import GraphQLClient
from tests.support.mqtt_servers import broker, mqtt_server  # noqa: F401 (MQTT tests' fixtures)


@pytest.fixture(scope="session", autouse=True)
def live_channel_prefix(database_url: str) -> str:
    """The servers name their channels after their database: ``until_subscribed`` must too."""
    settings = Settings.model_construct(database_url=database_url, channel_prefix=None)
    alerting.channel_prefix = settings.event_channel_prefix
    return alerting.channel_prefix


@pytest.fixture
async def owner(anonymous: GraphQLClient) -> GraphQLClient:
    """A freshly registered OWNER, logged in on server_a."""
    return await signed_up(anonymous, "owner")


@pytest.fixture
async def other_owner(anonymous: GraphQLClient) -> GraphQLClient:
    """A second OWNER, who must see none of ``owner``'s things."""
    return await signed_up(anonymous, "other")


@pytest.fixture
async def staff(anonymous: GraphQLClient, engine: AsyncEngine) -> GraphQLClient:
    """A STAFF user (staff cannot sign up: created in the database), logged in on server_a."""
    email = await create_committed_user(engine, Role.STAFF)
    return await logged_in(anonymous, email)
