import datetime as dt

import pytest
from sqlalchemy import func, select

from graphql_api.accounts import service as accounts_service
from graphql_api.alerts.models import Alert, AlertKind, AlertStatus
from graphql_api.auth import Role
from graphql_api.commands import service as commands_service
from graphql_api.commands.models import CommandKind
from graphql_api.devices.errors import DeviceErrorCode
from graphql_api.devices.models import DeviceKind
from graphql_api.errors import DomainError
from graphql_api.feeding import service as feeding_service
from graphql_api.feeding.errors import FeedingErrorCode
from graphql_api.feeding.models import FeedingLog, FeedingSource
from graphql_api.feeding.service import FeedingFilters, ReportedFeeding
from graphql_api.pagination import PageArgs
from graphql_api.pets.errors import PetErrorCode
from tests.factories.accounts import PASSWORD, unique_email, viewer_of
from tests.factories.devices_db import create_device
from tests.factories.pets_db import create_pet

RECEIVED = dt.datetime(2026, 11, 23, 8, 0, 30, tzinfo=dt.UTC)
DEVICE_TIME = dt.datetime(2026, 11, 23, 8, 0, 0, tzinfo=dt.UTC)
FIRST_PAGE = PageArgs(limit=20, forward=True, cursor=None)


def report(grams=30.0, source=FeedingSource.MANUAL, device_time=DEVICE_TIME, notes=None):
    return ReportedFeeding(grams=grams, source=source, device_time=device_time, notes=notes)


async def alerts_of(session, device) -> list[Alert]:
    return list(await session.scalars(select(Alert).where(Alert.device_id == device.id)))


async def log_count(session, device) -> int:
    statement = (
        select(func.count()).select_from(FeedingLog).where(FeedingLog.device_id == device.id)
    )
    return int((await session.execute(statement)).scalar_one())


async def acked_feed_now(session, owner, feeder, at=RECEIVED, result="ok"):
    command = await commands_service.issue(
        session, viewer_of(owner), feeder.id, CommandKind.FEED_NOW, {"grams": 30}, at
    )
    await commands_service.fetch_pending(session, feeder, at)
    return await commands_service.acknowledge(session, feeder, command.id, result, None, at)


class TestRecordLogs:
    async def test_keeps_the_device_time_and_the_receive_time(self, session, feeder):
        # when
        [log] = await feeding_service.record_logs(session, feeder, [report()], RECEIVED)

        # then
        assert (log.fed_at, log.device_time, log.received_at) == (
            DEVICE_TIME,
            DEVICE_TIME,
            RECEIVED,
        )
        assert (log.grams, log.source, log.command_id) == (30.0, FeedingSource.MANUAL, None)

    @pytest.mark.parametrize(
        "device_time",
        [None, dt.datetime(1970, 1, 1, 0, 12, tzinfo=dt.UTC), RECEIVED + dt.timedelta(hours=2)],
    )
    async def test_an_implausible_or_missing_device_time_means_receive_time(
        self, session, feeder, device_time
    ):
        # when
        [log] = await feeding_service.record_logs(
            session, feeder, [report(device_time=device_time)], RECEIVED
        )

        # then
        assert (log.fed_at, log.device_time) == (RECEIVED, device_time)

    async def test_a_batch_with_one_bad_portion_writes_nothing(self, session, feeder):
        # given
        batch = [report(), report(grams=-5)]

        # when
        with pytest.raises(DomainError) as raised:
            await feeding_service.record_logs(session, feeder, batch, RECEIVED)

        # then
        assert raised.value.code is FeedingErrorCode.INVALID_FEEDING_LOG
        assert raised.value.field == ["logs.1.portion_dispensed"]
        assert await log_count(session, feeder) == 0

    async def test_a_resent_log_is_stored_once(self, session, feeder):
        # given
        await feeding_service.record_logs(session, feeder, [report()], RECEIVED)

        # when
        again = await feeding_service.record_logs(session, feeder, [report()], RECEIVED)

        # then
        assert again == []
        assert await log_count(session, feeder) == 1

    async def test_the_feeders_pet_is_recorded(self, session, owner, feeder):
        # given
        pet = await create_pet(session, owner)
        feeder.pet_id = pet.id

        # when
        [log] = await feeding_service.record_logs(session, feeder, [report()], RECEIVED)

        # then
        assert log.pet_id == pet.id


