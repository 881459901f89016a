"""Users for tests: through the GraphQL front door (live tests) or straight through the service."""

import secrets

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from graphql_api.accounts import service as accounts_service
from graphql_api.accounts.models import User
from graphql_api.auth import Role, Viewer
from graphql_api.db import create_sessionmaker
from tests.support.graphql_client import GraphQLClient

PASSWORD = "correct-horse-42"

REGISTER = """
mutation Register($input: RegisterInput!) {
  register(input: $input) { user { id email role } userErrors { field code message } }
}
"""
LOGIN = """
mutation Login($input: LoginInput!) {
  login(input: $input) { accessToken expiresAt user { id email } userErrors { field code message } }
}
"""


def unique_email(prefix: str = "owner") -> str:
    return f"{prefix}-{secrets.token_hex(6)}@example.com"


async def signed_up(
    anonymous: GraphQLClient, prefix: str = "owner", time_zone: str = "UTC"
) -> GraphQLClient:
    """Register a new OWNER over GraphQL and return a client holding their token."""
    email = unique_email(prefix)
    registered = await anonymous.execute(
        REGISTER,
        {
            "input": {
                "email": email,
                "password": PASSWORD,
                "displayName": prefix,
                "timeZone": time_zone,
            }
        },
    )
    assert registered["register"]["userErrors"] == []
    return await logged_in(anonymous, email)


async def logged_in(
    anonymous: GraphQLClient, email: str, password: str = PASSWORD
) -> GraphQLClient:
    result = await anonymous.execute(LOGIN, {"input": {"email": email, "password": password}})
    assert result["login"]["userErrors"] == []
    return anonymous.with_token(result["login"]["accessToken"])


async def create_user(session: AsyncSession, role: Role = Role.OWNER, prefix: str = "user") -> User:
    """A user written through the service on the test's session (rolled back afterwards)."""
    registration = accounts_service.Registration(
        unique_email(prefix), PASSWORD, prefix, "UTC", role
    )
    return await accounts_service.register(session, registration)


async def create_committed_user(engine: AsyncEngine, role: Role, prefix: str = "staff") -> str:
    """A user committed to the shared test database, for live tests needing STAFF or ADMIN."""
    async with create_sessionmaker(engine).begin() as session:
        user = await create_user(session, role, prefix)
        return user.email


def viewer_of(user: User) -> Viewer:
    return Viewer(user_id=user.id, role=user.role)
