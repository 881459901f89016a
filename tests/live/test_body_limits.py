"""Request bodies are capped per route class before they are read (issue 8, item 4): 413 in
the route's envelope, from Content-Length or while a chunked body streams."""

import asyncio
import json
from collections.abc import AsyncIterator

import httpx

from tests.factories.devices import feeder_headers, register_device, register_hub
from tests.support.live_server import LiveServer

DEVICE_CAP = 4096
GRAPHQL_ANONYMOUS_CAP = 16_384
PETIO_TOO_LARGE = {
    "status": "error",
    "message": f"The request body is over {DEVICE_CAP} bytes.",
    "success": False,
    "error": "PAYLOAD_TOO_LARGE",
}


async def chunks(total: int, size: int = 1024) -> AsyncIterator[bytes]:
    """A body without Content-Length (chunked transfer encoding)."""
    sent = 0
    while sent < total:
        yield b" " * min(size, total - sent)
        sent += size


async def post(server: LiveServer, path: str, content, headers: dict[str, str]) -> httpx.Response:
    async with httpx.AsyncClient(base_url=server.base_url, timeout=30) as http:
        return await http.post(path, content=content, headers=headers)


async def post_chunked(
    server: LiveServer, path: str, total: int, headers: dict[str, str]
) -> tuple[int, bytes]:
    """Send ``total`` bytes as 1 KiB chunks of a chunked body that never ends, then read the
    answer. The body has no terminating chunk, so only a server that cuts it off at the cap can
    answer at all. ``total`` should pass the cap by one chunk: the server then reads every byte
    sent before it closes, so the close is a clean FIN (a close with unread bytes is a reset,
    which can discard the answer before the client reads it)."""
    chunks = b"".join(b"400\r\n" + b" " * 1024 + b"\r\n" for _ in range(total // 1024))
    return await raw_post(server, path, {**headers, "Transfer-Encoding": "chunked"}, chunks)


async def post_whole(
    server: LiveServer, path: str, body: bytes, headers: dict[str, str]
) -> tuple[int, bytes]:
    """Send the request and its whole body before reading the answer, as a proxy does (nginx
    buffers a body, then passes it on in one go)."""
    return await raw_post(server, path, {**headers, "Content-Length": str(len(body))}, body)


async def raw_post(
    server: LiveServer, path: str, headers: dict[str, str], sent: bytes
) -> tuple[int, bytes]:
    """Over a raw connection: the request's head with ``headers``, then ``sent`` as it is,
    then the answer's status and body."""
    host, port = server.base_url.removeprefix("http://").split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    try:
        lines = [f"POST {path} HTTP/1.1", f"Host: {host}"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + sent)
        await writer.drain()
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
        status = int(head.split(b" ", 2)[1])
        length = int(head.lower().split(b"content-length: ", 1)[1].split(b"\r\n", 1)[0])
        return status, await asyncio.wait_for(reader.readexactly(length), 10)
    finally:
        writer.close()


def padded_heartbeat(device_id: str, size: int) -> bytes:
    body = {"device_id": device_id, "heartbeat": True, "error_message": ""}
    raw = json.dumps(body).encode()
    return raw[:-1] + b" " * (size - len(raw)) + b"}"


class TestDeviceRoutes:
    async def test_a_declared_body_over_the_cap_is_413_in_the_petio_envelope(self, owner):
        # given
        feeder = await register_device(owner)
        # when
        response = await post(
            owner.server,
            "/api/device/status/",
            padded_heartbeat(feeder.hardware_id, DEVICE_CAP + 1),
            feeder_headers(feeder),
        )
        # then
        assert response.status_code == 413
        assert response.json() == PETIO_TOO_LARGE

    async def test_a_chunked_body_is_cut_off_at_the_cap(self, owner):
        # given
        feeder = await register_device(owner)
        # when: chunks past the cap, then the client waits for the answer
        status, body = await post_chunked(
            owner.server, "/api/device/logs/", DEVICE_CAP + 1024, feeder_headers(feeder)
        )
        # then
        assert status == 413
        assert json.loads(body)["error"] == "PAYLOAD_TOO_LARGE"

    async def test_a_large_body_sent_whole_gets_its_answer_not_a_reset(self, owner):
        # given: a body far over the cap, all of it sent before the answer is read (a proxy
        # that finds the connection reset instead answers 502)
        feeder = await register_device(owner)
        body = padded_heartbeat(feeder.hardware_id, 200_000)

        # when: several times, as the reset is a race
        answers = [
            await post_whole(owner.server, "/api/device/status/", body, feeder_headers(feeder))
            for _ in range(5)
        ]

        # then
        assert [(status, json.loads(body)) for status, body in answers] == [
            (413, PETIO_TOO_LARGE)
        ] * 5

    async def test_a_body_declared_over_megabytes_is_refused_before_it_is_sent(self, owner):
        # given
        feeder = await register_device(owner)
        declared = {**feeder_headers(feeder), "Content-Length": "3000000"}

        # when: only the request's head, declaring 3 MB
        status, body = await raw_post(owner.server, "/api/device/status/", declared, b"")

        # then: answered at once, not after waiting for a body that large
        assert (status, json.loads(body)) == (413, PETIO_TOO_LARGE)

    async def test_a_body_at_the_cap_is_read(self, owner):
        # given
        feeder = await register_device(owner)
        # when
        response = await post(
            owner.server,
            "/api/device/status/",
            padded_heartbeat(feeder.hardware_id, DEVICE_CAP),
            feeder_headers(feeder),
        )
        # then
        assert response.status_code == 200, response.text

    async def test_a_hub_gets_its_own_envelope(self, owner):
        # given
        hub = await register_hub(owner)
        # when
        response = await post(
            owner.server,
            f"/h/{hub.api_key}/api/data/",
            b"{" + b" " * DEVICE_CAP + b"}",
            {"Content-Type": "application/json"},
        )
        # then
        assert response.status_code == 413
        assert response.json() == {
            "success": False,
            "message": f"The request body is over {DEVICE_CAP} bytes.",
        }


class TestGraphQL:
    async def test_an_anonymous_body_over_its_cap_is_a_413_graphql_error(self, server_a):
        # given: 100 kB without a token, declared
        query = "query { me { id } }" + " " * 100_000
        # when
        response = await post(
            server_a, "/graphql", json.dumps({"query": query}), {"Content-Type": "application/json"}
        )
        # then
        assert response.status_code == 413
        assert response.json() == {
            "errors": [
                {
                    "message": f"The request body is over {GRAPHQL_ANONYMOUS_CAP} bytes.",
                    "extensions": {"code": "PAYLOAD_TOO_LARGE"},
                }
            ]
        }

    async def test_a_forged_token_does_not_earn_the_large_cap(self, server_a):
        # when: declared, and streamed
        declared = await post(
            server_a,
            "/graphql",
            b" " * 100_000,
            {"Content-Type": "application/json", "Authorization": "Bearer not.a.token"},
        )
        streamed_status, streamed_body = await post_chunked(
            server_a,
            "/graphql",
            GRAPHQL_ANONYMOUS_CAP + 1024,
            {"Content-Type": "application/json", "Authorization": "Bearer not.a.token"},
        )
        # then: the anonymous cap applies (the token is checked before the body is read)
        assert declared.status_code == 413
        assert streamed_status == 413
        assert json.loads(streamed_body)["errors"][0]["extensions"]["code"] == "PAYLOAD_TOO_LARGE"

    async def test_a_signed_in_user_may_send_a_larger_body(self, owner):
        # given: 100 kB of whitespace around a query, under the 256 kB cap
        query = "query { me { id } }" + " " * 100_000
        # when
        response = await post(
            owner.server,
            "/graphql",
            json.dumps({"query": query}),
            {"Content-Type": "application/json", "Authorization": f"Bearer {owner.token}"},
        )
        # then
        assert response.status_code == 200
        assert response.json()["data"]["me"]["id"]
