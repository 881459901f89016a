"""What clients can send that once answered "Unexpected error." or a 500 (issue 8, "Bad
input"): each is refused with a typed error (or, where the firmware sends it, tolerated)."""

import base64
import json
from typing import Any

import httpx
import pytest

from tests.factories.devices import (
    as_wire_bytes,
    feeder_headers,
    heartbeat_body,
    post_status,
    register_device,
    register_hub,
)
from tests.factories.schedules import device_post
from tests.support.graphql_client import GraphQLClient, post_graphql

NUL = "a\u0000b"
HUGE_PK = 2**31
EDGE_TIMES = ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"]
NUL_MUTATIONS = {
    "login": (
        "login(input: $input) { userErrors { code } }",
        "LoginInput",
        {"email": NUL, "password": "x"},
    ),
    "register": (
        "register(input: $input) { userErrors { code } }",
        "RegisterInput",
        {"email": "nul@example.com", "password": "correct-horse-42", "displayName": NUL},
    ),
    "createPet": (
        "createPet(input: $input) { userErrors { code } }",
        "CreatePetInput",
        {"name": NUL, "species": "DOG"},
    ),
    "createPost": (
        "createPost(input: $input) { userErrors { code } }",
        "CreatePostInput",
        {"text": NUL},
    ),
    "updateProfile": (
        "updateProfile(input: $input) { userErrors { code } }",
        "UpdateProfileInput",
        {"bio": NUL},
    ),
    "registerDevice": (
        "registerDevice(input: $input) { userErrors { code } }",
        "RegisterDeviceInput",
        {"kind": "FEEDER", "name": NUL, "hardwareId": "ESP-0000AAAA"},
    ),
}


def global_id(type_name: str, pk: int) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


