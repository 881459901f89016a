"""The fetch pipeline in process, against the reference provider served on a loopback port."""

import datetime as dt
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import delete

from graphql_api.accounts.models import User
from graphql_api.alerts.models import AlertKind
from graphql_api.alerts.repository import AlertRepository
from graphql_api.auth import Role
from graphql_api.batteries import flows, pipeline, service
from graphql_api.batteries.archive import DatabaseArchive
from graphql_api.batteries.errors import InvalidBatteryProfile
from graphql_api.batteries.models import ArchiveOutcome, FetchState, ScheduleStatus, SlotStatus
from graphql_api.batteries.profiles import BatterySpec, set_profile
from graphql_api.batteries.provider import RawResponse
from graphql_api.batteries.provider_demo import ProviderServer
from graphql_api.batteries.repository import ArchiveRepository, FetchRepository, ScheduleRepository
from graphql_api.db import create_sessionmaker
from graphql_api.devices.models import DeviceKind
from graphql_api.errors import PermissionDenied
from graphql_api.notifications import service as notifications_service
from graphql_api.pagination import PageArgs
from graphql_api.settings import Settings
from tests.factories.accounts import create_user, viewer_of
from tests.factories.devices_db import create_device
from tests.support.database import raced
from tests.support.live_server import free_port

# The reference provider dates its schedules by the real clock: so does the test.
NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)
TOMORROW = pipeline.tomorrow_in("Asia/Manila", NOW)
MISSING = AlertKind.SCHEDULE_MISSING
FIRST_TEN = PageArgs(limit=10, forward=True, cursor=None)


@pytest.fixture(scope="module")
def provider_url() -> Iterator[str]:
    server = ProviderServer(("127.0.0.1", free_port()), timeout_delay=2.0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def battery_settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "schedule_fetch_attempts": 2,
            "schedule_fetch_backoff": dt.timedelta(seconds=0.01),
            "schedule_fetch_timeout": dt.timedelta(seconds=1),
            "schedule_fetch_local_time": dt.time(0, 0),
            "schedule_missing_deadline": dt.time(23, 59, 59),
        }
    )


@pytest.fixture
async def battery(session, owner):
    return await create_device(session, owner, kind=DeviceKind.BATTERY, name="Garage battery")


async def configure(session, battery, provider_url: str | None, **changes):
    spec = BatterySpec(5.0, 5.0, 10.0, "Asia/Manila", provider_url=provider_url, **changes)
    return await set_profile(session, battery, spec, NOW)


class TestDailyFetch:
    async def test_a_due_battery_is_fetched_once_and_its_schedule_created(
        self, session, owner, battery, battery_settings, provider_url
    ):
        # given
        await configure(session, battery, provider_url)

        # when the job runs twice
        first = await flows.fetch_due_schedules(session, battery_settings, NOW)
        second = await flows.fetch_due_schedules(session, battery_settings, NOW)

        # then
        assert (first, second) == (1, 0)
        fetch = await FetchRepository(session).get(battery.id, TOMORROW)
        assert fetch.state is FetchState.DONE
        schedule = await service.get_schedule(session, viewer_of(owner), battery.id, TOMORROW)
        assert schedule.status is ScheduleStatus.CREATED

    async def test_an_unreachable_provider_is_retried_later_with_backoff(
        self, session, battery, battery_settings
    ):
        # given a provider nobody listens on
        await configure(session, battery, f"http://127.0.0.1:{free_port()}")

        # when
        await flows.fetch_due_schedules(session, battery_settings, NOW)

        # then both tries were archived, and the next run waits schedule_retry_after
        fetch = await FetchRepository(session).get(battery.id, TOMORROW)
        assert fetch.state is FetchState.PENDING
        assert fetch.failures == 1
        assert fetch.next_attempt_at == NOW + battery_settings.schedule_retry_after
        entries = await ArchiveRepository(session).scalars(
            ArchiveRepository(session).list_statement(battery.id)
        )
        assert [entry.outcome for entry in entries] == [ArchiveOutcome.UNREACHABLE] * 2
        assert all(entry.body is None and entry.error for entry in entries)

    async def test_staff_are_alerted_when_tomorrows_schedule_is_missing_at_the_deadline(
        self, session, battery, battery_settings
    ):
        # given
        await configure(session, battery, f"http://127.0.0.1:{free_port()}")
        await flows.fetch_due_schedules(session, battery_settings, NOW)

        assert await AlertRepository(session).get_open(battery.id, MISSING) is None

        # when the deadline passes (now 00:00 local), and the job runs twice more
        passed = battery_settings.model_copy(update={"schedule_missing_deadline": dt.time(0)})
        await flows.fetch_due_schedules(session, passed, NOW)
        await flows.fetch_due_schedules(session, passed, NOW)

        # then one alert
        alert = await AlertRepository(session).get_open(battery.id, MISSING)
        assert alert is not None
        assert TOMORROW.isoformat() in alert.message

    async def test_a_battery_without_a_provider_does_not_stop_the_others(
        self, session, owner, battery, battery_settings, provider_url
    ):
        # given no server-wide provider, and a second battery whose site names one
        settings = battery_settings.model_copy(update={"schedule_provider_url": None})
        await configure(session, battery, None)
        other = await create_device(session, owner, kind=DeviceKind.BATTERY, name="Shed battery")
        await configure(session, other, provider_url)

        # when
        await flows.fetch_due_schedules(session, settings, NOW)

        # then
        fetches = FetchRepository(session)
        assert (await fetches.get(battery.id, TOMORROW)).state is FetchState.REJECTED
        assert (await fetches.get(other.id, TOMORROW)).state is FetchState.DONE


