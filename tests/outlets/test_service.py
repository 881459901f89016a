import datetime as dt

import pytest

from graphql_api.devices.models import DeviceKind
from graphql_api.outlets import service as outlets_service
from graphql_api.outlets.errors import HubNotFound, InvalidOutletId, OutletNotFound
from graphql_api.settings import Settings
from graphql_api.telemetry import service as telemetry_service
from tests.factories.accounts import viewer_of
from tests.factories.devices_db import register_device
from tests.factories.outlets import create_hub, create_outlet

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


class TestNormalizeShortId:
    @pytest.mark.parametrize(
        ("given", "stored"), [("fe", "FE"), ("3", "03"), (" 0a ", "0A"), ("02", "02")]
    )
    def test_ids_are_upper_case_two_digits(self, given, stored):
        # when / then
        assert outlets_service.normalize_short_id(given) == stored

    @pytest.mark.parametrize("given", ["", "123", "G1", "-1"])
    def test_anything_else_is_refused(self, given):
        # when / then
        with pytest.raises(InvalidOutletId):
            outlets_service.normalize_short_id(given)


class TestBreakerCurrent:
    @pytest.mark.parametrize(
        ("reported", "stored"), [(0, 0), (1, 0), (280, 0), (281, 281), (4500, 4500)]
    )
    def test_sensor_noise_reads_as_no_load(self, reported, stored):
        # when / then
        assert outlets_service.breaker_current(reported) == stored


class TestAuthenticateHub:
    async def test_the_key_in_the_path_finds_its_hub(self, session, settings, hub_key):
        # when
        hub = await outlets_service.authenticate_hub(session, settings, hub_key.api_key)

        # then
        assert hub.id == hub_key.device.id

    async def test_an_unknown_key_is_not_found(self, session, settings, hub_key):
        # when / then
        with pytest.raises(HubNotFound):
            await outlets_service.authenticate_hub(session, settings, "0" * 48)

    async def test_an_outlets_own_key_is_no_hub_key(self, session, settings, owner, hub):
        # given
        outlet_key = (
            await register_device(
                session, owner, DeviceKind.OUTLET, hardware_id="03", parent_id=hub.id
            )
        ).api_key

        # when / then
        with pytest.raises(HubNotFound):
            await outlets_service.authenticate_hub(session, settings, outlet_key)


class TestOutletOfHub:
    async def test_finds_the_hubs_outlet_by_its_id(self, session, hub, outlet):
        # when
        found = await outlets_service.outlet_of_hub(session, hub, "fe")

        # then
        assert found.id == outlet.id

    async def test_another_hubs_outlet_is_not_found(self, session, owner, outlet):
        # given
        other_hub = (await create_hub(session, owner, "Other hub")).device

        # when / then
        with pytest.raises(OutletNotFound):
            await outlets_service.outlet_of_hub(session, other_hub, "FE")


class TestFocus:
    async def test_without_a_watcher_or_a_choice_there_is_no_focus(self, session, hub, outlet):
        # when / then
        assert await outlets_service.focused_outlet(session, hub, NOW) is None

    async def test_the_owners_choice_is_the_focus(self, session, owner, hub, outlet):
        # given
        other = await create_outlet(session, owner, hub, "03", "Lamp")
        await outlets_service.focus_outlet(session, viewer_of(owner), other.id, NOW)

        # when
        focused = await outlets_service.focused_outlet(session, hub, NOW)

        # then
        assert focused.id == other.id

    async def test_an_outlet_watched_live_wins_over_the_choice(self, session, owner, hub, outlet):
        # given
        other = await create_outlet(session, owner, hub, "03", "Lamp")
        await outlets_service.focus_outlet(session, viewer_of(owner), other.id, NOW)
        await telemetry_service.start_watch(session, outlet.id, NOW)

        # when
        focused = await outlets_service.focused_outlet(session, hub, NOW + dt.timedelta(seconds=1))

        # then
        assert focused.id == outlet.id

    async def test_the_newest_watch_wins(self, session, owner, hub, outlet):
        # given
        other = await create_outlet(session, owner, hub, "03", "Lamp")
        await telemetry_service.start_watch(session, outlet.id, NOW)
        await telemetry_service.start_watch(session, other.id, NOW + dt.timedelta(seconds=1))

        # when
        focused = await outlets_service.focused_outlet(session, hub, NOW + dt.timedelta(seconds=2))

        # then
        assert focused.id == other.id

    async def test_an_expired_watch_falls_back_to_the_choice(self, session, owner, hub, outlet):
        # given
        other = await create_outlet(session, owner, hub, "03", "Lamp")
        await outlets_service.focus_outlet(session, viewer_of(owner), other.id, NOW)
        await telemetry_service.start_watch(session, outlet.id, NOW)

        # when
        focused = await outlets_service.focused_outlet(
            session, hub, NOW + telemetry_service.WATCH_TTL
        )

        # then
        assert focused.id == other.id

    async def test_choosing_another_users_outlet_is_not_found(self, session, stranger, outlet):
        # when / then
        with pytest.raises(OutletNotFound):
            await outlets_service.focus_outlet(session, viewer_of(stranger), outlet.id, NOW)

    async def test_a_hub_cannot_be_chosen_as_an_outlet(self, session, owner, hub):
        # when / then
        with pytest.raises(OutletNotFound):
            await outlets_service.focus_outlet(session, viewer_of(owner), hub.id, NOW)


class TestHubBaseUrl:
    async def test_issuing_rotates_the_key_into_the_base_url(
        self, session, settings, owner, hub_key
    ):
        # given
        public = Settings(
            **{**settings.model_dump(), "public_base_url": "https://pawgraph.example/"}
        )

        # when
        setup = await outlets_service.issue_hub_base_url(
            session, viewer_of(owner), public, hub_key.device.id
        )

        # then
        assert setup.base_url.startswith("https://pawgraph.example/h/")
        new_key = setup.base_url.removeprefix("https://pawgraph.example/h/")
        assert (
            await outlets_service.authenticate_hub(session, settings, new_key)
        ).id == hub_key.device.id
        with pytest.raises(HubNotFound):
            await outlets_service.authenticate_hub(session, settings, hub_key.api_key)

    async def test_setup_builds_the_url_only_from_the_current_key(
        self, session, settings, owner, hub_key
    ):
        # when
        without_key = await outlets_service.hub_setup(
            session, viewer_of(owner), settings, hub_key.device.id, None
        )
        with_key = await outlets_service.hub_setup(
            session, viewer_of(owner), settings, hub_key.device.id, hub_key.api_key
        )

        # then
        assert (without_key.base_url_prefix, without_key.base_url) == (
            "http://127.0.0.1:8000/h/",
            None,
        )
        assert with_key.base_url == f"http://127.0.0.1:8000/h/{hub_key.api_key}"

    async def test_another_users_hub_is_not_found(self, session, settings, stranger, hub_key):
        # when
        setup = await outlets_service.hub_setup(
            session, viewer_of(stranger), settings, hub_key.device.id, None
        )

        # then
        assert setup is None
        with pytest.raises(HubNotFound):
            await outlets_service.issue_hub_base_url(
                session, viewer_of(stranger), settings, hub_key.device.id
            )
