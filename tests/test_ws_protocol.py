"""graphql_api.ws_protocol: uvicorn's websocket protocol, holding less for each open socket, under
a real uvicorn server (as ``pawgraph serve`` configures it) and a real websockets client."""

import asyncio
import socket
from collections.abc import Callable
from typing import Any

import pytest
import uvicorn
import websockets
from websockets.client import ClientProtocol
from websockets.frames import Frame, Opcode
from websockets.http11 import Response
from websockets.uri import parse_uri

from graphql_api import cli, ws_protocol
from graphql_api.ws_protocol import LeanWebSocketProtocol, _Inbox
from tests.support.in_process_server import serving

WAIT_S = 10.0
LARGE_MESSAGE = "x" * 64 * 1024
# The server's kernel send buffer in the flood tests: fixed, so that what the kernel holds for a
# client that does not read is the same on every host.
SEND_BUFFER = 64 * 1024
# Far more than the kernel's buffers (the server's send buffer, the client's 4 KB receive
# buffer) and the transport's own high-water mark hold for a client that does not read.
LARGE_MESSAGES = 128


class SlowReader:
    """A client that reads only when told to, on a socket with a small receive buffer: what
    the server sends piles up in the server's own transport (websockets' sans-I/O client
    parses what it reads)."""

    def __init__(self, url: str) -> None:
        self.protocol = ClientProtocol(parse_uri(url), max_size=None)
        self.url = url
        self.reader: asyncio.StreamReader
        self.writer: asyncio.StreamWriter
        self.messages: list[str] = []

    async def connect(self) -> None:
        uri = parse_uri(self.url)
        raw = socket.socket()
        raw.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        raw.setblocking(False)
        await asyncio.get_running_loop().sock_connect(raw, (uri.host, uri.port))
        self.reader, self.writer = await asyncio.open_connection(sock=raw, limit=4096)
        self.protocol.send_request(self.protocol.connect())
        self.writer.write(b"".join(self.protocol.data_to_send()))
        while not any(isinstance(event, Response) for event in await self._read()):
            pass

    async def receive(self, count: int) -> list[str]:
        while len(self.messages) < count:
            for event in await self._read():
                if isinstance(event, Frame) and event.opcode is Opcode.TEXT:
                    self.messages.append(event.data.decode())
        return self.messages

    def abort(self) -> None:
        self.writer.transport.abort()

    async def _read(self) -> list[Any]:
        data = await asyncio.wait_for(self.reader.read(65536), WAIT_S)
        if not data:
            raise ConnectionError("the server closed the connection")
        self.protocol.receive_data(data)
        return self.protocol.events_received()


class EchoApp:
    """Accepts, answers each text message with itself, and notes how the socket ended."""

    def __init__(self) -> None:
        self.disconnect: dict | None = None

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        assert (await receive())["type"] == "websocket.connect"
        await send({"type": "websocket.accept"})
        headers = dict(scope["headers"])
        await send({"type": "websocket.send", "text": headers[b"x-probe"].decode()})
        while True:
            message = await receive()
            if message["type"] == "websocket.disconnect":
                self.disconnect = message
                return
            await send({"type": "websocket.send", "text": message["text"]})


class FloodApp:
    """Accepts and sends LARGE_MESSAGES large messages, counting the sends that returned."""

    def __init__(self) -> None:
        self.sent = 0
        self.ended: BaseException | None = None
        self.done = asyncio.Event()

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        await receive()
        await send({"type": "websocket.accept"})
        try:
            for number in range(LARGE_MESSAGES):
                await send({"type": "websocket.send", "text": f"{number:04d}{LARGE_MESSAGE}"})
                self.sent += 1
        except OSError as error:  # uvicorn's ClientDisconnected
            self.ended = error
        finally:
            self.done.set()


class NowApp:
    """Accepts, then writes large messages with ``send_text_now`` until the socket declines
    one; once told to, one more; then closes and tries once more."""

    def __init__(self) -> None:
        self.taken = 0
        self.declined = asyncio.Event()
        self.go_on = asyncio.Event()
        self.taken_later: bool | None = None
        self.taken_after_close: bool | None = None
        self.done = asyncio.Event()

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        await receive()
        await send({"type": "websocket.accept"})
        send_text_now = scope["extensions"][ws_protocol.SEND_TEXT_NOW]
        while send_text_now(f"{self.taken:04d}{LARGE_MESSAGE}"):
            self.taken += 1
            assert self.taken < LARGE_MESSAGES, "the socket never declined"
        self.declined.set()
        await self.go_on.wait()
        self.taken_later = send_text_now(f"{self.taken:04d}{LARGE_MESSAGE}")
        await send({"type": "websocket.close"})
        self.taken_after_close = send_text_now("after the close")
        self.done.set()


