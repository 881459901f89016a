"""PETio pairing end to end (WIRE.md section 1): the unit registers a PIN with only the fleet's
X-API-Key, its owner claims it over GraphQL, the unit fetches its key once, uses it, and unpairs;
response bytes as the firmware reads them."""

import datetime as dt
import json
import secrets
from typing import Any

import httpx
import pytest

from tests.factories.accounts import signed_up
from tests.factories.devices import (
    RegisteredDevice,
    as_wire_bytes,
    feeder_hardware_id,
    feeder_headers,
    heartbeat_body,
    post_status,
    register_device,
)
from tests.factories.schedules import device_post
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import LiveServer

REGISTER_PATH = "/api/device/pair/register/"
CLAIMED_PATH = "/api/device/pair/claimed/"
UNPAIR_PATH = "/api/device/unpair/"
# What an unpaired unit sends in X-API-Key: the constant compiled into every unit.
FLEET_CONSTANT = "petio-fleet-" + "0" * 36
PIN = "482913"
NOT_CLAIMED = (
    b'{"status": "error", "message": "not claimed yet", "success": false, '
    b'"error": "PAIRING_NOT_CLAIMED"}'
)
CLAIM = """
mutation Claim($input: ClaimDeviceInput!) {
  claimDevice(input: $input) { device { id kind hardwareId } userErrors { field code message } }
}
"""
DEVICE = "query D($id: ID!) { node(id: $id) { id } }"


def unit_headers(hardware_id: str, **extra: str) -> dict[str, str]:
    """An unpaired unit's headers: no key of its own yet."""
    return feeder_headers(None, **{"Device-ID": hardware_id, "X-API-Key": FLEET_CONSTANT, **extra})


def wire(body: dict[str, Any]) -> bytes:
    """The bytes the server answers: ``json.dumps`` defaults, as the original Django server."""
    return json.dumps(body).encode()


async def register(
    server: LiveServer, hardware_id: str, pin: str = PIN, from_ip: str | None = None, **extra: Any
) -> httpx.Response:
    """The unit's register; ``from_ip`` as seen through a trusted proxy (X-Forwarded-For)."""
    body = {"device_id": hardware_id, "pin": pin, "ttl_seconds": 300, **extra}
    headers = unit_headers(hardware_id, **({"X-Forwarded-For": from_ip} if from_ip else {}))
    return await device_post(server, REGISTER_PATH, body, headers)


async def claimed(server: LiveServer, hardware_id: str, pin: str = PIN) -> httpx.Response:
    async with httpx.AsyncClient(
        base_url=server.base_url, timeout=30, follow_redirects=False
    ) as http:
        return await http.get(
            CLAIMED_PATH,
            params={"device_id": hardware_id, "pin": pin},
            headers=unit_headers(hardware_id),
        )


def a_stranger_ip() -> str:
    return f"198.51.{secrets.randbelow(256)}.{secrets.randbelow(254) + 1}"


async def claim(owner: GraphQLClient, hardware_id: str, pin: str = PIN) -> dict[str, Any]:
    result = await owner.execute(
        CLAIM, {"input": {"hardwareId": hardware_id, "pin": pin, "name": "Feeder"}}
    )
    return result["claimDevice"]


def paired_headers(hardware_id: str, api_key: str) -> dict[str, str]:
    return unit_headers(hardware_id, **{"X-Device-Key": api_key})


