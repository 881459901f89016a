"""aiomqtt schedules paho's event-loop registrations (``call_soon_threadsafe``) by descriptor
number. A registration that runs after its socket closed must not land on the next socket given
the same number: under uvloop, a dead client's writer then fires on the new connection's socket
in a busy loop (tens of thousands of calls in 50 ms), and after a broker restart the new
connection could neither read nor write."""

import asyncio
import socket
import struct

import aiomqtt
import pytest
import uvloop

from device_mqtt.connection import LoopSafeClient


class DeadPaho:
    """What aiomqtt's callbacks see of paho: the current socket, and reads and writes."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock: socket.socket | None = sock
        self.calls = 0

    def socket(self) -> socket.socket | None:
        return self.sock

    def loop_write(self) -> None:
        self.calls += 1

    def loop_read(self) -> None:
        self.calls += 1


async def _calls_on_the_next_socket(client_class: type[aiomqtt.Client], register: str) -> int:
    """Register for a socket, close it before the registration runs, open a socket that gets
    the same number, and count the old client's callbacks on it."""
    client = client_class("127.0.0.1", 1)
    old, peer = socket.socketpair()
    paho = DeadPaho(old)
    number = old.fileno()
    getattr(client, register)(paho, None, old)
    paho.sock = None  # paho closes it: the broker went away
    old.close()
    peer.close()
    new, new_peer = socket.socketpair()
    try:
        assert new.fileno() == number  # the kernel hands out the lowest free number
        new_peer.send(b"x")  # readable and writable: a registered callback would fire
        await asyncio.sleep(0.05)
        return paho.calls
    finally:
        loop = asyncio.get_running_loop()
        loop.remove_reader(new.fileno())
        loop.remove_writer(new.fileno())
        if client._misc_task is not None:
            client._misc_task.cancel()
        new.close()
        new_peer.close()


@pytest.mark.parametrize("register", ["_on_socket_register_write", "_on_socket_open"])
def test_a_registration_for_a_closed_socket_is_dropped(register: str) -> None:
    assert uvloop.run(_calls_on_the_next_socket(LoopSafeClient, register)) == 0


def test_stock_aiomqtt_would_fire_on_the_next_socket() -> None:
    """The probe: without the guard the old writer fires on the new socket."""
    assert uvloop.run(_calls_on_the_next_socket(aiomqtt.Client, "_on_socket_register_write")) > 0


async def _socket_left_after_a_connect_without_connack(client_class: type[aiomqtt.Client]):
    """Connect to a listener that accepts and never answers CONNECT; the client gives up.
    Returns paho's socket as the client left it, and whether the listener saw it close."""
    accepted: list[socket.socket] = []
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    loop = asyncio.get_running_loop()
    client = client_class("127.0.0.1", listener.getsockname()[1], timeout=0.3)
    try:
        with pytest.raises(aiomqtt.MqttError):
            async with client:
                pass
        accepted.append((await asyncio.wait_for(loop.sock_accept(listener), 5))[0])
        left = client._client.socket()
        return left, await _reads_to_end(loop, accepted[0])
    finally:
        for sock in accepted:
            sock.close()
        listener.close()


async def _reads_to_end(loop: asyncio.AbstractEventLoop, peer: socket.socket) -> bool:
    """Whether the peer closes within a second (after its CONNECT packet)."""
    try:
        async with asyncio.timeout(1):
            while await loop.sock_recv(peer, 4096):
                pass
    except TimeoutError:
        return False
    return True


def test_a_failed_connect_closes_its_socket_on_the_loop() -> None:
    """aiomqtt leaves the socket to paho, which closes it on garbage collection, from any
    thread, while the loop still watches it (under uvloop that wedges the descriptor number)."""
    left, closed = uvloop.run(_socket_left_after_a_connect_without_connack(LoopSafeClient))
    assert left is None
    assert closed


def test_stock_aiomqtt_leaves_the_socket_open_after_a_failed_connect() -> None:
    """The probe: without the release the socket stays open, registered with the loop."""
    left, _ = uvloop.run(_socket_left_after_a_connect_without_connack(aiomqtt.Client))
    try:
        assert left is not None
    finally:
        if left is not None:
            left.close()


class OnePacketPaho:
    """paho as aiomqtt's reader sees it: each ``loop_read`` reads one (here: 4-byte) packet."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock: socket.socket | None = sock
        self._sock = sock  # what aiomqtt's reader asks for SSL's pending bytes
        self.packets = 0

    def socket(self) -> socket.socket | None:
        return self.sock

    def loop_read(self) -> None:
        if self.sock.recv(4):
            self.packets += 1

    def loop_write(self) -> None:
        pass


async def _after_a_reset_behind_data(
    client_class: type[aiomqtt.Client], *, connected: bool = True
) -> tuple[bool, bool]:
    """The broker sends two packets and resets the connection before the loop looks: uvloop
    sees POLLERR, runs the reader once and closes the descriptor's poll handle. Returns whether
    the client reported a disconnect, and whether a later writer registration was refused."""
    loop = asyncio.get_running_loop()
    listener = socket.create_server(("127.0.0.1", 0))
    ours = socket.create_connection(listener.getsockname())
    broker, _ = listener.accept()
    ours.setblocking(False)
    client = client_class("127.0.0.1", 1)
    if connected:
        client._connected.set_result(None)  # as after the broker's CONNACK
    paho = OnePacketPaho(ours)
    refused: list[dict] = []
    loop.set_exception_handler(lambda _loop, context: refused.append(context))
    try:
        client._on_socket_open(paho, None, ours)
        await asyncio.sleep(0.05)  # registered
        broker.sendall(b"pkt1pkt2")
        broker.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        broker.close()  # RST behind the data
        await asyncio.sleep(0.2)
        assert paho.packets == 1  # the reader ran once, as uvloop runs it on POLLERR
        client._on_socket_register_write(paho, None, ours)  # a publish after the reset
        await asyncio.sleep(0.05)
        reported = client._disconnected if connected else client._connected
        return reported.done() and reported.exception() is not None, bool(refused)
    finally:
        loop.set_exception_handler(None)
        loop.remove_reader(ours.fileno())
        loop.remove_writer(ours.fileno())
        if client._misc_task is not None:
            client._misc_task.cancel()
        for future in (client._connected, client._disconnected):
            if future.done():
                future.exception()  # retrieved: no "never retrieved" warning
        ours.close()
        listener.close()


def test_a_reset_behind_data_is_a_disconnect() -> None:
    disconnected, refused = uvloop.run(_after_a_reset_behind_data(LoopSafeClient))
    assert disconnected
    assert not refused


def test_a_reset_while_connecting_fails_the_connect_at_once() -> None:
    """Not at the CONNACK timeout, 10 s later."""
    failed, refused = uvloop.run(_after_a_reset_behind_data(LoopSafeClient, connected=False))
    assert failed
    assert not refused


def test_stock_aiomqtt_misses_a_reset_behind_data() -> None:
    """The probe: the stock client reports nothing, and its next writer hits the dead handle."""
    disconnected, refused = uvloop.run(_after_a_reset_behind_data(aiomqtt.Client))
    assert not disconnected
    assert refused
