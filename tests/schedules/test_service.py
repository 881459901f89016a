import datetime as dt

import pytest

from graphql_api.devices.errors import DeviceNotFound
from graphql_api.devices.models import DeviceKind
from graphql_api.pagination import PageArgs
from graphql_api.schedules import service as schedules_service
from graphql_api.schedules.errors import (
    InvalidDaysOfWeek,
    InvalidPortion,
    InvalidScheduleTime,
    NotAFeeder,
    ScheduleErrorCode,
    ScheduleNotFound,
    TooManySchedules,
)
from graphql_api.schedules.service import ScheduleData
from graphql_api.settings import Settings
from tests.factories.accounts import viewer_of
from tests.factories.schedules import CREATED_AT, create_feeder, create_owner, create_schedule

# 08:00 in Manila (UTC+8, no DST) on Monday 2026-06-01 is 00:00 UTC.
MANILA_MONDAY_0800 = dt.datetime(2026, 6, 1, 0, 0, tzinfo=dt.UTC)
SECOND = dt.timedelta(seconds=1)


@pytest.fixture
async def manila_feeder(session):
    owner = await create_owner(session, "Asia/Manila")
    return owner, await create_feeder(session, owner)


async def check_at(session, settings: Settings, device, now: dt.datetime):
    return await schedules_service.check(session, settings, device, now)


class TestCheckWindow:
    @pytest.mark.parametrize("after", [0, 1, 90, 180])
    async def test_fires_from_0_to_180_seconds_after_its_local_time(
        self, session, settings, manila_feeder, after
    ):
        # given
        owner, feeder = manila_feeder
        schedule = await create_schedule(session, owner, feeder, "08:00", 40)
        # when
        decision = await check_at(session, settings, feeder, MANILA_MONDAY_0800 + after * SECOND)
        # then
        assert decision.should_feed
        assert decision.triggered.id == schedule.id
        assert decision.grams == 40.0
        assert decision.firing_id is not None

    @pytest.mark.parametrize("offset", [-1, 181, 3600])
    async def test_does_not_fire_before_its_time_or_after_the_window(
        self, session, settings, manila_feeder, offset
    ):
        # given
        owner, feeder = manila_feeder
        await create_schedule(session, owner, feeder, "08:00")
        # when
        decision = await check_at(session, settings, feeder, MANILA_MONDAY_0800 + offset * SECOND)
        # then
        assert not decision.should_feed
        assert decision.firing_id is None
        assert decision.grams == 0.0

    async def test_local_now_is_in_the_owner_time_zone(self, session, settings, manila_feeder):
        # given
        owner, feeder = manila_feeder
        # when
        decision = await check_at(session, settings, feeder, MANILA_MONDAY_0800 + 61 * SECOND)
        # then
        assert decision.local_now.strftime("%Y-%m-%d %H:%M:%S") == "2026-06-01 08:01:01"

    async def test_does_not_fire_on_days_it_is_not_set_for(self, session, settings, manila_feeder):
        # given
        owner, feeder = manila_feeder
        await create_schedule(session, owner, feeder, "08:00", days_of_week=["Tue", "Sat"])
        # when
        decision = await check_at(session, settings, feeder, MANILA_MONDAY_0800 + 30 * SECOND)
        # then
        assert not decision.should_feed

    async def test_fires_on_a_day_it_is_set_for(self, session, settings, manila_feeder):
        # given
        owner, feeder = manila_feeder
        await create_schedule(session, owner, feeder, "08:00", days_of_week=["Tue"])
        tuesday = MANILA_MONDAY_0800 + dt.timedelta(days=1)
        # when
        decision = await check_at(session, settings, feeder, tuesday)
        # then
        assert decision.should_feed

    async def test_a_disabled_schedule_does_not_fire(self, session, settings, manila_feeder):
        # given
        owner, feeder = manila_feeder
        await create_schedule(session, owner, feeder, "08:00", enabled=False)
        # when
        decision = await check_at(session, settings, feeder, MANILA_MONDAY_0800)
        # then
        assert not decision.should_feed


