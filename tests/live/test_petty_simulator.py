"""``pawgraph simulate --petty-collar``: simulated Petty collars post to a live server and every
reading is accepted and stored on the collar's track."""

import asyncio

import pytest

from tests.factories.collar_readings import register_collar
from tests.live.test_petty_ingest import collar_state
from tests.support.live_server import run_cli

pytestmark = pytest.mark.live


class TestSimulateCollars:
    async def test_two_collars_post_their_readings_and_all_are_stored(self, owner):
        # given
        collars = [await register_collar(owner), await register_collar(owner)]
        arguments = ["simulate", "--base-url", owner.server.base_url]
        for collar in collars:
            arguments += ["--petty-collar", f"{collar.hardware_id}:{collar.api_key}"]
        arguments += ["--collar-interval", "1.1", "--readings", "3", "--duration", "30"]

        # when
        completed = await asyncio.to_thread(run_cli, *arguments, secret_key="unused-here")

        # then
        assert "collar readings sent: 6, accepted: 6, refused: 0, unreachable: 0" in (
            completed.stdout
        )
        for collar in collars:
            state = await collar_state(owner, collar)
            assert state["track"]["totalCount"] == 3
            assert state["lastPosition"] is not None
