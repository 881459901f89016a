"""The live dashboard at /app/ in a real browser (issue 14's proof): playwright-core drives
Debian's Chromium (tests/support/dashboard_browser.py), cut off from every host but loopback,
while simulated devices from ``firmware/`` poll the REST shim. Before a step that causes an
event, the test waits until the page's subscription is in Redis, so nothing depends on timing;
every wait is bounded. Screenshots are kept in test-artifacts/dashboard/ (git-ignored)."""

import asyncio
import json
import secrets
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from firmware.feeder_unit import FeederUnit
from firmware.petio_feeder import FeederClient, FeederStatus
from firmware.smart_outlet_hub import SimulatedOutlet
from graphql_api import events
from graphql_api.browser_ui import DASHBOARD_CSP
from tests.factories.accounts import PASSWORD, signed_up
from tests.factories.collars import RunningCollar, register_collar
from tests.factories.devices import register_device
from tests.live.alerting import until_subscribed, user_pk
from tests.live.test_owner_app_flow import (
    FEEDER_POLL_S,
    feeder_loop,
    hub_loop,
    pk_of,
    running,
    simulated_hub,
)
from tests.live.test_tokens import token_accepted
from tests.support.dashboard_browser import DashboardBrowser, Tab, dashboard_browser
from tests.support.graphql_client import GraphQLClient
from tests.support.live_server import PROJECT_ROOT, LiveServer, run_cli, start_server

pytestmark = pytest.mark.live

ARTIFACTS = PROJECT_ROOT / "test-artifacts" / "dashboard"
ME = "query Me { me { id email } }"
# What a page may load besides the server itself: inline data and blobs it makes.
LOCAL_SCHEMES = ("data:", "blob:", "about:")
ALL_THREE = "QUEUED → SENT → SUCCEEDED"
DEVICE_HUB = "query Hub($id: ID!) { node(id: $id) { ... on Device { parentHub { id } } } }"
# Where the dashboard keeps its session (clients/dashboard/src/session.ts).
SESSION_KEY = "pawgraph.session"
LOGOUT = """
mutation Logout($input: LogoutInput!) { logout(input: $input) { revoked } }
"""
SCHEDULES = """
query Schedules($deviceId: ID!) { feedingSchedules(deviceId: $deviceId) { totalCount } }
"""