class TestJamReports:
    async def test_a_log_reporting_a_jam_raises_jam_once_and_a_fed_log_clears_it(
        self, session, feeder
    ):
        # given
        jam = "jam: wheel stalled at compartment 1 of 2 after 2 retries"
        await feeding_service.record_logs(session, feeder, [report(0, notes=jam)], RECEIVED)
        later = RECEIVED + dt.timedelta(minutes=1)
        again = report(0, device_time=DEVICE_TIME + dt.timedelta(minutes=1), notes=jam)
        await feeding_service.record_logs(session, feeder, [again], later)
        [raised] = await alerts_of(session, feeder)

        # when: the owner cleared the wheel, a feed goes through
        fed = report(30, device_time=DEVICE_TIME + dt.timedelta(minutes=2))
        await feeding_service.record_logs(session, feeder, [fed], later)

        # then
        [alert] = await alerts_of(session, feeder)
        assert (raised.kind, alert.status) == (AlertKind.JAM, AlertStatus.CLEARED)
        assert jam in alert.message

    async def test_other_notes_raise_nothing(self, session, feeder):
        # when
        await feeding_service.record_logs(
            session, feeder, [report(notes="Manual button feed (jammy treats)")], RECEIVED
        )

        # then
        assert await alerts_of(session, feeder) == []


class TestCommandLink:
    async def test_a_remote_log_carries_the_acknowledged_feed_now(self, session, owner, feeder):
        # given
        command = await acked_feed_now(session, owner, feeder)

        # when
        [log] = await feeding_service.record_logs(
            session, feeder, [report(source=FeedingSource.REMOTE_COMMAND)], RECEIVED
        )

        # then
        assert log.command_id == command.id

    async def test_a_command_is_linked_to_one_log_only(self, session, owner, feeder):
        # given
        await acked_feed_now(session, owner, feeder)
        remote = report(source=FeedingSource.REMOTE_COMMAND)
        await feeding_service.record_logs(session, feeder, [remote], RECEIVED)

        # when
        [second] = await feeding_service.record_logs(
            session,
            feeder,
            [report(source=FeedingSource.REMOTE_COMMAND, device_time=None)],
            RECEIVED,
        )

        # then
        assert second.command_id is None

    async def test_the_most_recent_of_two_commands_is_taken(self, session, owner, feeder):
        # given
        await acked_feed_now(session, owner, feeder, at=RECEIVED - dt.timedelta(minutes=2))
        latest = await acked_feed_now(session, owner, feeder)

        # when
        [log] = await feeding_service.record_logs(
            session, feeder, [report(source=FeedingSource.REMOTE_COMMAND)], RECEIVED
        )

        # then
        assert log.command_id == latest.id

    async def test_refused_or_old_commands_are_not_linked(self, session, owner, feeder):
        # given
        await acked_feed_now(session, owner, feeder, result="busy")
        await acked_feed_now(session, owner, feeder, at=RECEIVED - dt.timedelta(minutes=30))

        # when
        [log] = await feeding_service.record_logs(
            session, feeder, [report(source=FeedingSource.REMOTE_COMMAND)], RECEIVED
        )

        # then
        assert log.command_id is None

    async def test_only_remote_command_logs_are_linked(self, session, owner, feeder):
        # given
        await acked_feed_now(session, owner, feeder)

        # when
        [log] = await feeding_service.record_logs(
            session, feeder, [report(source=FeedingSource.SCHEDULED)], RECEIVED
        )

        # then
        assert log.command_id is None