class TestCheckOncePerLocalDay:
    async def test_later_polls_the_same_day_do_not_fire_again(
        self, session, settings, manila_feeder
    ):
        # given
        owner, feeder = manila_feeder
        await create_schedule(session, owner, feeder, "08:00")
        first = await check_at(session, settings, feeder, MANILA_MONDAY_0800 + 10 * SECOND)
        # when
        polls = [
            await check_at(session, settings, feeder, MANILA_MONDAY_0800 + seconds * SECOND)
            for seconds in (10, 55, 100, 145, 180)
        ]
        # then
        assert first.should_feed
        assert [poll.should_feed for poll in polls] == [False] * 5

    async def test_the_next_day_fires_with_a_new_triggered_id(
        self, session, settings, manila_feeder
    ):
        # given
        owner, feeder = manila_feeder
        await create_schedule(session, owner, feeder, "08:00")
        monday = await check_at(session, settings, feeder, MANILA_MONDAY_0800)
        # when
        tuesday = await check_at(
            session, settings, feeder, MANILA_MONDAY_0800 + dt.timedelta(days=1)
        )
        # then
        assert tuesday.should_feed
        assert tuesday.firing_id != monday.firing_id

    async def test_two_schedules_due_together_fire_on_successive_polls(
        self, session, settings, manila_feeder
    ):
        # given
        owner, feeder = manila_feeder
        early = await create_schedule(session, owner, feeder, "08:00", 20)
        late = await create_schedule(session, owner, feeder, "08:01", 50)
        # when
        first = await check_at(session, settings, feeder, MANILA_MONDAY_0800 + 70 * SECOND)
        second = await check_at(session, settings, feeder, MANILA_MONDAY_0800 + 115 * SECOND)
        third = await check_at(session, settings, feeder, MANILA_MONDAY_0800 + 160 * SECOND)
        # then
        assert (first.triggered.id, second.triggered.id) == (early.id, late.id)
        assert (first.grams, second.grams) == (20.0, 50.0)
        assert not third.should_feed

    async def test_schedules_of_another_feeder_never_fire_for_this_one(
        self, session, settings, manila_feeder
    ):
        # given
        owner, feeder = manila_feeder
        other_feeder = await create_feeder(session, owner)
        await create_schedule(session, owner, other_feeder, "08:00")
        # when
        decision = await check_at(session, settings, feeder, MANILA_MONDAY_0800)
        # then
        assert not decision.should_feed
        assert decision.schedules == []


class TestCheckWithDst:
    @pytest.mark.parametrize(
        ("now", "fires"),
        [
            (dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC), True),  # 08:00 EDT
            (dt.datetime(2026, 1, 5, 13, 0, tzinfo=dt.UTC), True),  # 08:00 EST
            (dt.datetime(2026, 1, 5, 12, 0, tzinfo=dt.UTC), False),  # 07:00 EST
            (dt.datetime(2026, 6, 1, 13, 0, tzinfo=dt.UTC), False),  # 09:00 EDT
        ],
    )
    async def test_fires_at_the_same_wall_clock_time_in_summer_and_winter(
        self, session, settings, now, fires
    ):
        # given
        owner = await create_owner(session, "America/New_York")
        feeder = await create_feeder(session, owner)
        await create_schedule(session, owner, feeder, "08:00")
        # when
        decision = await check_at(session, settings, feeder, now)
        # then
        assert decision.should_feed is fires

    async def test_a_time_skipped_by_spring_forward_fires_once_an_hour_later(
        self, session, settings
    ):
        # given: 2026-03-08 has no 02:30 in New York
        owner = await create_owner(session, "America/New_York")
        feeder = await create_feeder(session, owner)
        await create_schedule(session, owner, feeder, "02:30")
        # when
        at_0330_edt = await check_at(
            session, settings, feeder, dt.datetime(2026, 3, 8, 7, 30, tzinfo=dt.UTC)
        )
        again = await check_at(
            session, settings, feeder, dt.datetime(2026, 3, 8, 7, 32, tzinfo=dt.UTC)
        )
        # then
        assert at_0330_edt.should_feed
        assert not again.should_feed


class TestUtcFlawArray:
    @pytest.mark.parametrize(
        ("firmware", "sees_array"),
        [(None, False), ("1.0", False), ("1.3.2", False), ("2.0.0", True)],
    )
    async def test_firmware_with_the_utc_flaw_gets_an_empty_array(
        self, session, settings, firmware, sees_array
    ):
        # given
        owner = await create_owner(session)
        feeder = await create_feeder(session, owner, firmware_version=firmware)
        schedule = await create_schedule(session, owner, feeder, "08:00")
        # when
        decision = await check_at(session, settings, feeder, MANILA_MONDAY_0800 - 3600 * SECOND)
        config = await schedules_service.feeder_schedules(session, settings, feeder)
        # then
        expected = [schedule] if sees_array else []
        assert decision.schedules == expected
        assert config == expected

    async def test_the_versions_come_from_the_setting(self, session, settings, manila_feeder):
        # given
        owner, feeder = manila_feeder
        feeder.firmware_version = "1.0"
        await create_schedule(session, owner, feeder, "08:00")
        fixed_everywhere = settings.model_copy(update={"petio_utc_flaw_firmware": "0.9.*"})
        # when
        decision = await check_at(session, fixed_everywhere, feeder, MANILA_MONDAY_0800)
        # then
        assert len(decision.schedules) == 1
        assert decision.should_feed