@pytest.fixture(scope="module")
async def browser(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[DashboardBrowser]:
    log = tmp_path_factory.mktemp("dashboard") / "driver.log"
    async with dashboard_browser(log) as browser:
        yield browser


@pytest.fixture(scope="module")
def embedded_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """What `make run` serves: a fresh SQLite file and in-process memory:// pub/sub."""
    workdir = tmp_path_factory.mktemp("embedded-dashboard")
    settings = {
        "env": "test",
        "database_url": f"sqlite+aiosqlite:///{workdir / 'pawgraph.db'}",
        "secret_key": "embedded-" + secrets.token_hex(16),
    }
    run_cli("migrate", **settings)
    server = start_server(workdir, "embedded-dashboard", broadcast_url="memory://", **settings)
    yield server
    server.stop()


async def email_of(client: GraphQLClient) -> str:
    return (await client.execute(ME))["me"]["email"]


async def logged_in_tab(
    browser: DashboardBrowser, server: LiveServer, email: str, name: str
) -> Tab:
    """A fresh page of the dashboard with ``email`` logged in through its form."""
    tab = await browser.open(name)
    await tab.goto(f"{server.base_url}/app/")
    await tab.fill("[data-testid=login-form] input[name=email]", email)
    await tab.fill("[data-testid=login-form] input[name=password]", PASSWORD)
    await tab.click("[data-testid=login-form] button[type=submit]")
    await tab.wait_text("[data-testid=who]", email)
    await tab.wait_text("[data-testid=devices] h2", "Devices")
    return tab


async def open_device(tab: Tab, server: LiveServer, device_id: str, panel: str) -> None:
    """Goes to a device's page (a hash change: the page is not reloaded)."""
    await tab.goto(f"{server.base_url}/app/#/device/{device_id}")
    await tab.wait_text(f"[data-testid={panel}] h2", "")


async def until_connected(running: RunningCollar, timeout: float = 15.0) -> None:
    """Bounded wait for the collar firmware's MQTT connection."""
    async with asyncio.timeout(timeout):
        while not running.unit.connected:
            await asyncio.sleep(0.1)


async def foreign_requests(tab: Tab, server: LiveServer) -> list[str]:
    own = (server.base_url + "/", server.ws_url)
    return [
        url
        for url in await tab.requests()
        if not url.startswith(own) and not url.startswith(LOCAL_SCHEMES)
    ]


async def page_loads(tab: Tab, server: LiveServer) -> int:
    return sum(url == f"{server.base_url}/app/" for url in await tab.requests())


async def keep_screenshot(tab: Tab, name: str) -> Path:
    return await tab.screenshot(ARTIFACTS / f"{name}.png")


class TestServed:
    async def test_the_page_and_its_bundle_carry_the_content_security_policy(self, server_a):
        async with httpx.AsyncClient(base_url=server_a.base_url) as http:
            # when
            page = await http.get("/app/")
            bundle = await http.get("/app/app.js")
            bare = await http.get("/app")
        # then
        assert page.status_code == 200 and 'src="app.js"' in page.text
        assert bundle.status_code == 200 and "graphql-transport-ws" in bundle.text
        assert page.headers["content-security-policy"] == DASHBOARD_CSP
        assert bundle.headers["content-security-policy"] == DASHBOARD_CSP
        assert (bare.status_code, bare.headers["location"]) == (307, "/app/")


class TestLogin:
    async def test_an_owner_logs_in_and_sees_their_devices(
        self, browser, server_a, owner: GraphQLClient
    ):
        # given
        feeder = await register_device(owner, name="Kitchen feeder")
        # when
        tab = await logged_in_tab(browser, server_a, await email_of(owner), "login")
        row = await tab.wait_text("[data-testid=device-row]", "Kitchen feeder")
        await keep_screenshot(tab, "devices")
        # then
        assert "FEEDER" in row
        assert await tab.attribute("[data-testid=device-row]", "data-device-id") == feeder.id
        assert await foreign_requests(tab, server_a) == []
        assert await tab.errors() == []
        await tab.close()

    async def test_a_heartbeat_turns_the_device_online_without_a_reload(
        self, browser, server_a, owner: GraphQLClient, test_environment
    ):
        # given: a feeder never seen, its owner on the home page
        feeder = await register_device(owner, name="Porch feeder")
        tab = await logged_in_tab(browser, server_a, await email_of(owner), "live-status")
        before = await tab.wait_text("[data-testid=device-row]", "Porch feeder")
        channel = events.device_status_channel(pk_of(feeder.id))
        await until_subscribed(test_environment.redis_url, channel)
        status = FeederStatus(wifi_rssi=-60, uptime=60, daily_feeds=2, hopper_mm=90, hopper_pct=64)
        client = FeederClient(server_a.base_url, feeder.hardware_id, feeder.api_key)
        # when
        await asyncio.to_thread(client.heartbeat, status)
        online = await tab.wait_text("[data-testid=device-online]", "online")
        shown = await tab.wait_text("[data-testid=device-status]", "hopper 64 %")
        await keep_screenshot(tab, "devices-live-status")
        # then
        assert "offline" in before
        assert online == "online" and shown == "hopper 64 %, 2 feeds today"
        assert await page_loads(tab, server_a) == 1
        await tab.close()

    async def test_a_wrong_password_shows_the_user_error(
        self, browser, server_a, owner: GraphQLClient
    ):
        # given
        tab = await browser.open("wrong-password")
        await tab.goto(f"{server_a.base_url}/app/")
        await tab.fill("input[name=email]", await email_of(owner))
        await tab.fill("input[name=password]", "not-the-password")
        # when
        await tab.click("[data-testid=login-form] button[type=submit]")
        shown = await tab.wait_text("[data-testid=user-error]", "INVALID_CREDENTIALS")
        # then
        assert "Wrong email or password." in shown
        assert await tab.texts("[data-testid=login-form]")
        await tab.close()


class TestEmbeddedDefault:
    async def test_the_dashboard_runs_on_sqlite_and_memory_pubsub(
        self, browser, embedded_server: LiveServer
    ):
        # given: an owner's feeder; the home page's status stream has sent its snapshot
        owner = await signed_up(GraphQLClient(embedded_server), "embedded")
        feeder = await register_device(owner, name="Embedded feeder")
        tab = await logged_in_tab(browser, embedded_server, await email_of(owner), "embedded")
        await tab.wait_count("[data-testid=device-row][data-live=true]", 1)
        status = FeederStatus(wifi_rssi=-50, uptime=30, daily_feeds=1, hopper_mm=80, hopper_pct=42)
        client = FeederClient(embedded_server.base_url, feeder.hardware_id, feeder.api_key)
        # when
        await asyncio.to_thread(client.heartbeat, status)
        shown = await tab.wait_text("[data-testid=device-status]", "hopper 42 %")
        online = await tab.wait_text("[data-testid=device-online]", "online")
        # then
        assert (shown, online) == ("hopper 42 %, 1 feed today", "online")
        assert await foreign_requests(tab, embedded_server) == []
        assert await tab.errors() == []
        await tab.close()


class TestSessionEnd:
    async def test_logged_out_everywhere_the_page_asks_to_log_in_again(
        self, browser, server_a, owner: GraphQLClient
    ):
        # given
        tab = await logged_in_tab(browser, server_a, await email_of(owner), "session-end")
        # when: the owner logs out everywhere from another app, then opens another screen
        await owner.execute(LOGOUT, {"input": {"everywhere": True}})
        await tab.click("a[href='#/alerts']")
        notice = await tab.wait_text("[data-testid=notice]", "session")
        # then
        assert notice == "Your session has ended: log in again."
        assert await tab.texts("[data-testid=login-form]")
        await tab.close()

    async def test_log_out_revokes_the_token_and_shows_the_login_form(
        self, browser, server_a, owner: GraphQLClient
    ):
        # given
        tab = await logged_in_tab(browser, server_a, await email_of(owner), "log-out")
        token = json.loads(await tab.session_item(SESSION_KEY) or "{}")["token"]
        # when
        await tab.click("[data-testid=log-out]")
        await tab.wait_count("[data-testid=login-form]", 1)
        # then: the page's token is revoked and forgotten; the owner's other session lives on
        assert await token_accepted(server_a, token) is False
        assert await tab.session_item(SESSION_KEY) is None
        assert await token_accepted(server_a, owner.token) is True
        await tab.close()


class TestOutletPanel:
    async def test_a_relay_toggle_confirms_live_and_the_current_changes(
        self, browser, server_a, owner: GraphQLClient, test_environment
    ):
        # given: a lamp on relay A (off), its hub polling; the owner on the outlet's page
        lamp = SimulatedOutlet("FE", load_a=1200)
        hub, (outlet,) = await simulated_hub(server_a, owner, [lamp])
        tab = await logged_in_tab(browser, server_a, await email_of(owner), "relay")
        await open_device(tab, server_a, outlet.id, "outlet-panel")
        for channel in (
            events.device_commands_channel(pk_of(outlet.id)),
            events.device_telemetry_channel(pk_of(outlet.id)),
        ):
            await until_subscribed(test_environment.redis_url, channel)
        with running(hub_loop(hub)):
            await tab.wait_text("[data-testid=current-a]", "A 0 mA")
            # when
            await tab.click("[data-testid=relay-a]")
            command = await tab.wait_text("[data-testid=command]", "SUCCEEDED")
            current = await tab.wait_text("[data-testid=current-a]", "A 1200 mA")
            relay = await tab.wait_text("[data-testid=relay-a]", "on")
            chart = await tab.attribute("[data-testid=chart] svg", "data-points")
            await keep_screenshot(tab, "outlet-relay")
        # then
        assert command.startswith("RELAY_ON") and f"live: {ALL_THREE}" in command
        assert current == "A 1200 mA" and relay == "Relay A: on"
        assert int(chart or 0) >= 2
        assert lamp.relay["a"] is True
        assert await page_loads(tab, server_a) == 1
        assert await foreign_requests(tab, server_a) == []
        await tab.close()

    async def test_cut_all_power_switches_every_socket_off_live(
        self, browser, server_a, owner: GraphQLClient, test_environment
    ):
        # given: a heater on relay A drawing 800 mA, its hub polling; the owner on its page
        heater = SimulatedOutlet("FE", relay_a=True, load_a=800)
        hub, (outlet,) = await simulated_hub(server_a, owner, [heater])
        tab = await logged_in_tab(browser, server_a, await email_of(owner), "cut-power")
        await open_device(tab, server_a, outlet.id, "outlet-panel")
        for channel in (
            events.device_commands_channel(pk_of(outlet.id)),
            events.device_telemetry_channel(pk_of(outlet.id)),
        ):
            await until_subscribed(test_environment.redis_url, channel)
        with running(hub_loop(hub)):
            await tab.wait_text("[data-testid=current-a]", "A 800 mA")
            # when
            await tab.click("[data-testid=cut-all-power]")
            socket_a = await tab.wait_text("[data-testid=command]", '"a"} SUCCEEDED')
            socket_b = await tab.wait_text("[data-testid=command]", '"b"} SUCCEEDED')
            current = await tab.wait_text("[data-testid=current-a]", "A 0 mA")
            relay = await tab.wait_text("[data-testid=relay-a]", "off")
            await keep_screenshot(tab, "outlet-cut-all-power")
        # then
        assert socket_a.startswith("RELAY_OFF") and socket_b.startswith("RELAY_OFF")
        assert (current, relay) == ("A 0 mA", "Relay A: off")
        assert heater.relay["a"] is False
        await tab.close()

    async def test_the_hub_page_lists_its_outlets_and_shows_the_breaker_live(
        self, browser, server_a, owner: GraphQLClient, test_environment
    ):
        # given: a heater drawing 800 mA on the hub's one outlet; the owner on the hub's page
        heater = SimulatedOutlet("FE", relay_a=True, load_a=800)
        hub, (outlet,) = await simulated_hub(server_a, owner, [heater])
        hub_id = (await owner.execute(DEVICE_HUB, {"id": outlet.id}))["node"]["parentHub"]["id"]
        tab = await logged_in_tab(browser, server_a, await email_of(owner), "hub")
        await open_device(tab, server_a, hub_id, "hub-panel")
        channel = events.device_telemetry_channel(pk_of(hub_id))
        await until_subscribed(test_environment.redis_url, channel)
        with running(hub_loop(hub)):
            first = await tab.wait_text("[data-testid=breaker]", f"{hub.breaker_ma()} mA")
            # when
            heater.set_load("a", 1500)
            later = await tab.wait_text("[data-testid=breaker]", f"{hub.breaker_ma()} mA")
            await keep_screenshot(tab, "hub")
        outlets = await tab.texts("[data-testid=hub-panel] li")
        # then
        assert first != later
        assert len(outlets) == 1 and outlets[0].startswith("outlet FE")
        await tab.close()

    async def test_a_threshold_out_of_range_shows_the_user_error(
        self, browser, server_a, owner: GraphQLClient
    ):
        # given
        lamp = SimulatedOutlet("FE")
        _, (outlet,) = await simulated_hub(server_a, owner, [lamp])
        tab = await logged_in_tab(browser, server_a, await email_of(owner), "threshold")
        await open_device(tab, server_a, outlet.id, "outlet-panel")
        # when
        await tab.fill("[data-testid=threshold-form] input[name=milliamps]", -5)
        await tab.click("[data-testid=threshold-form] button[type=submit]")
        shown = await tab.wait_text("[data-testid=user-error]", "INVALID_COMMAND")
        # then
        assert "The threshold is 1 to 65534 mA." in shown and "(milliamps)" in shown
        await tab.close()


class TestFeeder:
    async def test_feed_now_goes_queued_sent_succeeded_live(
        self, browser, server_a, owner: GraphQLClient, test_environment
    ):
        # given: a simulated feeder polling for commands; the owner on its page
        feeder = await register_device(owner, name="Hall feeder")
        client = FeederClient(server_a.base_url, feeder.hardware_id, feeder.api_key)
        unit = FeederUnit(
            client,
            command_poll_s=FEEDER_POLL_S,
            schedule_poll_s=5 * FEEDER_POLL_S,
            heartbeat_s=5 * FEEDER_POLL_S,
            boot_mute_s=0,
        )
        tab = await logged_in_tab(browser, server_a, await email_of(owner), "feeder")
        await open_device(tab, server_a, feeder.id, "feeder-panel")
        channel = events.device_commands_channel(pk_of(feeder.id))
        await until_subscribed(test_environment.redis_url, channel)
        with running(feeder_loop(unit)):
            # when
            await tab.fill("[data-testid=feed-form] input[name=grams]", 30)
            await tab.click("[data-testid=feed-now]")
            live = await tab.wait_text("[data-testid=command-live]", "SUCCEEDED")
            await keep_screenshot(tab, "feeder-feed-now")
        # then
        assert live.strip() == f"live: {ALL_THREE}"
        assert ("fed", "remote_command", 30.0) in unit.events
        assert await foreign_requests(tab, server_a) == []
        await tab.close()

    async def test_the_schedule_editor_adds_pauses_and_deletes(
        self, browser, server_a, owner: GraphQLClient
    ):
        # given
        feeder = await register_device(owner)
        tab = await logged_in_tab(browser, server_a, await email_of(owner), "schedules")
        await open_device(tab, server_a, feeder.id, "schedules")
        # when: a time that is not one, then a good one
        await tab.fill("[data-testid=schedule-form] input[name=time]", "25:99")
        await tab.click("[data-testid=schedule-form] button[type=submit]")
        refused = await tab.wait_text("[data-testid=schedules] [data-testid=user-error]", "")
        await tab.fill("[data-testid=schedule-form] input[name=time]", "07:30")
        await tab.fill("[data-testid=schedule-form] input[name=grams]", 30)
        await tab.fill("[data-testid=schedule-form] input[name=label]", "Breakfast")
        await tab.click("[data-testid=schedule-form] button[type=submit]")
        added = await tab.wait_text("[data-testid=schedule]", "Breakfast")
        await tab.click("[data-testid=schedule-toggle]")
        paused = await tab.wait_text("[data-testid=schedule]", "paused")
        await keep_screenshot(tab, "feeder-schedules")
        await tab.click("[data-testid=schedule-delete]")
        await tab.wait_count("[data-testid=schedule]", 0)
        # then
        assert refused.startswith("INVALID_SCHEDULE_TIME")
        assert "07:30" in added and "30 g" in added and "enabled" in added
        assert "Breakfast" in paused
        remaining = await owner.execute(SCHEDULES, {"deviceId": feeder.id})
        assert remaining["feedingSchedules"]["totalCount"] == 0
        await tab.close()

    async def test_a_portion_out_of_range_shows_the_user_error(
        self, browser, server_a, owner: GraphQLClient
    ):
        # given
        feeder = await register_device(owner)
        tab = await logged_in_tab(browser, server_a, await email_of(owner), "bad-portion")
        await open_device(tab, server_a, feeder.id, "feeder-panel")
        # when
        await tab.fill("[data-testid=feed-form] input[name=grams]", 25)
        await tab.click("[data-testid=feed-now]")
        shown = await tab.wait_text("[data-testid=user-error]", "INVALID_COMMAND")
        # then
        assert "10 to 160 grams" in shown and "(grams)" in shown
        assert await tab.errors() == []
        await tab.close()


class TestCollar:
    async def test_a_treat_goes_to_the_collar_over_mqtt_and_succeeds_live(
        self, browser, mqtt_server, broker, test_environment
    ):
        # given: a collar (its firmware on the private broker) and its owner on its page
        owner = await signed_up(GraphQLClient(mqtt_server), "collar-owner")
        collar = await register_collar(owner)
        tab = await logged_in_tab(browser, mqtt_server, await email_of(owner), "collar")
        await open_device(tab, mqtt_server, collar.id, "collar-panel")
        channel = events.device_commands_channel(collar.pk)
        await until_subscribed(test_environment.redis_url, channel)
        with RunningCollar(collar, broker.port) as running:
            await until_connected(running)
            # when
            await tab.click("[data-testid=treat]")
            live = await tab.wait_text("[data-testid=command-live]", "SUCCEEDED")
            await keep_screenshot(tab, "collar-treat")
        # then
        assert live.strip() == "live: QUEUED → SENT → ACKNOWLEDGED → SUCCEEDED"
        assert running.unit.dispenser.dispensed == 1
        await tab.close()


class TestOverload:
    async def test_the_alert_and_the_badge_appear_without_a_reload(
        self, browser, server_a, owner: GraphQLClient, test_environment
    ):
        # given: a heater drawing 500 mA; the owner watching its outlet
        heater = SimulatedOutlet("FE", relay_a=True, load_a=500)
        hub, (outlet,) = await simulated_hub(server_a, owner, [heater])
        tab = await logged_in_tab(browser, server_a, await email_of(owner), "overload")
        await open_device(tab, server_a, outlet.id, "outlet-panel")
        owner_pk = await user_pk(owner)
        for channel in (
            events.user_alerts_channel(owner_pk),
            events.user_notifications_channel(owner_pk),
            events.device_telemetry_channel(pk_of(outlet.id)),
        ):
            await until_subscribed(test_environment.redis_url, channel)
        unread_before = await tab.attribute("[data-testid=unread-badge]", "data-count")
        # The reading after the trip (0 mA, the relay open) clears OVERLOAD: the hub stops once
        # it has sent the trip, however long the browser takes to show it.
        with running(hub_loop(hub, until=lambda: _sent_trip(hub))):
            await tab.wait_text("[data-testid=current-a]", "A 500 mA")
            # when: the heater shorts
            heater.short_circuit("a")
            banner = await tab.wait_text("[data-testid=alert-banner]", "OVERLOAD")
            badge = await tab.wait_text("[data-testid=unread-badge]", "1")
            overload = await tab.wait_text("[data-testid=overload]", "OVERLOAD")
            tripped = await tab.wait_text("[data-testid=current-a]", "tripped")
            await keep_screenshot(tab, "overload-banner")
        # the alert in the list (the hub stopped after the trip: no later reading clears it),
        # acknowledged there; the notification in the inbox, read there
        await tab.click("a[href='#/alerts']")
        listed = await tab.wait_text("[data-testid=alert]", "OVERLOAD")
        await tab.click("[data-testid=acknowledge]")
        acknowledged = await tab.wait_text("[data-testid=alert-status]", "ACKNOWLEDGED")
        await keep_screenshot(tab, "overload-alerts")
        await tab.click("[data-testid=clear]")
        cleared = await tab.wait_text("[data-testid=alert-status]", "CLEARED")
        await tab.click("[data-testid=inbox-link]")
        await tab.wait_text("[data-testid=notification]", "")
        await tab.click("[data-testid=mark-all-read]")
        badge_after = await tab.wait_text("[data-testid=unread-badge]", "0")
        await keep_screenshot(tab, "overload-inbox")
        # then
        assert unread_before == "0"
        assert banner.startswith("OVERLOAD: outlet FE: overload trip")
        assert (badge, overload, tripped) == ("1", "OVERLOAD", "A tripped")
        assert (acknowledged, cleared, badge_after) == ("ACKNOWLEDGED", "CLEARED", "0")
        assert "ACTIVE" in listed
        assert await page_loads(tab, server_a) == 1
        assert await foreign_requests(tab, server_a) == []
        await tab.close()


class TestAnotherOwner:
    async def test_sees_neither_the_device_nor_its_page(
        self, browser, server_a, owner: GraphQLClient, other_owner: GraphQLClient
    ):
        # given
        feeder = await register_device(owner, name="Not yours")
        tab = await logged_in_tab(browser, server_a, await email_of(other_owner), "stranger")
        listed = await tab.texts("[data-testid=devices] h2")
        # when
        await tab.goto(f"{server_a.base_url}/app/#/device/{feeder.id}")
        shown = await tab.wait_text("[data-testid=not-found]", "Device not found")
        await keep_screenshot(tab, "another-owner")
        # then
        assert listed == ["Devices (0)"]
        assert shown == "Device not found"
        await tab.close()


class TestStaffFleet:
    async def test_filters_the_fleet_by_owner_kind_and_online(
        self, browser, server_a, owner: GraphQLClient, staff: GraphQLClient
    ):
        # given: the owner's feeder (never seen, so offline) and hub
        feeder = await register_device(owner, name="Fleet feeder")
        await register_device(owner, kind="HUB", hardware_id="7A", name="Fleet hub")
        owner_id = (await owner.execute(ME))["me"]["id"]
        tab = await logged_in_tab(browser, server_a, await email_of(staff), "fleet")
        await tab.click("a[href='#/fleet']")
        await tab.wait_text("[data-testid=fleet-total]", "device")
        # when
        await tab.fill("[data-testid=fleet-filter] input[name=owner]", owner_id)
        await tab.select("[data-testid=fleet-filter] select[name=kind]", "FEEDER")
        await tab.select("[data-testid=fleet-filter] select[name=online]", "false")
        await tab.click("[data-testid=fleet-filter] button[type=submit]")
        # Not wait_text("1 device"): the unfiltered total may read "131 device(s)".
        await tab.wait_count("[data-testid=fleet-row]", 1)
        (total,) = await tab.texts("[data-testid=fleet-total]")
        rows = await tab.texts("[data-testid=fleet-row]")
        await keep_screenshot(tab, "staff-fleet")
        # then
        assert total == "1 device(s)"
        assert len(rows) == 1 and "Fleet feeder" in rows[0] and feeder.hardware_id in rows[0]
        await tab.close()


def _sent_trip(hub) -> bool:
    """Whether the hub has posted a reading of a tripped socket."""
    return any(event[0] == "data" and '"is_overload":true' in event[2] for event in hub.events)