class TestFetchOnDemand:
    async def test_a_rejection_records_reasons_and_alerts(
        self, session, battery, battery_settings, provider_url
    ):
        # given
        await configure(session, battery, f"{provider_url}/faults/over-rating")
        staff = viewer_of(await create_user(session, Role.STAFF, "staff"))

        # when
        result = await flows.fetch_schedule(session, battery_settings, staff, battery.id, NOW)

        # then
        assert result.outcome is ArchiveOutcome.REJECTED
        assert result.schedule is None
        assert [reason.slot for reason in result.reasons] == [3]
        assert result.archived[0].reasons == [reason.as_dict() for reason in result.reasons]
        alert = await AlertRepository(session).get_open(battery.id, AlertKind.SCHEDULE_INVALID)
        assert "slot 3" in alert.message
        page, _ = await notifications_service.list_for_viewer(session, staff, FIRST_TEN)
        assert [(item.target_type, item.target_id) for item in page.items][:1] == [
            ("Alert", alert.id)
        ]

    async def test_owners_may_not_fetch(self, session, battery, owner, battery_settings):
        # given
        await configure(session, battery, None)

        # when / then
        with pytest.raises(PermissionDenied):
            await flows.fetch_schedule(session, battery_settings, viewer_of(owner), battery.id, NOW)


@pytest.fixture
async def committed_battery(engine, provider_url):
    """A battery and a staff member committed to the database (for two transactions to see
    them), deleted with everything they own afterwards (other tests sweep what is committed)."""
    async with create_sessionmaker(engine).begin() as setup:
        owner = await create_user(setup)
        staff = await create_user(setup, Role.STAFF, "staff")
        battery = await create_device(setup, owner, kind=DeviceKind.BATTERY, name="Barn")
        await configure(setup, battery, provider_url)
    yield battery, viewer_of(staff)
    async with create_sessionmaker(engine).begin() as cleanup:
        await cleanup.execute(delete(User).where(User.id.in_((owner.id, staff.id))))


class TestConcurrentFetches:
    async def test_a_fetch_of_the_day_another_transaction_holds_supersedes_it(
        self, engine, battery_settings, committed_battery
    ):
        # given
        battery, staff = committed_battery

        # when staff fetch tomorrow while another fetch of it (the daily job, the operator's
        # CLI) has created its schedule and not committed yet
        first, result = await raced(
            engine,
            lambda other: flows.fetch_now(other, battery_settings, battery.id, NOW),
            lambda staffs: flows.fetch_schedule(staffs, battery_settings, staff, battery.id, NOW),
        )

        # then the later one is tomorrow's schedule, and the earlier one superseded by it
        assert result.outcome is ArchiveOutcome.ACCEPTED
        async with create_sessionmaker(engine)() as check:
            schedules = ScheduleRepository(check)
            current = await schedules.get_current(battery.id, TOMORROW)
            earlier = await schedules.get_for_device(battery.id, first.schedule.message_id)
        assert current.message_id == result.schedule.message_id != first.schedule.message_id
        assert earlier.status is ScheduleStatus.SUPERSEDED
        assert earlier.reason == f"superseded by {current.message_id}"


class TestReports:
    async def test_a_repeated_report_changes_nothing_and_the_last_slot_rolls_up(
        self, session, battery, battery_settings, provider_url
    ):
        # given a delivered schedule
        await configure(session, battery, provider_url)
        await flows.fetch_due_schedules(session, battery_settings, NOW)
        (sent,) = await service.deliver_due(session, battery_settings, NOW)
        message_id = sent.message_id
        await service.record_ack(session, battery.id, message_id, NOW)

        # when every slot is reported, slot 7 twice (FAILED, then a late EXECUTED)
        for slot in range(48):
            status = SlotStatus.FAILED if slot == 7 else SlotStatus.EXECUTED
            report = service.SlotReport(message_id, slot, status, "battery empty")
            schedule = await service.record_report(session, battery.id, report, NOW)
        late = service.SlotReport(message_id, 7, SlotStatus.EXECUTED, None)
        await service.record_report(session, battery.id, late, NOW)

        # then
        assert schedule.status is ScheduleStatus.PARTIAL
        (slots,) = await service.slots_by_schedule_ids(session, [schedule.id])
        assert slots[7].status is SlotStatus.FAILED
        assert slots[7].detail == "battery empty"


class TestProfiles:
    async def test_an_unknown_time_zone_is_refused(self, session, battery):
        # when / then
        with pytest.raises(InvalidBatteryProfile) as refused:
            await set_profile(session, battery, BatterySpec(5, 5, 10, "Mars/Olympus"), NOW)
        assert refused.value.field == ["battery.timeZone"]

    async def test_a_feeder_has_no_battery_profile(self, session, feeder):
        # when / then
        with pytest.raises(InvalidBatteryProfile):
            await set_profile(session, feeder, BatterySpec(5, 5, 10, "UTC"), NOW)


class TestArchiveRetention:
    async def test_responses_older_than_the_retention_are_pruned(
        self, session, battery, battery_settings
    ):
        # given a response archived 91 days ago and one archived now
        await configure(session, battery, f"http://127.0.0.1:{free_port()}")
        archive = DatabaseArchive()
        old = await archive.store(
            session, RawResponse("http://p/tomorrow", NOW - dt.timedelta(days=91), 200, {}, b"{}"),
            battery.id, TOMORROW,
        )  # fmt: skip
        recent = await archive.store(
            session, RawResponse("http://p/tomorrow", NOW, 200, {}, b"{}"), battery.id, TOMORROW
        )

        # when
        pruned = await flows.prune_archive(session, battery_settings, NOW)

        # then
        assert pruned == 1
        assert await ArchiveRepository(session).get(old.id) is None
        assert await ArchiveRepository(session).get(recent.id) is not None
