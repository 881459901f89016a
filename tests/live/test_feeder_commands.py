"""The PETio feeder's command cycle against a live server, byte for byte (WIRE.md section 1):
the owner taps feed-now in the app, the unit polls, runs it, acknowledges, posts its log."""

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from gql.transport.exceptions import TransportQueryError

from graphql_api import events
from tests.factories.devices import (
    RegisteredDevice,
    as_wire_bytes,
    feeder_headers,
    post_status,
    register_device,
)
from tests.live.alerting import on, until_subscribed
from tests.support.graphql_client import GraphQLClient, next_result, pk_of
from tests.support.live_server import LiveServer

COMMAND_PATH = "/api/device/command/"
FALLBACK_COMMAND_PATH = "/api/device/feed-command/"
ACK_PATH = "/api/device/command/ack/"
FALLBACK_ACK_PATH = "/api/device/acknowledge/"
LOGS_PATH = "/api/device/logs/"
NO_PENDING = b'{"status": "ok", "message": "no pending", "success": true, "has_command": false}'
FOREIGN_DEVICE_ID = (
    b'{"status": "error", "message": "The device key does not belong to this device_id.", '
    b'"success": false, "error": "DEVICE_KEY_INVALID"}'
)
COMMAND_NOT_FOUND = (
    b'{"status": "error", "message": "Command not found.", "success": false, '
    b'"error": "COMMAND_NOT_FOUND"}'
)

FEED_NOW = """
mutation FeedNow($input: FeedNowInput!) {
  feedNow(input: $input) { command { id status createdAt } userErrors { field code message } }
}
"""
COMMAND = """
query Command($id: ID!) {
  node(id: $id) { ... on Command { id status reason transitions { status reason } } }
}
"""
COMMAND_UPDATED = """
subscription CommandUpdated($deviceId: ID!) {
  commandUpdated(deviceId: $deviceId) { id kind status reason transitions { status } }
}
"""
FEEDING_HISTORY = """
query History($deviceId: ID) {
  feedingHistory(deviceId: $deviceId) {
    totalCount
    edges { node { grams source command { id status } } }
  }
}
"""


def wire_time(iso: str) -> str:
    return dt.datetime.fromisoformat(iso).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


async def poll(
    server: LiveServer,
    feeder: RegisteredDevice,
    path: str = COMMAND_PATH,
    device_id: str | None = None,
) -> httpx.Response:
    """The unit's GET, exactly as it sends it: query device_id, its headers, no redirects."""
    query = f"?device_id={device_id or feeder.hardware_id}"
    async with httpx.AsyncClient(
        base_url=server.base_url, timeout=30, follow_redirects=False
    ) as http:
        return await http.get(path + query, headers=feeder_headers(feeder))


async def ack(
    server: LiveServer, feeder: RegisteredDevice, command_id: int, result: str, path: str = ACK_PATH
) -> httpx.Response:
    body = {"command_id": command_id, "device_id": feeder.hardware_id, "result": result}
    return await post_status(server, as_wire_bytes(body), feeder_headers(feeder), path)


async def feed_now(
    owner: GraphQLClient, feeder: RegisteredDevice, grams: int = 30
) -> dict[str, Any]:
    payload = (await owner.execute(FEED_NOW, {"input": {"deviceId": feeder.id, "grams": grams}}))[
        "feedNow"
    ]
    assert payload["userErrors"] == []
    return payload["command"]


def pending(command: dict[str, Any], grams: float) -> bytes:
    return (
        b'{"status": "ok", "message": "command pending", "success": true, "has_command": true, '
        b'"command": "feed_now", "command_id": %d, "portion_size": %s, "created_at": "%s"}'
        % (pk_of(command["id"]), repr(grams).encode(), wire_time(command["createdAt"]).encode())
    )


def acknowledged(command_id: int, status: str) -> bytes:
    return (
        b'{"status": "ok", "message": "command acknowledged", "success": true, '
        b'"command_id": %d, "command_status": "%s"}' % (command_id, status.encode())
    )


async def until_status(updates: AsyncIterator[dict[str, Any]], status: str) -> dict[str, Any]:
    while True:
        update = (await next_result(updates))["commandUpdated"]
        if update["status"] == status:
            return update