class TestHistory:
    async def test_filters_by_source_and_time_newest_first(self, session, owner, feeder):
        # given
        early = report(device_time=DEVICE_TIME - dt.timedelta(hours=3))
        manual = report(device_time=DEVICE_TIME - dt.timedelta(hours=1))
        scheduled = report(source=FeedingSource.SCHEDULED)
        await feeding_service.record_logs(session, feeder, [early, manual, scheduled], RECEIVED)
        filters = FeedingFilters(
            device_id=feeder.id,
            source=FeedingSource.MANUAL,
            since=DEVICE_TIME - dt.timedelta(hours=2),
        )

        # when
        page, count = await feeding_service.history(session, viewer_of(owner), FIRST_PAGE, filters)

        # then
        assert [log.fed_at for log in page.items] == [manual.device_time]
        assert await count() == 1

    async def test_by_pet(self, session, owner, feeder):
        # given
        pet = await create_pet(session, owner)
        await feeding_service.record_logs(session, feeder, [report()], RECEIVED)
        feeder.pet_id = pet.id
        [mine] = await feeding_service.record_logs(
            session, feeder, [report(device_time=None)], RECEIVED
        )

        # when
        page, _ = await feeding_service.history(
            session, viewer_of(owner), FIRST_PAGE, FeedingFilters(pet_id=pet.id)
        )

        # then
        assert [log.id for log in page.items] == [mine.id]

    async def test_another_owners_feeder_is_not_found(self, session, stranger, feeder):
        # when
        with pytest.raises(DomainError) as raised:
            await feeding_service.history(
                session, viewer_of(stranger), FIRST_PAGE, FeedingFilters(device_id=feeder.id)
            )

        # then
        assert raised.value.code is DeviceErrorCode.DEVICE_NOT_FOUND

    async def test_another_owners_pet_is_not_found(self, session, owner, stranger):
        # given
        pet = await create_pet(session, owner)

        # when
        with pytest.raises(DomainError) as raised:
            await feeding_service.history(
                session, viewer_of(stranger), FIRST_PAGE, FeedingFilters(pet_id=pet.id)
            )

        # then
        assert raised.value.code is PetErrorCode.PET_NOT_FOUND

    async def test_without_filters_only_the_viewers_own_feeders(
        self, session, owner, stranger, feeder
    ):
        # given
        theirs = await create_device(session, stranger, kind=DeviceKind.FEEDER)
        await feeding_service.record_logs(session, theirs, [report()], RECEIVED)
        [mine] = await feeding_service.record_logs(session, feeder, [report()], RECEIVED)

        # when
        page, _ = await feeding_service.history(
            session, viewer_of(owner), FIRST_PAGE, FeedingFilters()
        )

        # then
        assert [log.id for log in page.items] == [mine.id]


class TestDailyTotals:
    async def test_days_are_the_owners_local_days(self, session):
        # given: Manila is UTC+8, so 15:00Z is 23:00 on the 22nd and 17:00Z is 01:00 on the 23rd
        registration = accounts_service.Registration(
            unique_email("manila"), PASSWORD, "manila", "Asia/Manila", Role.OWNER
        )
        owner = await accounts_service.register(session, registration)
        feeder = await create_device(session, owner, kind=DeviceKind.FEEDER)
        night = dt.datetime(2026, 11, 22, 15, 0, tzinfo=dt.UTC)
        reports = [
            report(grams=30, device_time=night),
            report(grams=20, device_time=night + dt.timedelta(hours=2)),
            report(grams=40, device_time=night + dt.timedelta(hours=3)),
        ]
        await feeding_service.record_logs(session, feeder, reports, RECEIVED)

        # when
        totals = await feeding_service.daily_totals(
            session, viewer_of(owner), feeder.id, dt.date(2026, 11, 21), dt.date(2026, 11, 23)
        )

        # then
        assert [(t.day, t.grams, t.feeds) for t in totals] == [
            (dt.date(2026, 11, 21), 0.0, 0),
            (dt.date(2026, 11, 22), 30.0, 1),
            (dt.date(2026, 11, 23), 60.0, 2),
        ]

    async def test_a_reversed_range_is_refused(self, session, owner, feeder):
        # when
        with pytest.raises(DomainError) as raised:
            await feeding_service.daily_totals(
                session, viewer_of(owner), feeder.id, dt.date(2026, 11, 23), dt.date(2026, 11, 1)
            )

        # then
        assert raised.value.code is FeedingErrorCode.INVALID_TIME_RANGE

    async def test_another_owners_feeder_is_not_found(self, session, stranger, feeder):
        # when
        with pytest.raises(DomainError) as raised:
            await feeding_service.daily_totals(
                session, viewer_of(stranger), feeder.id, dt.date(2026, 11, 1), dt.date(2026, 11, 2)
            )

        # then
        assert raised.value.code is DeviceErrorCode.DEVICE_NOT_FOUND
