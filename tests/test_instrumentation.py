"""Route labels of the request metrics: path templates, whatever the parameters' values."""

import pytest

from graphql_api.instrumentation import route_template


class TestRouteTemplate:
    @pytest.mark.parametrize(
        ("path", "params", "template"),
        [
            ("/api/device/status/", {}, "/api/device/status/"),
            ("/h/k3yFE/api/data/", {"hub_key": "k3yFE"}, "/h/{hub_key}/api/data/"),
            (
                "/h/FEkey/api/commands/FE/",
                {"hub_key": "FEkey", "device_id": "FE"},
                "/h/{hub_key}/api/commands/{device_id}/",
            ),
            ("/static/graphiql/app.js", {"path": "graphiql/app.js"}, "/static/{path}"),
        ],
    )
    def test_parameters_become_their_names(self, path, params, template):
        # when
        label = route_template({"path": path, "path_params": params})
        # then
        assert label == template