class TestFeedNowCycle:
    async def test_feed_now_succeeds_live_and_is_logged_once(
        self, owner, server_a, server_b, test_environment
    ):
        # given: the owner watches the feeder's commands on the other process
        feeder = await register_device(owner)
        async with on(server_b, owner).subscribe(
            COMMAND_UPDATED, {"deviceId": feeder.id}
        ) as updates:
            succeeded = asyncio.ensure_future(until_status(updates, "SUCCEEDED"))
            channel = events.device_commands_channel(pk_of(feeder.id))
            await until_subscribed(test_environment.redis_url, channel)

            # when: feed now, then the unit's poll, ack and log
            command = await feed_now(owner, feeder, grams=30)
            command_id = pk_of(command["id"])
            polled = await poll(server_a, feeder)
            sent = (await owner.execute(COMMAND, {"id": command["id"]}))["node"]
            acked = await ack(server_a, feeder, command_id, "ok")
            update = await asyncio.wait_for(succeeded, 10)
            log_body = {
                "device_id": feeder.hardware_id,
                "timestamp": "2026-11-23T08:00:05Z",
                "portion_dispensed": 30,
                "source": "remote_command",
            }
            logged = await post_status(
                server_a, as_wire_bytes(log_body), feeder_headers(feeder), LOGS_PATH
            )
            again = await poll(server_a, feeder)

        # then
        assert (polled.status_code, polled.content) == (200, pending(command, 30.0))
        assert sent["status"] == "SENT"
        assert (acked.status_code, acked.content) == (200, acknowledged(command_id, "SUCCEEDED"))
        assert (update["id"], update["kind"]) == (command["id"], "FEED_NOW")
        assert [t["status"] for t in update["transitions"]] == ["QUEUED", "SENT", "SUCCEEDED"]
        assert (logged.status_code, logged.content) == (
            201,
            b'{"status": "ok", "message": "logs recorded", "success": true, "created": 1}',
        )
        assert (again.status_code, again.content) == (200, NO_PENDING)
        history = (await owner.execute(FEEDING_HISTORY, {"deviceId": feeder.id}))["feedingHistory"]
        assert history["totalCount"] == 1
        assert history["edges"][0]["node"] == {
            "grams": 30.0,
            "source": "REMOTE_COMMAND",
            "command": {"id": command["id"], "status": "SUCCEEDED"},
        }

    async def test_a_busy_unit_fails_the_command_with_its_reason(self, owner, server_a):
        # given
        feeder = await register_device(owner)
        command = await feed_now(owner, feeder, grams=160)
        polled = await poll(server_a, feeder, FALLBACK_COMMAND_PATH)

        # when
        refused = await ack(server_a, feeder, pk_of(command["id"]), "busy", FALLBACK_ACK_PATH)
        repeated = await ack(server_a, feeder, pk_of(command["id"]), "ok")

        # then
        assert (polled.status_code, polled.content) == (200, pending(command, 160.0))
        assert (refused.status_code, refused.content) == (
            200,
            acknowledged(pk_of(command["id"]), "FAILED"),
        )
        assert repeated.content == acknowledged(pk_of(command["id"]), "FAILED")
        node = (await owner.execute(COMMAND, {"id": command["id"]}))["node"]
        assert (node["status"], node["reason"]) == ("FAILED", "busy")
        assert node["transitions"] == [
            {"status": "QUEUED", "reason": None},
            {"status": "SENT", "reason": None},
            {"status": "FAILED", "reason": "busy"},
        ]

    async def test_nothing_pending_is_the_exact_no_pending_body(self, owner, server_a):
        # given
        feeder = await register_device(owner)

        # when
        polled = await poll(server_a, feeder)

        # then
        assert (polled.status_code, polled.content) == (200, NO_PENDING)


class TestDenials:
    async def test_another_owners_feed_now_on_my_feeder_is_not_found(self, owner, other_owner):
        # given
        feeder = await register_device(owner)

        # when
        result = await other_owner.execute(
            FEED_NOW, {"input": {"deviceId": feeder.id, "grams": 30}}
        )

        # then
        [error] = result["feedNow"]["userErrors"]
        assert (error["code"], error["field"]) == ("DEVICE_NOT_FOUND", ["deviceId"])
        assert result["feedNow"]["command"] is None

    async def test_another_owner_cannot_follow_my_commands(self, owner, other_owner):
        # given
        feeder = await register_device(owner)

        # when
        async with other_owner.subscribe(COMMAND_UPDATED, {"deviceId": feeder.id}) as updates:
            with pytest.raises(TransportQueryError) as raised:
                await next_result(updates)

        # then
        assert raised.value.errors[0]["extensions"]["code"] == "DEVICE_NOT_FOUND"

    async def test_another_devices_key_cannot_fetch_or_ack_my_commands(self, owner, server_a):
        # given
        mine = await register_device(owner)
        theirs = await register_device(owner)
        command = await feed_now(owner, mine)

        # when
        their_poll = await poll(server_a, theirs)
        posing = await poll(server_a, theirs, device_id=mine.hardware_id)
        their_ack = await ack(server_a, theirs, pk_of(command["id"]), "ok")
        my_poll = await poll(server_a, mine)

        # then
        assert (their_poll.status_code, their_poll.content) == (200, NO_PENDING)
        assert (posing.status_code, posing.content) == (403, FOREIGN_DEVICE_ID)
        assert (their_ack.status_code, their_ack.content) == (404, COMMAND_NOT_FOUND)
        assert (my_poll.status_code, my_poll.content) == (200, pending(command, 30.0))

    async def test_a_bad_key_is_refused(self, owner, server_a):
        # given
        feeder = await register_device(owner)
        forged = RegisteredDevice(feeder.id, feeder.hardware_id, "0" * 48)

        # when
        polled = await poll(server_a, forged)

        # then
        assert polled.status_code == 403
        assert polled.json()["error"] == "DEVICE_KEY_INVALID"

    async def test_an_ack_without_command_id_is_a_400(self, owner, server_a):
        # given
        feeder = await register_device(owner)
        body = as_wire_bytes({"device_id": feeder.hardware_id, "result": "ok"})

        # when
        response = await post_status(server_a, body, feeder_headers(feeder), ACK_PATH)

        # then
        assert (response.status_code, response.content) == (
            400,
            b'{"status": "error", "message": "command_id: Field required", "success": false, '
            b'"error": "INVALID"}',
        )

    async def test_an_unknown_command_is_a_404(self, owner, server_a):
        # given
        feeder = await register_device(owner)

        # when
        response = await ack(server_a, feeder, 2**31 - 1, "ok")

        # then
        assert (response.status_code, response.content) == (404, COMMAND_NOT_FOUND)
