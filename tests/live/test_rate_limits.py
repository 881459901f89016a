"""Guessing is throttled, across processes (issue 8, item 5): two API processes sharing Redis,
with the default limits (some lowered so the tests stay short). Addresses are set through
X-Forwarded-For, which uvicorn trusts from 127.0.0.1 as it would from a local proxy."""

import json
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import TEST_SECRET_KEY
from tests.factories.accounts import LOGIN, PASSWORD, REGISTER, unique_email
from tests.factories.devices import feeder_headers, register_device
from tests.support.graphql_client import GraphQLClient, post_graphql
from tests.support.live_server import LiveServer, start_server

STRICT_LIMITS = {
    "login_per_ip": "5/15m",
    "register_per_ip": "3/1h",
    "bad_device_keys_per_ip": "5/1m",
    "mutations_per_user": "5/1m",
}
CREATE_PET = """
mutation CreatePet($input: CreatePetInput!) { createPet(input: $input) { userErrors { code } } }
"""


def an_ip() -> str:
    return f"203.0.{secrets.randbelow(256)}.{secrets.randbelow(254) + 1}"


@pytest.fixture(scope="module")
def strict_servers(
    server_logs: Path, database_url: str, test_environment
) -> Iterator[tuple[LiveServer, LiveServer]]:
    servers = [
        start_server(
            server_logs,
            f"strict-{name}",
            env="test",
            database_url=database_url,
            broadcast_url=test_environment.redis_url,
            secret_key=TEST_SECRET_KEY,
            rate_limits=json.dumps(STRICT_LIMITS),
        )
        for name in "ab"
    ]
    yield servers[0], servers[1]
    for server in servers:
        server.stop()


async def graphql_from(
    server: LiveServer, ip: str, query: str, variables: dict[str, Any], token: str | None = None
) -> dict[str, Any]:
    headers = {"X-Forwarded-For": ip}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    response = await post_graphql(server, {"query": query, "variables": variables}, headers)
    assert response.status_code == 200, response.text
    return response.json()["data"]


async def register_from(server: LiveServer, ip: str, email: str) -> dict[str, Any]:
    variables = {"input": {"email": email, "password": PASSWORD, "displayName": "R"}}
    return (await graphql_from(server, ip, REGISTER, variables))["register"]


async def login_from(server: LiveServer, ip: str, email: str, password: str) -> dict[str, Any]:
    variables = {"input": {"email": email, "password": password}}
    return (await graphql_from(server, ip, LOGIN, variables))["login"]


def codes(payload: dict[str, Any]) -> list[str]:
    return [error["code"] for error in payload["userErrors"]]


class TestLogin:
    async def test_ten_wrong_passwords_lock_the_account_in_every_process(self, strict_servers):
        # given: ten wrong passwords, alternating processes and addresses
        server_a, server_b = strict_servers
        email = unique_email("locked")
        assert (await register_from(server_a, an_ip(), email))["userErrors"] == []
        for attempt in range(10):
            server = server_a if attempt % 2 else server_b
            wrong = await login_from(server, an_ip(), email, "wrong-password-1")
            assert codes(wrong) == ["INVALID_CREDENTIALS"]
        # when: the right password, from yet another address
        right = await login_from(server_b, an_ip(), email, PASSWORD)
        # then
        assert codes(right) == ["RATE_LIMITED"]
        assert right["accessToken"] is None
        assert right["userErrors"][0]["message"].startswith("Too many attempts")

    async def test_wrong_passwords_from_one_address_lock_that_address(self, strict_servers):
        # given: five failures for five accounts from one address
        server_a, server_b = strict_servers
        ip, email = an_ip(), unique_email("victim")
        await register_from(server_a, an_ip(), email)
        for _ in range(5):
            await login_from(server_a, ip, unique_email("nobody"), "wrong-password-1")
        # when
        from_that_ip = await login_from(server_b, ip, email, PASSWORD)
        from_another = await login_from(server_b, an_ip(), email, PASSWORD)
        # then
        assert codes(from_that_ip) == ["RATE_LIMITED"]
        assert from_another["userErrors"] == []


class TestRegistration:
    async def test_is_limited_per_address(self, strict_servers):
        # given
        server_a, server_b = strict_servers
        ip = an_ip()
        for _ in range(3):
            assert (await register_from(server_a, ip, unique_email("r")))["userErrors"] == []
        # when
        fourth = await register_from(server_b, ip, unique_email("r"))
        # then
        assert codes(fourth) == ["RATE_LIMITED"]


class TestPasswords:
    async def test_a_password_over_1_kb_is_refused_without_hashing(self, server_a):
        # given
        huge = "a1" * 100_000
        # when
        registered = await post_graphql(
            server_a,
            {
                "query": REGISTER,
                "variables": {
                    "input": {"email": unique_email("long"), "password": huge, "displayName": "L"}
                },
            },
            {"Authorization": ""},
        )
        logged_in = await GraphQLClient(server_a).execute(
            LOGIN, {"input": {"email": unique_email("long"), "password": "a1" * 600}}
        )
        # then: the 200 kB body is over the anonymous cap; 1.2 kB is a typed error
        assert registered.status_code == 413
        assert codes(logged_in["login"]) == ["PASSWORD_TOO_LONG"]


async def get_config(server: LiveServer, headers: dict[str, str], ip: str) -> httpx.Response:
    async with httpx.AsyncClient(timeout=30) as http:
        return await http.get(
            f"{server.base_url}/api/device/config/",
            params={"device_id": headers.get("Device-ID", "ESP-00000000")},
            headers={**headers, "X-Forwarded-For": ip},
        )


def a_guess() -> dict[str, str]:
    return feeder_headers(None, **{"X-API-Key": secrets.token_hex(24)})


class TestDeviceKeys:
    async def test_an_address_guessing_keys_is_refused_with_429(self, strict_servers, owner):
        # given: a real feeder, and an address that sent five unknown keys to one process
        server_a, server_b = strict_servers
        feeder = await register_device(owner)
        ip = an_ip()
        for _ in range(5):
            assert (await get_config(server_a, a_guess(), ip)).status_code == 403
        # when: it goes on guessing at the other process, then tries a real key
        guessing = await get_config(server_b, a_guess(), ip)
        real_key = await get_config(server_b, feeder_headers(feeder), ip)
        honest = await get_config(server_b, feeder_headers(feeder), an_ip())
        # then: the count is shared; refused in the PETio envelope; other addresses unaffected
        for refused in (guessing, real_key):
            assert refused.status_code == 429, refused.text
            assert int(refused.headers["retry-after"]) >= 1
            assert refused.json()["error"] == "RATE_LIMITED"
        assert honest.status_code == 200


class TestMutations:
    async def test_are_limited_per_user(self, strict_servers, owner):
        # given
        server_a, _ = strict_servers
        variables = {"input": {"name": "Rex", "species": "DOG"}}
        for _ in range(5):
            created = await graphql_from(server_a, an_ip(), CREATE_PET, variables, owner.token)
            assert created["createPet"]["userErrors"] == []
        # when
        sixth = await graphql_from(server_a, an_ip(), CREATE_PET, variables, owner.token)
        # then
        assert codes(sixth["createPet"]) == ["RATE_LIMITED"]
