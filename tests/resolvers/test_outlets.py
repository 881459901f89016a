import datetime as dt

from strawberry import relay

from graphql_api.error_codes import ErrorCode
from graphql_api.outlets import flows as outlets_flows
from graphql_api.outlets.errors import OutletErrorCode
from graphql_api.outlets.flows import OutletReading
from tests.factories.accounts import create_user, viewer_of
from tests.factories.outlets import create_hub, create_outlet

# Readings "now", so the outlet counts as online when the query runs.

OUTLET_STATE = """
query OutletState($outletId: ID!) {
  outletState(outletId: $outletId) {
    outlet { hardwareId }
    relayA relayB thresholdMilliamps currentAMilliamps currentBMilliamps overload online watched
    hub { hardwareId }
  }
}
"""
HUB_STATE = """
query HubState($hubId: ID!) {
  hubState(hubId: $hubId) {
    breakerCurrentMilliamps
    outlets { outlet { hardwareId } relayA }
    chosenOutlet { outlet { hardwareId } }
    focusedOutlet { outlet { hardwareId } }
  }
}
"""
FOCUS_OUTLET = """
mutation FocusOutlet($input: FocusOutletInput!) {
  focusOutlet(input: $input) {
    outletState { outlet { hardwareId } }
    userErrors { field code message }
  }
}
"""
ISSUE_HUB_BASE_URL = """
mutation IssueHubBaseUrl($input: IssueHubBaseUrlInput!) {
  issueHubBaseUrl(input: $input) { hub { hardwareId } baseUrl userErrors { field code message } }
}
"""
HUB_SETUP = """
query HubSetup($hubId: ID!, $apiKey: String) {
  hubSetup(hubId: $hubId, apiKey: $apiKey) { baseUrlPrefix baseUrl }
}
"""


def gid(row) -> str:
    return str(relay.GlobalID("Device", str(row.id)))


async def _hub_with_outlets(session, settings):
    owner = await create_user(session)
    issued_hub = await create_hub(session, owner)
    hub = issued_hub.device
    heater = await create_outlet(session, owner, hub, "FE", "Heater")
    lamp = await create_outlet(session, owner, hub, "03", "Lamp")
    # Now, not at import: `online` is judged against the clock when the query runs.
    now = dt.datetime.now(dt.UTC)
    await outlets_flows.record_outlet_reading(
        session, settings, issued_hub.api_key, OutletReading("FE", 1250, 0, True, False), now
    )
    await outlets_flows.record_breaker_reading(session, settings, hub, hub.hardware_id, 4500, now)
    return owner, hub, heater, lamp


class TestOutletState:
    async def test_shows_the_last_reading(self, schema, make_context, session, settings):
        # given
        owner, hub, heater, _ = await _hub_with_outlets(session, settings)

        # when
        result = await schema.execute(
            OUTLET_STATE,
            variable_values={"outletId": gid(heater)},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        assert result.errors is None
        assert result.data["outletState"] == {
            "outlet": {"hardwareId": "FE"},
            "relayA": True,
            "relayB": False,
            "thresholdMilliamps": None,
            "currentAMilliamps": 1250,
            "currentBMilliamps": 0,
            "overload": False,
            "online": True,
            "watched": False,
            "hub": {"hardwareId": hub.hardware_id},
        }

    async def test_another_users_outlet_is_null(self, schema, make_context, session, settings):
        # given
        _, _, heater, _ = await _hub_with_outlets(session, settings)
        stranger = await create_user(session, prefix="stranger")

        # when
        result = await schema.execute(
            OUTLET_STATE,
            variable_values={"outletId": gid(heater)},
            context_value=make_context(viewer_of(stranger)),
        )

        # then
        assert result.errors is None
        assert result.data["outletState"] is None


class TestHubStateAndFocus:
    async def test_focusing_an_outlet_makes_it_the_hubs_focus(
        self, schema, make_context, session, settings
    ):
        # given
        owner, hub, _, lamp = await _hub_with_outlets(session, settings)
        context = make_context(viewer_of(owner))

        # when
        focused = await schema.execute(
            FOCUS_OUTLET, variable_values={"input": {"outletId": gid(lamp)}}, context_value=context
        )
        state = await schema.execute(
            HUB_STATE,
            variable_values={"hubId": gid(hub)},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        assert focused.data["focusOutlet"] == {
            "outletState": {"outlet": {"hardwareId": "03"}},
            "userErrors": [],
        }
        assert state.errors is None
        assert state.data["hubState"] == {
            "breakerCurrentMilliamps": 4500,
            "outlets": [
                {"outlet": {"hardwareId": "FE"}, "relayA": True},
                {"outlet": {"hardwareId": "03"}, "relayA": None},
            ],
            "chosenOutlet": {"outlet": {"hardwareId": "03"}},
            "focusedOutlet": {"outlet": {"hardwareId": "03"}},
        }

    async def test_focusing_another_users_outlet_is_not_found(
        self, schema, make_context, session, settings
    ):
        # given
        _, _, heater, _ = await _hub_with_outlets(session, settings)
        stranger = await create_user(session, prefix="stranger")

        # when
        result = await schema.execute(
            FOCUS_OUTLET,
            variable_values={"input": {"outletId": gid(heater)}},
            context_value=make_context(viewer_of(stranger)),
        )

        # then
        errors = result.data["focusOutlet"]["userErrors"]
        assert len(errors) == 1
        assert errors[0]["code"] == ErrorCode(OutletErrorCode.OUTLET_NOT_FOUND.value).name
        assert result.data["focusOutlet"]["outletState"] is None


class TestHubBaseUrl:
    async def test_issuing_answers_the_url_that_setup_then_recognises(
        self, schema, make_context, session, settings
    ):
        # given
        owner, hub, _, _ = await _hub_with_outlets(session, settings)

        # when
        issued = await schema.execute(
            ISSUE_HUB_BASE_URL,
            variable_values={"input": {"hubId": gid(hub)}},
            context_value=make_context(viewer_of(owner)),
        )
        base_url = issued.data["issueHubBaseUrl"]["baseUrl"]
        key = base_url.removeprefix("http://127.0.0.1:8000/h/")
        setup = await schema.execute(
            HUB_SETUP,
            variable_values={"hubId": gid(hub), "apiKey": key},
            context_value=make_context(viewer_of(owner)),
        )

        # then
        assert issued.data["issueHubBaseUrl"]["userErrors"] == []
        assert len(key) == 48
        assert setup.data["hubSetup"] == {
            "baseUrlPrefix": "http://127.0.0.1:8000/h/",
            "baseUrl": base_url,
        }

    async def test_issuing_for_another_users_hub_is_not_found(
        self, schema, make_context, session, settings
    ):
        # given
        _, hub, _, _ = await _hub_with_outlets(session, settings)
        stranger = await create_user(session, prefix="stranger")

        # when
        result = await schema.execute(
            ISSUE_HUB_BASE_URL,
            variable_values={"input": {"hubId": gid(hub)}},
            context_value=make_context(viewer_of(stranger)),
        )

        # then
        errors = result.data["issueHubBaseUrl"]["userErrors"]
        assert [error["code"] for error in errors] == [
            ErrorCode(OutletErrorCode.HUB_NOT_FOUND.value).name
        ]
        assert result.data["issueHubBaseUrl"]["baseUrl"] is None