class TestPairingFlow:
    async def test_register_claim_fetch_once_use_and_unpair(self, owner, server_b):
        # given
        hardware_id = feeder_hardware_id()
        # when: the unit enters pairing mode and polls
        registered = await register(owner.server, hardware_id)
        waiting = await claimed(server_b, hardware_id)
        claim_payload = await claim(owner, hardware_id)
        fetched = await claimed(owner.server, hardware_id)
        fetched_again = await claimed(server_b, hardware_id)
        # then
        expires_at = registered.json()["expires_at"]
        assert registered.status_code == 201
        assert registered.content == wire(
            {
                "status": "ok",
                "message": "waiting for the owner to claim this unit",
                "success": True,
                "device_id": hardware_id,
                "expires_at": expires_at,
            }
        )
        assert dt.datetime.strptime(expires_at, "%Y-%m-%dT%H:%M:%SZ")
        assert (waiting.status_code, waiting.content) == (404, NOT_CLAIMED)
        assert claim_payload["userErrors"] == []
        assert claim_payload["device"]["kind"] == "FEEDER"
        api_key = fetched.json()["api_key"]
        assert fetched.status_code == 200
        assert fetched.headers["cache-control"] == "no-store"
        assert fetched.content == wire(
            {
                "status": "ok",
                "message": "claimed",
                "success": True,
                "device_id": hardware_id,
                "api_key": api_key,
            }
        )
        assert len(api_key) == 48
        assert fetched_again.status_code == 410
        assert api_key.encode() not in fetched_again.content
        assert fetched_again.json()["error"] == "PAIRING_KEY_DELIVERED"

        # when: the paired unit heartbeats with Device-ID + X-Device-Key, then unpairs
        device = RegisteredDevice(claim_payload["device"]["id"], hardware_id, api_key)
        heartbeat = await post_status(
            owner.server,
            as_wire_bytes(heartbeat_body(device)),
            paired_headers(hardware_id, api_key),
        )
        re_register = await register(owner.server, hardware_id, "111111")
        unpaired = await device_post(
            server_b, UNPAIR_PATH, {"device_id": hardware_id}, paired_headers(hardware_id, api_key)
        )
        after = await post_status(
            owner.server,
            as_wire_bytes(heartbeat_body(device)),
            paired_headers(hardware_id, api_key),
        )
        # then
        assert heartbeat.status_code == 200
        assert re_register.status_code == 409
        assert re_register.json()["error"] == "DEVICE_ALREADY_PAIRED"
        assert unpaired.content == wire(
            {
                "status": "ok",
                "message": "unpaired",
                "success": True,
                "unpaired": True,
                "device_id": hardware_id,
            }
        )
        assert after.status_code == 403
        assert (await owner.execute(DEVICE, {"id": device.id}))["node"] is None


class TestRegisterRefusals:
    @pytest.mark.parametrize("pin", ["12345", "1234567", "12a456"])
    async def test_a_pin_of_other_than_6_digits_is_400(self, server_a, pin):
        # given
        hardware_id = feeder_hardware_id()
        # when
        response = await register(server_a, hardware_id, pin)
        # then
        assert response.status_code == 400
        assert response.content == (
            b'{"status": "error", "message": "The PIN must be exactly 6 digits.", '
            b'"success": false, "error": "INVALID_PAIRING_PIN"}'
        )

    async def test_a_sixth_registration_within_a_minute_is_429(self, server_a, server_b):
        # given
        hardware_id = feeder_hardware_id()
        for server in (server_a, server_b, server_a, server_b, server_a):
            assert (await register(server, hardware_id)).status_code == 201
        # when
        response = await register(server_b, hardware_id)
        # then
        assert response.status_code == 429
        assert response.json()["error"] == "RATE_LIMITED"

    async def test_missing_fields_are_400(self, server_a):
        # given
        hardware_id = feeder_hardware_id()
        # when
        response = await device_post(
            server_a, REGISTER_PATH, {"device_id": hardware_id}, unit_headers(hardware_id)
        )
        # then
        assert response.status_code == 400
        assert response.json()["status"] == "error"


class TestClaimedRefusals:
    async def test_an_unknown_unit_looks_like_one_not_claimed_yet(self, server_a):
        # when
        response = await claimed(server_a, feeder_hardware_id())
        # then
        assert (response.status_code, response.content) == (404, NOT_CLAIMED)

    async def test_a_wrong_pin_gets_no_key(self, owner):
        # given
        hardware_id = feeder_hardware_id()
        await register(owner.server, hardware_id)
        await claim(owner, hardware_id)
        # when
        guessed = await claimed(owner.server, hardware_id, "000000")
        # then
        assert (guessed.status_code, guessed.content) == (404, NOT_CLAIMED)
        assert (await claimed(owner.server, hardware_id)).status_code == 200


