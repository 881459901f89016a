"""The served process (graphql_api.server): the app plus the garbage-collector tuning that
``pawgraph serve`` runs with, undone when the process stops serving."""

import gc

from graphql_api.server import create_served_app


class TestServedApp:
    async def test_freezes_startup_objects_and_collects_less_often_while_serving(self, settings):
        # given
        app = create_served_app(settings)
        threshold_before = gc.get_threshold()

        # when
        async with app.router.lifespan_context(app):
            serving = (gc.get_threshold()[0], gc.get_freeze_count())

        # then
        assert serving[0] == 20_000
        assert serving[1] > 0
        assert gc.get_threshold() == threshold_before
        assert gc.get_freeze_count() == 0

    async def test_serves_the_app_with_its_jobs_and_state(self, settings):
        # given
        app = create_served_app(settings)

        # when
        async with app.router.lifespan_context(app):
            state = app.state.pawgraph

        # then
        assert state.settings is settings
