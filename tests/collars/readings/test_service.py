import datetime as dt

import pytest

from graphql_api import events
from graphql_api.auth import Role, Viewer
from graphql_api.collars.readings import service as collars_service
from graphql_api.collars.readings.errors import CollarKeyInvalid, ReadingInvalid, ReadingsRejected
from graphql_api.collars.readings.service import ReportedReading
from graphql_api.devices.models import DeviceKind
from tests.factories.accounts import viewer_of
from tests.factories.devices_db import register_device
from tests.support.database import counting_statements

NOW = dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
async def issued_collar(session, owner):
    return await register_device(session, owner, DeviceKind.COLLAR, hardware_id="SN-12345")


def reading(at: dt.datetime = NOW, **overrides) -> ReportedReading:
    values = {
        "collar_id": "SN-12345",
        "measured_at": at,
        "heart_rate": 85,
        "activity_level": 1,
        "longitude": -74.006,
        "latitude": 40.7128,
    }
    values.update(overrides)
    return ReportedReading(**values)


def pending_channels(session) -> list[str]:
    return [channel for channel, _ in session.info.get("pawgraph.pending_events", [])]


class TestAuthenticate:
    async def test_the_key_in_either_header_finds_the_collar(
        self, session, settings, issued_collar
    ):
        # when
        by_header = await collars_service.authenticate(
            session, settings, api_key=issued_collar.api_key, authorization=None
        )
        by_bearer = await collars_service.authenticate(
            session, settings, api_key=None, authorization=f"Bearer {issued_collar.api_key}"
        )

        # then
        assert by_header.id == by_bearer.id == issued_collar.device.id

    async def test_a_feeders_key_is_refused(self, session, settings, owner):
        # given
        feeder = await register_device(session, owner, DeviceKind.FEEDER)

        # when / then
        with pytest.raises(CollarKeyInvalid):
            await collars_service.authenticate(
                session, settings, api_key=feeder.api_key, authorization=None
            )


class TestCheck:
    def test_rounds_the_position_to_six_places(self, issued_collar):
        # when
        clean = collars_service.check(
            issued_collar.device, reading(longitude=-74.0061234567, latitude=40.71284999), NOW
        )

        # then
        assert (clean.longitude, clean.latitude) == (-74.006123, 40.71285)

    @pytest.mark.parametrize(
        "offset",
        [-collars_service.MAX_AGE, collars_service.MAX_AHEAD, dt.timedelta(0)],
    )
    def test_the_edges_of_the_time_window_are_inside(self, issued_collar, offset):
        # when
        clean = collars_service.check(issued_collar.device, reading(NOW + offset), NOW)

        # then
        assert clean.measured_at == NOW + offset

    @pytest.mark.parametrize(
        "offset",
        [
            -collars_service.MAX_AGE - dt.timedelta(seconds=1),
            collars_service.MAX_AHEAD + dt.timedelta(seconds=1),
        ],
    )
    def test_just_outside_the_time_window_is_invalid(self, issued_collar, offset):
        # when / then
        with pytest.raises(ReadingInvalid):
            collars_service.check(issued_collar.device, reading(NOW + offset), NOW)


class TestIngest:
    async def test_a_batch_is_one_insert_and_each_stored_reading_is_broadcast(
        self, session, engine, issued_collar
    ):
        # given
        batch = [(i, reading(NOW - dt.timedelta(seconds=10 * i))) for i in range(50)]

        # when
        with counting_statements(engine) as statements:
            result = await collars_service.ingest(
                session, issued_collar.device, batch, NOW, batch=True
            )

        # then
        inserts = [s for s in statements if s.lstrip().upper().startswith("INSERT INTO COLLAR")]
        assert len(inserts) == 1
        assert len(result.stored) == 50
        channel = events.device_telemetry_channel(issued_collar.device.id)
        assert pending_channels(session).count(channel) == 50

    async def test_a_timestamp_already_stored_or_repeated_is_a_duplicate(
        self, session, issued_collar
    ):
        # given
        device = issued_collar.device
        await collars_service.ingest(session, device, [(0, reading())], NOW)

        # when
        result = await collars_service.ingest(
            session,
            device,
            [(0, reading()), (1, reading(NOW - dt.timedelta(seconds=10))), (2, reading())],
            NOW,
            batch=True,
        )

        # then
        assert (len(result.stored), result.duplicates, result.rejected) == (1, 2, [])

    async def test_nothing_valid_raises_and_nothing_is_written(self, session, issued_collar):
        # when
        with pytest.raises(ReadingsRejected) as rejected:
            await collars_service.ingest(
                session, issued_collar.device, [(0, reading(heart_rate=20))], NOW
            )

        # then
        assert rejected.value.message == "heart_rate must be between 30 and 300, got 20."
        assert pending_channels(session) == []
        page = await collars_service.track(
            session,
            viewer_of_owner(issued_collar),
            issued_collar.device.id,
            None,
            None,
            first=10,
            after=None,
            max_page_size=100,
        )
        assert page is not None and page.readings == []

    async def test_the_collar_is_seen_online(self, session, issued_collar):
        # when
        await collars_service.ingest(session, issued_collar.device, [(0, reading())], NOW)

        # then
        assert issued_collar.device.online is True
        assert issued_collar.device.last_seen_at == NOW


class TestTrack:
    async def test_another_owner_gets_none(self, session, issued_collar, stranger):
        # given
        await collars_service.ingest(session, issued_collar.device, [(0, reading())], NOW)

        # when
        page = await collars_service.track(
            session,
            viewer_of(stranger),
            issued_collar.device.id,
            None,
            None,
            first=10,
            after=None,
            max_page_size=100,
        )

        # then
        assert page is None


def viewer_of_owner(issued) -> Viewer:
    return Viewer(user_id=issued.device.owner_id, role=Role.OWNER)


class TestIngestOnSQLite:
    """The embedded default builds the batch insert its own way (executemany, not unnest)."""

    @pytest.fixture
    def session(self, sqlite_session):
        return sqlite_session

    async def test_a_batch_is_stored_once_and_a_repeat_is_a_duplicate(self, session, issued_collar):
        # given
        device = issued_collar.device
        batch = [(i, reading(NOW - dt.timedelta(seconds=10 * i))) for i in range(5)]
        first = await collars_service.ingest(session, device, batch, NOW, batch=True)

        # when
        again = await collars_service.ingest(session, device, batch[:2], NOW, batch=True)

        # then
        assert (len(first.stored), first.duplicates) == (5, 0)
        assert (len(again.stored), again.duplicates) == (0, 2)
        assert sorted(first.stored) == sorted(set(first.stored))