class TestClaimDeviceLive:
    async def test_a_wrong_pin_is_a_user_error(self, owner):
        # given
        hardware_id = feeder_hardware_id()
        await register(owner.server, hardware_id)
        # when
        payload = await claim(owner, hardware_id, "999999")
        # then
        assert payload["device"] is None
        assert [error["code"] for error in payload["userErrors"]] == ["PAIRING_NOT_FOUND"]

    async def test_the_eleventh_claim_in_ten_minutes_is_rate_limited(self, owner, server_b):
        # given
        hardware_id = feeder_hardware_id()
        await register(owner.server, hardware_id)
        on_b = GraphQLClient(server_b, owner.token)
        for attempt in range(10):
            await claim(owner if attempt % 2 else on_b, hardware_id, "000000")
        # when
        payload = await claim(owner, hardware_id)
        # then
        assert [error["code"] for error in payload["userErrors"]] == ["RATE_LIMITED"]


class TestHijack:
    """issue 8, item 1: a stranger who knows the chip id must not get the unit."""

    async def test_a_strangers_register_never_displaces_the_units_pin(
        self, owner, other_owner, server_b
    ):
        # given: the unit shows PIN; a stranger registers 000001 for the same chip id
        hardware_id = feeder_hardware_id()
        unit = await register(owner.server, hardware_id)
        stranger = await register(server_b, hardware_id, "000001", from_ip=a_stranger_ip())
        await claimed(owner.server, hardware_id)  # the unit polls with its own PIN
        # when
        strangers_claim = await claim(other_owner, hardware_id, "000001")
        owners_claim = await claim(owner, hardware_id)
        strangers_poll = await claimed(server_b, hardware_id, "000001")
        units_poll = await claimed(owner.server, hardware_id)
        # then
        assert (unit.status_code, stranger.status_code) == (201, 201)
        assert [e["code"] for e in strangers_claim["userErrors"]] == ["PAIRING_NOT_FOUND"]
        assert owners_claim["userErrors"] == []
        assert (strangers_poll.status_code, strangers_poll.content) == (404, NOT_CLAIMED)
        assert units_poll.status_code == 200
        assert len(units_poll.json()["api_key"]) == 48

    async def test_wrong_claims_from_many_accounts_use_up_the_pin(self, owner, anonymous):
        # given: five guesses, each from a fresh account
        hardware_id = feeder_hardware_id()
        await register(owner.server, hardware_id)
        for guess in range(5):
            guesser = await signed_up(anonymous, "guesser")
            refused = await claim(guesser, hardware_id, f"00000{guess}")
            assert [e["code"] for e in refused["userErrors"]] == ["PAIRING_NOT_FOUND"]
        # when
        payload = await claim(owner, hardware_id)
        # then: the PIN on the screen is used up; the unit must show a new one
        assert [e["code"] for e in payload["userErrors"]] == ["PAIRING_NOT_FOUND"]
        assert (await claimed(owner.server, hardware_id)).content == NOT_CLAIMED

    async def test_a_stranger_cannot_use_up_the_units_register_budget(self, server_a):
        # given: a stranger spends 5 registrations of the unit in a minute
        hardware_id = feeder_hardware_id()
        stranger_ip = a_stranger_ip()
        for pin in range(5):
            response = await register(server_a, hardware_id, f"10000{pin}", stranger_ip)
            assert response.status_code == 201
        # when
        sixth = await register(server_a, hardware_id, "100009", stranger_ip)
        unit = await register(server_a, hardware_id, PIN, a_stranger_ip())
        # then
        assert sixth.status_code == 429
        assert int(sixth.headers["retry-after"]) >= 1
        assert sixth.json()["error"] == "RATE_LIMITED"
        assert unit.status_code == 201


class TestUnpairRefusals:
    async def test_another_devices_key_cannot_unpair_it(self, owner):
        # given
        victim, intruder = await register_device(owner), await register_device(owner)
        headers = paired_headers(intruder.hardware_id, intruder.api_key)
        # when
        response = await device_post(
            owner.server, UNPAIR_PATH, {"device_id": victim.hardware_id}, headers
        )
        # then
        assert response.status_code == 403
        assert (await owner.execute(DEVICE, {"id": victim.id}))["node"] == {"id": victim.id}