class TestCreate:
    async def test_creates_a_schedule_on_the_viewer_feeder(self, session, manila_feeder):
        # given
        owner, feeder = manila_feeder
        # when
        schedule = await create_schedule(
            session, owner, feeder, "07:30", 160, days_of_week=["sat", "Sun"], label=" Weekend "
        )
        # then
        assert (schedule.time_of_day, schedule.grams, schedule.label) == (
            dt.time(7, 30),
            160,
            "Weekend",
        )
        assert schedule.days_mask == 0b1100000
        assert schedule.enabled

    @pytest.mark.parametrize("time", ["24:00", "7:30", "07:60", "0730", ""])
    async def test_refuses_a_bad_time(self, session, manila_feeder, time):
        # given
        owner, feeder = manila_feeder
        # when / then
        with pytest.raises(InvalidScheduleTime) as raised:
            await create_schedule(session, owner, feeder, time)
        assert raised.value.field == ["time"]

    @pytest.mark.parametrize("grams", [0, 5, 25, 165, 170, -10])
    async def test_refuses_grams_outside_10_to_160_or_off_the_10_g_step(
        self, session, manila_feeder, grams
    ):
        # given
        owner, feeder = manila_feeder
        # when / then
        with pytest.raises(InvalidPortion):
            await create_schedule(session, owner, feeder, grams=grams)

    @pytest.mark.parametrize("days", [["Mon", "Funday"], [], ["Monday"]])
    async def test_refuses_unknown_days(self, session, manila_feeder, days):
        # given
        owner, feeder = manila_feeder
        # when / then
        with pytest.raises(InvalidDaysOfWeek) as raised:
            await create_schedule(session, owner, feeder, days_of_week=days)
        assert raised.value.code is ScheduleErrorCode.INVALID_DAYS_OF_WEEK

    async def test_another_users_feeder_is_not_found(self, session, manila_feeder):
        # given
        _, feeder = manila_feeder
        stranger = await create_owner(session)
        # when / then
        with pytest.raises(DeviceNotFound):
            await create_schedule(session, stranger, feeder)

    async def test_a_device_that_is_not_a_feeder_is_refused(self, session):
        # given
        owner = await create_owner(session)
        collar = await create_feeder(session, owner, kind=DeviceKind.COLLAR)
        # when / then
        with pytest.raises(NotAFeeder):
            await create_schedule(session, owner, collar)

    async def test_a_feeder_holds_at_most_six(self, session, manila_feeder):
        # given
        owner, feeder = manila_feeder
        for hour in range(6):
            await create_schedule(session, owner, feeder, f"0{hour}:00")
        # when / then
        with pytest.raises(TooManySchedules):
            await create_schedule(session, owner, feeder, "09:00")


class TestUpdateAndDelete:
    async def test_updates_only_the_given_fields(self, session, manila_feeder):
        # given
        owner, feeder = manila_feeder
        schedule = await create_schedule(session, owner, feeder, "08:00", 30, label="Breakfast")
        later = CREATED_AT + dt.timedelta(hours=1)
        # when
        data = ScheduleData(grams=50, enabled=False)
        updated = await schedules_service.update(
            session, viewer_of(owner), schedule.id, data, later
        )
        # then
        assert (updated.time_of_day, updated.grams, updated.enabled) == (dt.time(8), 50, False)
        assert (updated.label, updated.updated_at) == ("Breakfast", later)

    async def test_another_users_schedule_is_not_found(self, session, manila_feeder):
        # given
        owner, feeder = manila_feeder
        schedule = await create_schedule(session, owner, feeder)
        stranger = viewer_of(await create_owner(session))
        # when / then
        with pytest.raises(ScheduleNotFound):
            await schedules_service.update(
                session, stranger, schedule.id, ScheduleData(grams=20), CREATED_AT
            )
        with pytest.raises(ScheduleNotFound):
            await schedules_service.delete(session, stranger, schedule.id)

    async def test_deleting_removes_it_from_the_feeder(self, session, settings, manila_feeder):
        # given
        owner, feeder = manila_feeder
        schedule = await create_schedule(session, owner, feeder)
        # when
        await schedules_service.delete(session, viewer_of(owner), schedule.id)
        # then
        assert (
            await schedules_service.feeder_schedules(
                session, settings.model_copy(update={"petio_utc_flaw_firmware": ""}), feeder
            )
            == []
        )


class TestListForDevice:
    async def test_lists_the_feeder_schedules_and_hides_them_from_others(
        self, session, manila_feeder
    ):
        # given
        owner, feeder = manila_feeder
        first = await create_schedule(session, owner, feeder, "08:00")
        second = await create_schedule(session, owner, feeder, "18:00")
        stranger = viewer_of(await create_owner(session))
        page_args = PageArgs(limit=10, forward=True, cursor=None)
        # when
        page, count = await schedules_service.list_for_device(
            session, viewer_of(owner), feeder.id, page_args
        )
        # then
        assert [item.id for item in page.items] == [first.id, second.id]
        assert await count() == 2
        with pytest.raises(DeviceNotFound):
            await schedules_service.list_for_device(session, stranger, feeder.id, page_args)