async def raw(client: GraphQLClient, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {client.token}"} if client.token else {}
    response = await post_graphql(client.server, {"query": query, "variables": variables}, headers)
    assert response.status_code == 200, response.text
    return response.json()


def no_unexpected_errors(body: dict[str, Any]) -> None:
    for error in body.get("errors") or []:
        assert error["message"] != "Unexpected error.", body


class TestNulCharacters:
    @pytest.mark.parametrize("name", sorted(NUL_MUTATIONS))
    async def test_are_refused_as_a_user_error(self, owner, name):
        # given
        selection, input_type, fields = NUL_MUTATIONS[name]
        query = f"mutation M($input: {input_type}!) {{ {selection} }}"
        # when
        body = await raw(owner, query, {"input": fields})
        # then
        no_unexpected_errors(body)
        assert body["data"][name]["userErrors"][0]["code"] == "INVALID"

    async def test_in_a_listing_search_is_a_typed_error(self, owner):
        # when
        body = await raw(
            owner,
            "query L($filter: ListingFilterInput) { listings(filter: $filter) { totalCount } }",
            {"filter": {"text": NUL}},
        )
        # then
        no_unexpected_errors(body)
        assert body["errors"][0]["extensions"]["code"] == "INVALID"

    async def test_in_a_feeding_log_note_is_dropped(self, owner):
        # given
        feeder = await register_device(owner)
        log = {"device_id": feeder.hardware_id, "portion_dispensed": 30, "source": "manual"}
        # when
        response = await device_post(
            owner.server,
            "/api/device/logs/",
            {**log, "notes": "jam\u0000cleared"},
            feeder_headers(feeder),
        )
        # then
        assert response.status_code == 201, response.text


class TestHugeIds:
    async def test_a_node_beyond_the_key_range_is_null(self, owner):
        # when
        body = await raw(
            owner,
            "query N($id: ID!) { node(id: $id) { id } }",
            {"id": global_id("Device", HUGE_PK)},
        )
        # then
        assert body == {"data": {"node": None}}

    async def test_feed_now_for_one_is_not_found(self, owner):
        # when
        body = await raw(
            owner,
            "mutation F($input: FeedNowInput!) { feedNow(input: $input) { userErrors { code } } }",
            {"input": {"deviceId": global_id("Device", HUGE_PK), "grams": 20}},
        )
        # then
        assert body["data"]["feedNow"]["userErrors"] == [{"code": "NOT_FOUND"}]

    @pytest.mark.parametrize("field", ["alerts", "feedingHistory"])
    async def test_lists_filtered_by_one_are_a_typed_error(self, owner, field):
        # when
        body = await raw(
            owner,
            f"query Q($id: ID) {{ {field}(deviceId: $id) {{ totalCount }} }}",
            {"id": global_id("Device", HUGE_PK)},
        )
        # then
        no_unexpected_errors(body)
        assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


class TestTimesAtTheEdges:
    @pytest.mark.parametrize("moment", EDGE_TIMES)
    async def test_a_heartbeat_is_400_in_the_petio_envelope(self, owner, moment):
        # given
        feeder = await register_device(owner)
        # when
        response = await post_status(
            owner.server,
            as_wire_bytes(heartbeat_body(feeder, timestamp=moment)),
            feeder_headers(feeder),
        )
        # then
        assert response.status_code == 400
        assert response.json()["status"] == "error"

    @pytest.mark.parametrize("moment", EDGE_TIMES)
    async def test_a_feeding_log_takes_the_receive_time(self, owner, moment):
        # given: WIRE.md, a bad timestamp means the receive time
        feeder = await register_device(owner)
        log = {"timestamp": moment, "portion_dispensed": 30, "source": "manual"}
        # when
        response = await device_post(owner.server, "/api/device/logs/", log, feeder_headers(feeder))
        # then
        assert response.status_code == 201, response.text

    @pytest.mark.parametrize("moment", EDGE_TIMES)
    async def test_feeding_history_refuses_them_as_invalid_input(self, owner, moment):
        # when
        body = await raw(
            owner,
            "query H($from: DateTime) { feedingHistory(from: $from) { totalCount } }",
            {"from": moment},
        )
        # then
        assert body["data"] is None
        assert "DateTime" in body["errors"][0]["message"]


class TestDeviceBodies:
    @pytest.mark.parametrize(
        "content",
        [b'{"device_id": "\xff\xfe"}', b"[" * 2000 + b"]" * 2000],
        ids=["not-utf8", "deeply-nested"],
    )
    async def test_unreadable_json_gets_the_petio_envelope(self, owner, content):
        # given
        feeder = await register_device(owner)
        # when
        response = await post_status(owner.server, content, feeder_headers(feeder))
        # then
        assert response.status_code == 400
        assert response.json() == {
            "status": "error",
            "message": "Request body is not valid JSON.",
            "success": False,
            "error": "INVALID",
        }

    async def test_unreadable_json_gets_the_hub_envelope(self, owner):
        # given
        hub = await register_hub(owner)
        # when
        async with httpx.AsyncClient(base_url=owner.server.base_url, timeout=30) as http:
            response = await http.post(
                f"/h/{hub.api_key}/api/breaker-data/",
                content=b"{\xff}",
                headers={"Content-Type": "application/json"},
            )
        # then
        assert response.status_code == 400
        assert response.json()["success"] is False

    @pytest.mark.parametrize(
        ("path", "body"),
        [
            ("/data/", {"device_id": "FE", "current_a": True, "current_b": 0}),
            ("/breaker-data/", {"ccu_id": "02", "current_ma": True}),
        ],
    )
    async def test_true_is_not_a_milliamp(self, owner, path, body):
        # given
        hub = await register_hub(owner)
        # when
        async with httpx.AsyncClient(base_url=owner.server.base_url, timeout=30) as http:
            response = await http.post(f"/h/{hub.api_key}/api{path}", json=body)
        # then
        assert response.status_code == 400
        assert response.json()["success"] is False

    async def test_true_is_not_a_gram(self, owner):
        # given
        feeder = await register_device(owner)
        log = {"portion_dispensed": True, "source": "manual"}
        # when
        response = await device_post(owner.server, "/api/device/logs/", log, feeder_headers(feeder))
        # then
        assert response.status_code == 400

    async def test_an_uptime_beyond_int32_is_refused(self, owner):
        # given
        feeder = await register_device(owner)
        # when
        response = await post_status(
            owner.server,
            as_wire_bytes(heartbeat_body(feeder, uptime=2**70)),
            feeder_headers(feeder),
        )
        # then
        assert response.status_code == 400
        assert "uptime" in response.json()["message"]

    async def test_commands_of_a_malformed_outlet_id_are_404(self, owner):
        # given
        hub = await register_hub(owner)
        # when
        async with httpx.AsyncClient(base_url=owner.server.base_url, timeout=30) as http:
            response = await http.get(f"/h/{hub.api_key}/api/commands/ZZ/")
        # then
        assert response.status_code == 404
        assert json.loads(response.content)["success"] is False