class TestOverARealServer:
    async def test_messages_arrive_in_order_both_ways_and_the_close_reaches_the_app(self):
        # given
        app = EchoApp()
        async with serving(app) as served:
            async with websockets.connect(
                served.url, additional_headers={"X-Probe": "from the handshake"}
            ) as client:
                # when
                greeting = await client.recv()
                for number in range(50):
                    await client.send(str(number))
                echoed = [await client.recv() for _ in range(50)]
                await client.close(code=4000, reason="bye")
            async with asyncio.timeout(WAIT_S):
                while app.disconnect is None:
                    await asyncio.sleep(0.01)

        # then
        assert greeting == "from the handshake"
        assert echoed == [str(number) for number in range(50)]
        assert app.disconnect["code"] == 4000

    async def test_an_open_socket_keeps_neither_the_handshake_request_nor_its_response(self):
        # given
        async with serving(EchoApp()) as served:
            async with websockets.connect(
                served.url, additional_headers={"X-Probe": "kept in the scope"}
            ) as client:
                # when
                assert await client.recv() == "kept in the scope"
                (protocol,) = served.protocols()

                # then
                assert isinstance(protocol, LeanWebSocketProtocol)
                assert protocol.request is None
                assert protocol.response is None
                # websockets' parser, suspended for as long as the socket is open, still holds
                # the request it parsed: with its headers emptied.
                parsed = protocol.conn.parser.gi_frame.f_locals["request"]
                assert len(parsed.headers) == 0
                # The scope (what the app reads) still has every header.
                assert (b"x-probe", b"kept in the scope") in protocol.scope["headers"]

    async def test_a_client_that_does_not_read_holds_the_sender_back_until_it_reads(self):
        # given
        app = FloodApp()
        async with serving(app, send_buffer=SEND_BUFFER) as served:
            client = SlowReader(served.url)
            await client.connect()

            # when: the client reads nothing for a while, then everything
            await asyncio.sleep(1.0)
            sent_before_reading = app.sent
            received = await client.receive(LARGE_MESSAGES)
            await asyncio.wait_for(app.done.wait(), WAIT_S)
            client.abort()

        # then
        assert 0 < sent_before_reading < LARGE_MESSAGES
        assert [message[:4] for message in received] == [
            f"{number:04d}" for number in range(LARGE_MESSAGES)
        ]
        assert all(message[4:] == LARGE_MESSAGE for message in received)
        assert app.sent == LARGE_MESSAGES
        assert app.ended is None

    async def test_a_sender_held_back_is_released_when_the_client_goes_away(self):
        # given
        app = FloodApp()
        async with serving(app, send_buffer=SEND_BUFFER) as served:
            client = SlowReader(served.url)
            await client.connect()
            await asyncio.sleep(1.0)
            assert app.sent < LARGE_MESSAGES

            # when
            client.abort()
            await asyncio.wait_for(app.done.wait(), WAIT_S)

        # then
        assert isinstance(app.ended, OSError)
        assert app.sent < LARGE_MESSAGES


class TestSendTextNow:
    async def test_writes_until_the_transport_is_full_then_again_once_the_client_read(self):
        # given: a client that reads nothing yet
        app = NowApp()
        async with serving(app, send_buffer=SEND_BUFFER) as served:
            client = SlowReader(served.url)
            await client.connect()
            await asyncio.wait_for(app.declined.wait(), WAIT_S)
            taken = app.taken

            # when: it reads what was taken; then the app writes one more
            received = list(await client.receive(taken))
            app.go_on.set()
            await asyncio.wait_for(app.done.wait(), WAIT_S)
            received = await client.receive(taken + 1)
            client.abort()

        # then: what was declined was not written; every message taken arrived, in order
        assert 0 < taken < LARGE_MESSAGES
        assert app.taken_later is True
        assert [message[:4] for message in received] == [
            f"{number:04d}" for number in range(taken + 1)
        ]
        assert all(message[4:] == LARGE_MESSAGE for message in received)

    async def test_declines_once_the_socket_is_closing(self):
        app = NowApp()
        app.go_on.set()
        async with serving(app, send_buffer=SEND_BUFFER) as served:
            client = SlowReader(served.url)
            await client.connect()
            await asyncio.wait_for(app.declined.wait(), WAIT_S)
            await client.receive(app.taken)
            await asyncio.wait_for(app.done.wait(), WAIT_S)
            client.abort()

        assert app.taken_after_close is False


class TestInbox:
    async def test_hands_items_out_in_order_to_a_reader_that_waits(self):
        # given
        inbox = _Inbox()
        reader = asyncio.create_task(inbox.get())
        await asyncio.sleep(0)

        # when
        inbox.put_nowait("first")
        inbox.put_nowait("second")

        # then
        assert await reader == "first"
        assert await inbox.get() == "second"
        assert inbox.empty()

    async def test_an_item_woken_for_a_cancelled_reader_goes_to_the_next_reader(self):
        # given
        inbox = _Inbox()
        cancelled = asyncio.create_task(inbox.get())
        waiting = asyncio.create_task(inbox.get())
        await asyncio.sleep(0)

        # when: the first reader is woken for the item, then cancelled before it takes it
        inbox.put_nowait("item")
        cancelled.cancel()

        # then
        with pytest.raises(asyncio.CancelledError):
            await cancelled
        assert await asyncio.wait_for(waiting, WAIT_S) == "item"
        assert inbox.empty()


class TestServe:
    def test_pawgraph_serve_runs_this_protocol(self, monkeypatch: pytest.MonkeyPatch):
        # given
        options: dict[str, Any] = {}
        monkeypatch.setattr(cli.uvicorn, "run", lambda app, **given: options.update(given))

        # when
        cli.serve(host=None, port=None, workers=1, reload=False)

        # then
        assert options["ws"] == ws_protocol.IMPORT_PATH
        assert uvicorn.importer.import_from_string(options["ws"]) is LeanWebSocketProtocol
