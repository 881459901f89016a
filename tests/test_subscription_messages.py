"""graphql_api.http.SubscriptionMessages, our graphql-transport-ws handler, under the real app in
a uvicorn server of the test's own process (to look at what it holds)."""

import asyncio
import gc
import json

import websockets

from graphql_api.app import create_app
from graphql_api.settings import Settings
from tests.support.in_process_server import serving

WAIT_S = 10.0


def connection_init_timers() -> list[asyncio.Task]:
    """Strawberry's timers for a connection_init that has not come, pending or kept."""
    gc.collect()
    return [
        task
        for task in gc.get_objects()
        if isinstance(task, asyncio.Task)
        and task.get_coro().__qualname__.endswith("handle_connection_init_timeout")
    ]


class TestConnectionInitTimer:
    async def test_an_acknowledged_socket_keeps_no_timer_for_its_connection_init(
        self, settings: Settings
    ):
        # given
        async with serving(create_app(settings), lifespan="on") as served:
            async with websockets.connect(
                served.url + "graphql", subprotocols=["graphql-transport-ws"]
            ) as socket:
                waiting = connection_init_timers()

                # when
                await socket.send(json.dumps({"type": "connection_init"}))
                acknowledged = json.loads(await socket.recv())

                # then
                assert acknowledged["type"] == "connection_ack"
                assert len(waiting) == 1  # the timer ran until the connection_init came
                del waiting
                async with asyncio.timeout(WAIT_S):
                    while connection_init_timers():
                        await asyncio.sleep(0.01)
